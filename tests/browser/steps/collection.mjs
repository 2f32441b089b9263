// The prescriber asks for the delivered equipment to be collected; the resident finds where they
// could take it back themselves.
import { check, expect, openPage, signIn } from '../tools.mjs';

export async function prescriberRequestsACollection(browser, base, journey) {
  const { context, page } = await signIn(browser, base, 'prescriber', '**/catalogue');
  await page.getByRole('link', { name: 'My orders' }).click();
  await page.waitForURL('**/orders');
  await page.getByRole('link', { name: journey.reference }).click();
  await page.waitForURL(`**/orders/${journey.reference}`);
  const request = page.getByRole('button', { name: 'Request a collection' });
  await expect('the delivered order offers a collection', () => request.isVisible());
  await check(page, 'order-delivered');
  await request.click();
  await page.waitForURL(`**/orders/${journey.reference}/collection`);
  const labels = (await page.locator('.govuk-checkboxes__label').allTextContents()).join(' | ');
  await expect('the collection form lists the delivered assets',
    () => (journey.deliveredBarcodes || []).every((barcode) => labels.includes(barcode)), labels);
  await check(page, 'collection-request');

  await page.getByRole('button', { name: 'Request collection' }).click();
  await expect('an empty collection request shows the error summary',
    () => page.locator('.govuk-error-summary').isVisible());
  await expect('the error summary asks what to collect and why',
    async () => /Select what to collect/.test(await page.locator('.govuk-error-summary').textContent())
      && /Select why/.test(await page.locator('.govuk-error-summary').textContent()));
  await check(page, 'collection-request-errors');

  await page.getByLabel('Everything on loan from this order').check();
  await page.getByLabel('No longer needed').check();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Request collection' }).click();
  await page.waitForURL(/\/collections\/COL-/);
  const collectionReference = (await page.locator('#collection-reference').textContent()).trim();
  const dueBy = (await page.locator('#due-by').textContent()).trim();
  await expect('the confirmation shows the collection reference',
    () => /^COL-\d{4}-\d+$/.test(collectionReference), collectionReference);
  await expect('the confirmation shows the due date', () => /\d{4}/.test(dueBy), dueBy);
  await expect('the collection brings back the delivered assets', async () => {
    const table = await page.locator('table.govuk-table').textContent();
    return (journey.deliveredBarcodes || []).every((barcode) => table.includes(barcode));
  });
  await check(page, 'collection-confirmation');
  journey.collectionReference = collectionReference;

  await page.getByRole('link', { name: 'Collections', exact: true }).click();
  await page.waitForURL('**/collections');
  await expect('the collections list shows the new collection',
    () => page.getByRole('link', { name: collectionReference }).isVisible());
  await check(page, 'collections');
  await context.close();

  // The resident, without signing in, from their tracking link.
  const resident = await openPage(browser, base);
  const residentPage = resident.page;
  await residentPage.goto(journey.trackingHref);
  await expect('the tracking page offers to collect the equipment',
    () => residentPage.getByRole('link', { name: 'Ask us to collect your equipment' }).isVisible());
  await check(residentPage, 'track-collection-offered');
  await residentPage.getByRole('link', { name: 'Ask us to collect your equipment' }).click();
  await residentPage.waitForURL('**/collection');
  await expect('the resident can say why they no longer need it',
    () => residentPage.getByLabel('I no longer need it').isVisible());
  await check(residentPage, 'collection-resident');
  await residentPage.getByLabel('I no longer need it').check();
  await residentPage.getByRole('button', { name: 'Ask us to collect it' }).click();
  await expect('the resident is told the collection is already on its way',
    async () => /already coming/.test(await residentPage.locator('.govuk-error-summary').textContent()));
  await check(residentPage, 'collection-resident-already-asked');
  await residentPage.getByRole('link', { name: 'Back', exact: true }).click();
  await residentPage.waitForURL(/\/track\/[^/]+$/);

  await residentPage.getByRole('link', { name: 'Where to take equipment back' }).click();
  await residentPage.waitForURL('**/collection-points**');
  await expect('at least one collection point is listed',
    async () => (await residentPage.locator('.ces-places__place').count()) >= 1);
  await check(residentPage, 'collection-points');
  await residentPage.getByLabel('Your postcode').fill(journey.resident.postcode);
  await residentPage.getByRole('button', { name: 'Find the nearest' }).click();
  await residentPage.waitForURL('**/collection-points?postcode=**');
  await expect('the nearest collection points show how far they are',
    async () => /miles/.test(await residentPage.locator('.ces-places__place').first().textContent()));
  await check(residentPage, 'collection-points-nearest');
  await resident.context.close();
}
