// Prescriber competence through the pages: an occupational therapy assistant (basic only) orders
// a hoist for a new resident; the order is refused by saying which competence it needs, and sent
// instead for a colleague's countersignature; Priya, in the same team and trained in moving and
// handling, countersigns it on the order's page and the hoist is reserved. The admin renews a
// district nurse's moving and handling, which the report showed ending within 30 days.
//
//   node tests/browser/competence.mjs --ces build/ces [--output DIR] [--chromium PATH]
import {
  check, expect, signIn, nhsNumber, startNewResident, orderItemsThroughPages, runChapter,
} from './tools.mjs';

await runChapter('the competence chapter', 'competence-results.json', async (chapter) => {
  const browser = chapter.browser;
  const base = await chapter.start();
  const assistant = await signIn(browser, base, 'assistant');
  let page = assistant.page;
  await page.goto('/catalogue?q=KCE-HST-001');
  await expect('the catalogue tells the assistant they need a countersignature for a hoist',
    async () => (await page.locator('body').textContent()).includes('Needs moving and handling competence: you do not hold it'));
  await check(page, 'competence-catalogue');
  await page.goto('/orders/new');
  await startNewResident(page, { nhs: nhsNumber(), name: 'Arthur Lifton', day: '3', month: '9', year: '1938' });
  await page.getByLabel('Address line 1').fill('22 Tonbridge Road');
  await page.getByLabel('Town or city').fill('Maidstone');
  await page.getByLabel('Postcode').fill('ME15 6AB');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/orders/new/items');
  await orderItemsThroughPages(page, ['KCE-HST-001']);
  await page.getByRole('button', { name: 'Accept and send order' }).click();
  await expect('the order is refused by naming the item and the competence', async () =>
    (await page.locator('.govuk-error-summary').textContent()).includes('Mobile hoist, electric needs moving and handling competence, which you do not hold'));
  await check(page, 'competence-refused');
  await page.getByRole('button', { name: "Send it for a colleague's countersignature" }).click();
  await page.waitForURL('**/confirmation');
  const reference = (await page.locator('#reference').textContent()).trim();
  await expect('the order waits for a countersignature', async () =>
    (await page.locator('body').textContent()).includes('Awaiting a countersignature'), reference);
  await check(page, 'competence-waiting');
  await page.goto(`/orders/${reference}`);
  await page.getByRole('button', { name: `Countersign order ${reference}` }).click();
  await expect('the assistant cannot countersign their own order', async () =>
    (await page.locator('.govuk-error-summary').textContent()).includes('A colleague must countersign'));
  await assistant.context.close();

  const priya = await signIn(browser, base, 'prescriber');
  page = priya.page;
  await page.goto(`/orders/${reference}`);
  await check(page, 'competence-to-countersign');
  await page.getByRole('button', { name: `Countersign order ${reference}` }).click();
  await page.waitForURL(`**/orders/${reference}`);
  await expect('countersigned, the hoist is reserved', async () =>
    (await page.locator('body').textContent()).includes('Stock reserved'));
  await expect('nothing is left to countersign', async () =>
    (await page.getByRole('button', { name: /Countersign order/ }).count()) === 0);
  await check(page, 'competence-countersigned');
  await priya.context.close();

  // The admin sees what ends soon and renews Tom's moving and handling from his page.
  const admin = await signIn(browser, base, 'admin');
  page = admin.page;
  await page.goto('/admin/competences');
  await check(page, 'competence-admin-list');
  await page.locator('#expiring a', { hasText: 'Tom Okafor' }).first().click();
  await page.waitForURL('**/competences');
  await check(page, 'competence-admin-person');
  await page.getByRole('button', { name: 'Renew moving and handling' }).click();
  await expect('the renewal is saved', async () =>
    (await page.locator('#done-message').textContent()).includes('valid to its new date'));
  await page.goto('/admin/competences');
  await expect("Tom's moving and handling no longer ends soon", async () =>
    !(await page.locator('#expiring').textContent()).includes('Tom Okafor'));
  await admin.context.close();
});
