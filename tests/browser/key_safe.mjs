// Key-safe codes through the pages: the prescriber records one on the resident's details page
// (refused without the resident's consent), the planner puts the resident's delivery on a van's
// route, and on the day (the server started again with its clock there) the driver signs on to
// that van and sees the stop's code when they ask, and no other page shows it; the resident then withdraws consent
// through their tracking link and the driver's button is gone.
//
//   node tests/browser/key_safe.mjs --ces build/ces [--output DIR] [--chromium PATH]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { api, check, expect, extendShifts, openPage, signIn, bearer, orderForNewResident, runChapter } from './tools.mjs';

const CODE = '5K2-9W8';

await runChapter('the key-safe chapter', 'key-safe-results.json', async (chapter) => {
  const { browser, db } = chapter;
  const key = path.join(chapter.work, 'secrets.key');
  writeFileSync(key, `${'3a'.repeat(32)}\n`, { mode: 0o600 });
  let base = await chapter.start(['--secrets-key-file', key]);
  const context = await browser.newContext({ baseURL: base });
  const prescriberApi = await bearer(context, 'prescriber');
  const planner = await bearer(context, 'planner');
  const { resident, order } = await orderForNewResident(context, prescriberApi, 'Iris Keyholder',
    { date_of_birth: '1931-07-19', address_line1: '3 Orchard Row', phone: '01622 000222', access_notes: 'Ground floor flat' });

  // The prescriber records the code on the resident's page.
  const prescriber = await signIn(browser, base, 'prescriber');
  let page = prescriber.page;
  await page.goto(`/residents/${resident.id}/change`);
  await page.getByLabel('Key-safe code (optional)').fill(CODE);
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await expect('without consent the code is refused, by saying what to tick',
    async () => (await page.locator('.govuk-error-summary').textContent()).includes('Tick that the resident agrees'));
  await expect('the refused code is not written back into the form', async () => (await page.content()).indexOf(CODE) < 0);
  await check(page, 'key-safe-refused');
  await page.getByLabel('Key-safe code (optional)').fill(CODE);
  await page.getByLabel('The resident (or the person who speaks for them) agrees that we keep the code').check();
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await page.waitForURL('**/change?done=1');
  await expect('the page says a code is kept, never the code', async () => {
    const html = await page.content();
    return html.includes('We keep a key-safe code') && html.indexOf(CODE) < 0;
  });
  await check(page, 'key-safe-kept');
  await prescriber.context.close();

  // The planner puts the delivery into the route of the next day the demo county planned, its
  // vans (full on a Monday) given overtime.
  let day = null;
  for (let ahead = 1; ahead <= 7 && !day; ++ahead) {
    const date = new Date(Date.now() + ahead * 86400000).toISOString().slice(0, 10);
    const answer = await context.request.get(`/api/v1/plans/${date}`, { headers: planner });
    if (answer.ok()) day = date;
  }
  await expect('the demo county planned a day ahead', () => day);
  await extendShifts(context, '19:00');
  const put = await api(context, planner, 'POST', `/api/v1/plans/${day}/insert`, { order: order.reference, confirm: true });
  await expect('the delivery is on a van route', () => put.applied, JSON.stringify(put));
  const van = put.van;
  await context.close();

  // The day before, the driver's page for that day offers no code.
  const early = await signIn(browser, base, 'driver');
  await early.page.goto(`/driver?date=${day}&van=${van}`);
  await expect('before the day: no key-safe code offered', async () => (await early.page.getByRole('button', { name: /Show the key-safe code/ }).count()) === 0);
  await early.context.close();

  // On the day.
  base = await chapter.start(['--secrets-key-file', key, '--clock-from', `${day}T08:30:00Z`]);
  const driver = await signIn(browser, base, 'driver');
  page = driver.page;
  await page.goto(`/driver?date=${day}&van=${van}`);
  // Only the van's crew sees a code: the driver signs on to the van first.
  const signOn = page.getByRole('button', { name: `Sign on to van ${van}` });
  await expect('on the day, before signing on: no code offered', async () => (await signOn.count()) === 1 && (await page.getByRole('button', { name: /Show the key-safe code/ }).count()) === 0);
  await check(page, 'key-safe-driver-sign-on');
  await signOn.click();
  await expect('signed on to the van', async () => (await page.locator('#sign-on').textContent()).includes('You are on this van today'));
  const button = page.getByRole('button', { name: /Show the key-safe code/ });
  await expect('on the day: the stop offers the code, not showing it yet', async () => (await button.count()) === 1 && (await page.content()).indexOf(CODE) < 0);
  await check(page, 'key-safe-driver-offer');
  await button.click();
  await expect('the driver sees the code at that stop', async () => (await page.locator('.ces-key-safe-code').textContent()).trim() === CODE);
  await check(page, 'key-safe-driver-shown');

  const planning = await signIn(browser, base, 'planner');
  await planning.page.goto(`/plan?date=${day}`);
  await expect('the planner\'s page never shows it', async () => (await planning.page.content()).indexOf(CODE) < 0);
  await planning.context.close();

  // The resident withdraws consent through the tracking link.
  const holder = await openPage(browser, base);
  await holder.page.goto(`/track/${order.tracking_token}/contact?lang=en`);
  await check(holder.page, 'key-safe-resident');
  await holder.page.getByRole('button', { name: /Delete the code/ }).click();
  await expect('the tracking page confirms the code is deleted',
    async () => (await holder.page.locator('body').textContent()).includes('We have deleted the code of your key safe.'));
  await holder.context.close();
  await page.goto(`/driver?date=${day}&van=${van}`);
  await expect('after withdrawal the driver is offered no code', async () => (await page.getByRole('button', { name: /Show the key-safe code/ }).count()) === 0);
  await driver.context.close();

  await chapter.stop();
  const bytes = readFileSync(db).toString('latin1') + readFileSync(`${db}-wal`, { flag: 'a+' }).toString('latin1');
  await expect('the database file never held the code in the clear', () => bytes.indexOf(CODE) < 0);
});
