// A safety recall through the pages: the admin raises a recall on the demo's profiling beds of
// one maker's lot; the campaign page lists every unit it found, the shelf units held and a visit
// booked to every home; a second notice asks for that bed to be replaced, and a bed of another
// lot is reserved for the swap; the planner sees those visits waiting on the deadline's day plan; the
// commissioner downloads the regulator's CSV; a prescriber may not see campaigns.
//
//   node tests/browser/recall.mjs --ces build/ces [--output DIR] [--chromium PATH]
import { bearer, check, expect, openPage, runChapter, signIn } from './tools.mjs';

// A weekday at least five days ahead: beyond the days the demo has planned already.
function deadline() {
  const day = new Date(Date.now() + 5 * 86400000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

await runChapter('the recall chapter', 'recall-results.json', async (chapter) => {
  const browser = chapter.browser;
  const base = await chapter.start();
  // The lot of a profiling bed in a home, as the register records it from the maker's label.
  const lookup = await openPage(browser, base);
  const warehouse = await bearer(lookup.context, 'warehouse');
  const due = await (await lookup.context.request.get('/api/v1/maintenance/due?within_days=366&limit=100',
    { headers: warehouse })).json();
  const bed = due.assets.find((a) => a.item_code === 'KCE-BED-001');
  const asset = await (await lookup.context.request.get(`/api/v1/assets/${bed.barcode}`, { headers: warehouse })).json();
  const lot = asset.batch;
  await expect('the demo register records a maker\'s lot on a bed in a home', async () => Boolean(lot), bed.barcode);
  await lookup.context.close();

  const admin = await signIn(browser, base, 'admin');
  let page = admin.page;
  await page.goto('/recalls');
  await check(page, 'recalls-empty');
  await page.getByLabel('Notice reference').fill('FSN 2026-118');
  await page.getByLabel('What the notice says').fill(`Side rails of profiling beds from lot ${lot} may trap a limb`);
  await page.getByLabel('Catalogue items').fill('KCE-BED-001');
  await page.getByLabel('Batch or lot (optional)').fill(lot);
  await page.getByLabel('Inspect every unit where it is').check();
  await page.getByLabel('Deadline').fill('2020-01-01');
  await page.getByRole('button', { name: 'Raise the recall' }).click();
  await expect('a deadline in the past is refused at its field', async () =>
    (await page.locator('#deadline-error').textContent()).includes('The deadline is in the past'));
  await check(page, 'recalls-refused');
  await page.getByLabel('Deadline').fill(deadline());
  await page.getByRole('button', { name: 'Raise the recall' }).click();
  await page.waitForURL('**/recalls/*');
  const campaign = new URL(page.url()).pathname;
  await expect('the campaign found the bed in a home and booked its visit', async () =>
    (await page.locator(`#unit-${bed.barcode}`).textContent()).includes('Waiting to be planned'));
  await expect('every unit found is of the lot', async () => {
    const rows = await page.locator('#units tbody tr').allTextContents();
    return rows.length > 0 && rows.every((row) => row.includes(`batch ${lot}`));
  });
  await expect('nothing is resolved yet', async () => (await page.locator('#resolved').textContent()).trim() === '0');
  await check(page, 'recall-campaign');
  await admin.context.close();

  // The maker asks for that bed to be swapped: the warehouse raises it, a bed of another lot is
  // reserved at once, and the visit's notes tell the crew which one to take.
  const store = await signIn(browser, base, 'warehouse');
  page = store.page;
  await page.goto('/recalls');
  await page.getByLabel('Notice reference').fill('FSN 2026-119');
  await page.getByLabel('What the notice says').fill('Replace the bed whose motor overheated');
  await page.getByLabel('Catalogue items').fill('KCE-BED-001');
  await page.getByLabel('Barcodes (optional)').fill(bed.barcode);
  await page.getByLabel('Replace every unit in a home with an unaffected one').check();
  await page.getByLabel('Deadline').fill(deadline());
  await page.getByRole('button', { name: 'Raise the recall' }).click();
  await page.waitForURL('**/recalls/*');
  await expect('a replacement bed is reserved for the home at once', async () =>
    /Replacement \S+/.test(await page.locator(`#unit-${bed.barcode}`).textContent()));
  await expect('no home waits for a replacement', async () => (await page.locator('#awaiting-replacement').count()) === 0);
  await check(page, 'recall-replace');
  await store.context.close();

  const planner = await signIn(browser, base, 'planner');
  page = planner.page;
  await page.goto(`/plan?date=${deadline()}`);
  await expect('the planner sees the recall visits waiting to be planned', async () =>
    (await page.locator('#waiting').textContent()).includes(`Asset ${bed.barcode}, Safety recall FSN 2026-118`));
  await check(page, 'recall-plan');
  await planner.context.close();

  const commissioner = await signIn(browser, base, 'commissioner');
  page = commissioner.page;
  await page.goto('/recalls');
  await page.getByRole('link', { name: 'FSN 2026-118' }).click();
  const csv = await commissioner.context.request.get(`${campaign}/units.csv`);
  const body = await csv.text();
  await expect('the regulator\'s CSV lists every unit without names', async () =>
    body.startsWith('barcode,item_code,made_on,batch,found_where') && body.includes(bed.barcode) && !body.includes(bed.postcode));
  await commissioner.context.close();

  const prescriber = await signIn(browser, base, 'prescriber');
  const refused = await prescriber.page.goto('/recalls');
  await expect('a prescriber may not see the campaigns', async () => refused.status() === 403);
  await prescriber.context.close();
});
