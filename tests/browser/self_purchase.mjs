// Self-purchase through the pages: a prescriber orders a raised toilet seat and a walking frame
// for a new resident; the check page offers the seat's retail alternative and will not send the
// order until the resident's choice is recorded; the resident buys their own seat, so only the
// frame is ordered; an order of nothing but the seat is recorded without an order; the
// commissioner sees the self-purchase share by district and decile, beside the council's target.
// The resident's tracking page says in plain words that they chose to buy their own.
//
//   node tests/browser/self_purchase.mjs --ces build/ces [--output DIR] [--chromium PATH]
import {
  check, expect, signIn, nhsNumber, startNewResident, orderItemsThroughPages, runChapter,
} from './tools.mjs';

async function newResident(page, name, postcode) {
  await page.goto('/orders/new');
  await startNewResident(page, { nhs: nhsNumber(), name, day: '12', month: '4', year: '1941' });
  await page.getByLabel('Address line 1').fill('3 Harbour Street');
  await page.getByLabel('Town or city').fill('Margate');
  await page.getByLabel('Postcode').fill(postcode);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/orders/new/items');
}

await runChapter('the self-purchase chapter', 'self-purchase-results.json', async (chapter) => {
  const browser = chapter.browser;
  const base = await chapter.start();
  const priya = await signIn(browser, base, 'prescriber');
  const page = priya.page;
  await newResident(page, 'Edith Marsh', 'CT9 1AA');
  await orderItemsThroughPages(page, ['KCE-TLT-003', 'KCE-MOB-001']);
  await expect('the check page offers the seat\'s retail alternative', async () =>
    (await page.locator('#offer-KCE-TLT-003').textContent()).includes('Could the resident buy the Raised toilet seat themselves?'));
  await expect('the walking frame has no retail alternative to offer', async () =>
    (await page.locator('#offer-KCE-MOB-001').count()) === 0);
  await check(page, 'self-purchase-offer');
  await page.getByRole('button', { name: 'Accept and send order' }).click();
  await expect('the order waits for the resident\'s choice', async () =>
    (await page.locator('.govuk-error-summary').textContent()).includes('Say whether the resident will buy the Raised toilet seat themselves'));
  await check(page, 'self-purchase-unanswered');
  await page.getByLabel('Yes: they will buy it themselves, we will not issue it').check();
  await page.getByRole('button', { name: 'Accept and send order' }).click();
  await page.waitForURL('**/confirmation');
  const reference = (await page.locator('#reference').textContent()).trim();
  const tracking = await page.getByRole('link', { name: 'their tracking link' }).getAttribute('href');
  await page.goto(tracking);
  await expect('the resident\'s tracking page says they chose to buy their own seat', async () =>
    (await page.locator('body').textContent()).includes('You chose to buy your own Raised toilet seat, so we will not bring one.'));
  await check(page, 'self-purchase-tracking');
  await page.goto(`/orders/${reference}`);
  await expect('only the walking frame is ordered', async () => {
    const body = await page.locator('body').textContent();
    return body.includes('KCE-MOB-001') && !body.includes('KCE-TLT-003');
  }, reference);

  // Everything on the order bought by the resident: no order, only their choice.
  await newResident(page, 'Albert Marsh', 'CT9 1AA');
  await orderItemsThroughPages(page, ['KCE-TLT-003']);
  await page.getByLabel('Yes: they will buy it themselves, we will not issue it').check();
  await page.getByRole('button', { name: 'Accept and send order' }).click();
  await page.waitForURL('**/orders/new/self-purchase**');
  await expect('nothing is delivered when the resident buys everything', async () =>
    (await page.locator('body').textContent()).includes('Nothing will be delivered'));
  await check(page, 'self-purchase-recorded');
  await priya.context.close();

  const commissioner = await signIn(browser, base, 'commissioner');
  await commissioner.page.goto('/dashboard');
  const dashboard = commissioner.page;
  await expect('the commissioner sees the share in Thanet', async () =>
    (await dashboard.locator('#self-purchase-district').textContent()).includes('Thanet'));
  await expect('and by deprivation decile', async () =>
    (await dashboard.locator('#self-purchase-decile table').count()) === 1);
  await expect('the forecast puts the share beside the council\'s target', async () =>
    /Self purchase\s*[0-9.]+%/.test(await dashboard.locator('#forecast').textContent()));
  await check(dashboard, 'self-purchase-dashboard');
  await commissioner.context.close();
});
