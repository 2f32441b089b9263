// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// The returns desk: the scan box keeps the focus so a scanner can fire scan after scan; a
// rejected scan stays selected, so the next one replaces it.
const scanBox = document.querySelector('[data-ces-scan]')
if (scanBox) {
  scanBox.focus()
  scanBox.select()
}
