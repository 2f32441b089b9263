// The driver opens the day and the van, finds the order's stop, reads the barcodes of what is on
// the van and records the delivery; the resident's tracking page then says it was delivered.
import { check, expect, openPage, signIn } from '../tools.mjs';

/// The warehouse has loaded the van: outside this system a storeman takes a bed and a mattress
/// off the shelf and scans their labels. Here the labels are read from the asset register
/// (the admin export) and the picks recorded through the warehouse API, in a context of its own
/// so the driver's session is untouched.
async function warehouseLoadsTheVan(browser, base, reference) {
  const shed = await browser.newContext({ baseURL: base });
  const signInAs = async (user) => {
    const answer = await shed.request.post('/api/v1/sessions', { data: { username: user, password: `demo-${user}` } });
    return { Authorization: `Bearer ${(await answer.json()).token}` };
  };
  const warehouse = await signInAs('warehouse');
  const admin = await signInAs('admin');
  const order = await (await shed.request.get(`/api/v1/orders/${reference}`, { headers: warehouse })).json();
  const assets = await (await shed.request.get('/api/v1/export/assets.json', { headers: admin })).json();
  const rows = Array.isArray(assets) ? assets : (assets.rows || []);
  let picked = 0;
  for (const line of order.lines || []) {
    const shelf = rows.filter((a) => a.item_code === line.item_code && a.state === 'available');
    for (const asset of shelf.slice(0, 300)) {
      const pick = await shed.request.post(`/api/v1/assets/${asset.barcode}/pick`,
        { headers: warehouse, data: { order_reference: reference } });
      if (pick.ok()) { picked += 1; break; }
    }
  }
  await shed.close();
  return picked;
}

export async function driverRecordsTheDelivery(browser, base, journey) {
  const picked = await warehouseLoadsTheVan(browser, base, journey.reference);
  await expect('the warehouse picked the bed and the mattress for the van', () => picked === 2, String(picked));

  const { context, page } = await signIn(browser, base, 'driver', '**/driver');
  await check(page, 'driver-today');
  const [year, month, day] = journey.deliveryDate.split('-');
  await page.getByLabel('Day', { exact: true }).fill(String(Number(day)));
  await page.getByLabel('Month').fill(String(Number(month)));
  await page.getByLabel('Year').fill(year);
  await page.getByRole('button', { name: 'Show the day' }).click();
  await page.waitForURL(`**/driver?date=${journey.deliveryDate}`);
  await check(page, 'driver-choose-van');
  await page.getByRole('link', { name: `Van ${journey.van}`, exact: true }).click();
  await page.waitForURL(/\/driver\?date=.*&van=/);

  const stop = page.locator('.ces-stop', { has: page.locator('.ces-stop__subject', { hasText: journey.reference }) });
  await expect('the van\'s stops include the order', async () => (await stop.count()) === 1, journey.reference);
  await expect('the stop shows the resident and the access notes',
    async () => (await stop.textContent()).includes(journey.resident.name) && (await stop.textContent()).includes('Ring the bell twice'));
  await expect('the stop says what to do', async () => /Two people/.test(await stop.textContent()));
  journey.deliveredBarcodes = (await stop.locator('.ces-barcode').allTextContents()).map((b) => b.trim());
  await expect('the stop lists the barcodes of the bed and the mattress',
    () => journey.deliveredBarcodes.length === 2, journey.deliveredBarcodes.join(' '));
  await check(page, 'driver-stops');

  await stop.getByRole('button', { name: /^Delivered/ }).click();
  await page.waitForURL(/recorded=\d+/);
  await expect('the banner says the stop is recorded',
    async () => /recorded: Delivered/.test(await page.locator('#done-message').textContent()));
  const recorded = page.locator('.ces-stop', { has: page.locator('.ces-stop__subject', { hasText: journey.reference }) });
  await expect('the stop now shows it was delivered, without buttons',
    async () => (await recorded.locator('.ces-outcome').textContent()).trim() === 'Delivered'
      && (await recorded.getByRole('button').count()) === 0);
  await check(page, 'driver-delivered');
  await context.close();

  const { context: resident, page: tracking } = await openPage(browser, base);
  await tracking.goto(journey.trackingHref);
  await expect('the resident\'s tracking page says the equipment was delivered',
    async () => /delivered/i.test(await tracking.locator('#status-text').textContent()));
  await check(tracking, 'track-delivered');
  await resident.close();
}
