// The warehouse recycles what came back: scans each delivered barcode at the returns desk,
// decontaminates it, passes its inspection (a credit-eligible item earns its funder a credit)
// and sees it back in stock; then looks at maintenance, specials and the day's pick lists.
import { signIn, check, expect } from '../tools.mjs';

/// The available count in the stock table's row for an item at a depot (NaN when absent).
async function availableInStock(page, depot, itemCode) {
  const cell = page.locator(`[id="stock-${depot}-${itemCode}"] [data-state="available"]`);
  if ((await cell.count()) === 0) return Number.NaN;
  return Number.parseInt((await cell.textContent()).trim(), 10);
}

async function openStock(page, depot) {
  await page.getByRole('link', { name: 'Stock', exact: true }).click();
  await page.waitForURL('**/warehouse/stock');
  await page.getByLabel('Depot').selectOption(depot);
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL('**/warehouse/stock?**');
}

export async function warehouseRecyclesTheReturn(browser, base, journey) {
  const barcodes = journey.deliveredBarcodes ?? [];
  journey.creditedBarcodes = [];
  if (!(await expect('the warehouse has delivered barcodes to take back', () => barcodes.length > 0))) return;
  const { context, page } = await signIn(browser, base, 'warehouse', '**/warehouse/returns');
  await check(page, 'warehouse-returns');
  const scanBox = page.getByLabel('Scan or type a barcode');
  await expect('the scan box has the focus', () => scanBox.evaluate((box) => box === document.activeElement));

  const logged = [];  // { barcode, itemCode, depot }
  for (const barcode of barcodes) {
    await scanBox.fill(barcode);
    await scanBox.press('Enter');
    await page.waitForURL(`**/warehouse/returns?logged=${encodeURIComponent(barcode)}`);
    const panel = page.locator('#logged-return');
    await expect(`the return of ${barcode} is logged`, async () => (await panel.textContent()).includes(barcode));
    await expect(`${barcode} came from the order ${journey.reference}`,
      async () => (await page.locator('#logged-came-from').textContent()).includes(journey.reference));
    if (journey.collectionReference) {
      await expect(`${barcode} came back on the collection ${journey.collectionReference}`,
        async () => (await page.locator('#logged-came-from').textContent()).includes(journey.collectionReference));
    }
    await expect(`${barcode} goes next to decontamination`,
      async () => (await page.locator('#logged-next').textContent()).trim() === 'Decontamination');
    await expect(`${barcode} is in today's returns`,
      () => page.locator('#todays-returns').getByRole('cell', { name: barcode, exact: true }).isVisible());
    await expect('the scan box keeps the focus after a scan',
      () => scanBox.evaluate((box) => box === document.activeElement));
    logged.push({
      barcode,
      itemCode: (await page.locator('#logged-item-code').textContent()).trim(),
      depot: (await page.locator('#logged-depot').textContent()).trim(),
    });
  }
  await check(page, 'warehouse-return-logged');

  await scanBox.fill('NO-SUCH-BARCODE');
  await scanBox.press('Enter');
  await expect('an unknown barcode is refused next to the scan box',
    async () => (await page.locator('#barcode-error').textContent()).includes('No asset has the barcode NO-SUCH-BARCODE'));
  await expect('the error summary links to the scan box',
    () => page.locator('.govuk-error-summary a[href="#barcode"]').isVisible());
  await check(page, 'warehouse-return-unknown');

  // Stock before the inspection, to see each item come back.
  const depot = logged[0].depot;
  await openStock(page, depot);
  const before = {};
  for (const item of logged) before[item.itemCode] = await availableInStock(page, item.depot, item.itemCode);

  await page.getByRole('link', { name: 'Decontamination and inspection' }).click();
  await page.waitForURL('**/warehouse/queues');
  await check(page, 'warehouse-queues');
  for (const { barcode } of logged) {
    await page.getByRole('button', { name: `Mark decontaminated ${barcode}`, exact: true }).click();
    await page.waitForURL('**/warehouse/queues?done=decontaminated**');
    await expect(`${barcode} is decontaminated`,
      async () => (await page.locator('#done-message').textContent()).includes(`${barcode} is decontaminated`));
  }
  await check(page, 'warehouse-queues-decontaminated');

  await page.getByRole('button', { name: `Record inspection of ${logged[0].barcode}` }).click();
  await expect('an inspection without an outcome asks for one',
    () => page.locator('.govuk-error-summary').getByText(`Select an inspection outcome for ${logged[0].barcode}`).isVisible());
  await check(page, 'warehouse-inspection-error');

  for (const { barcode } of logged) {
    await page.getByRole('radio', { name: `Pass ${barcode}`, exact: true }).check();
    await page.getByRole('button', { name: `Record inspection of ${barcode}`, exact: true }).click();
    await page.waitForURL('**/warehouse/queues?done=passed**');
    const message = (await page.locator('#done-message').textContent()).trim();
    await expect(`${barcode} passes inspection back into stock`, () => message.includes(`${barcode} passed inspection`), message);
    if (/credit of £[\d,]+\.\d\d/.test(message)) journey.creditedBarcodes.push(barcode);
  }
  await check(page, 'warehouse-inspection-passed');
  await expect('the bed and the mattress each earned a credit',
    () => journey.creditedBarcodes.length === logged.length, journey.creditedBarcodes.join(' '));

  await openStock(page, depot);
  for (const item of logged) {
    const now = await availableInStock(page, item.depot, item.itemCode);
    const wanted = before[item.itemCode] + logged.filter((l) => l.itemCode === item.itemCode).length;
    await expect(`${item.itemCode} is available again at ${item.depot}`, () => now === wanted,
      `available ${before[item.itemCode]} -> ${now}`);
  }
  await check(page, 'warehouse-stock');

  await page.getByRole('link', { name: 'Maintenance' }).click();
  await page.waitForURL('**/warehouse/maintenance');
  await expect('maintenance lists LOLER and PAT checks', () => page.getByRole('heading', { name: 'Maintenance' }).isVisible());
  await check(page, 'warehouse-maintenance');

  await page.getByRole('link', { name: 'Specials' }).click();
  await page.waitForURL('**/warehouse/specials');
  await expect('the specials board shows its columns', () => page.getByRole('heading', { name: /^Requested/ }).isVisible());
  await check(page, 'warehouse-specials');

  await page.getByRole('link', { name: 'Pick lists' }).click();
  await page.waitForURL('**/warehouse/pick-lists');
  if (journey.deliveryDate) {
    await page.getByLabel('Day').fill(journey.deliveryDate);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(`**/warehouse/pick-lists?date=${journey.deliveryDate}`);
  }
  await expect('the pick lists show the day', () => page.getByRole('heading', { name: 'Pick lists' }).isVisible());
  await check(page, 'warehouse-pick-lists');
  await context.close();
}
