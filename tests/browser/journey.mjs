// The whole loop in a real browser, one person at a time. First a county is set up from an empty
// database through the pages alone (steps/empty_county.mjs). Then, on a demo county, a prescriber signs in, orders a bed
// and a mattress for a new resident and picks a slot; the resident tracks it and changes the slot;
// the planner optimises the day; the driver records the delivery; the prescriber requests a
// collection; the warehouse scans the return, decontaminates and passes inspection; the
// commissioner sees the credit. Every page is checked with axe-core (WCAG 2.2 AA) and saved as a
// screenshot. Each later step lives in steps/ and passes what it learnt on in `journey`.
//
//   node tests/browser/journey.mjs --ces build/ces [--output DIR] [--chromium /usr/bin/chromium]
//                                  [--stop-after STEP_FUNCTION_NAME]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromium, root, run, record, check, expect, openPage, option, nhsNumber, startServer as startCes, CHROMIUM_ARGS,
} from './tools.mjs';
import { plannerOptimisesTheDay } from './steps/planner.mjs';
import { driverRecordsTheDelivery } from './steps/driver.mjs';
import { prescriberRequestsACollection } from './steps/collection.mjs';
import { warehouseRecyclesTheReturn } from './steps/warehouse.mjs';
import { commissionerSeesTheCredit } from './steps/commissioner.mjs';
import { countyFromAnEmptyDatabase } from './steps/empty_county.mjs';

const cesBinary = path.resolve(option('ces', path.join(root, 'build/ces')));
run.outputDir = path.resolve(option('output', run.outputDir));
const chromiumPath = option('chromium', process.env.CES_CHROMIUM || '/usr/bin/chromium');
const sharedDir = path.resolve(option('shared', process.env.CES_SHARED || path.join(root, '../shared')));
const startServer = (db) => startCes(cesBinary, db);

async function prescriberJourney(browser, base, resident) {
  const { context, page } = await openPage(browser, base);

  await page.goto('/sign-in');
  await check(page, 'sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect('empty sign in shows the error summary', () => page.locator('.govuk-error-summary').isVisible());
  await check(page, 'sign-in-errors');
  await page.getByLabel('User name').fill('prescriber');
  await page.getByLabel('Password').fill('demo-prescriber');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/catalogue');
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'ces_session');
  await expect('session cookie is HttpOnly and SameSite=Strict',
    () => session && session.httpOnly && session.sameSite === 'Strict');
  await check(page, 'catalogue');

  await page.getByLabel('Search by name or code').fill('profiling bed');
  await page.getByLabel('Category').selectOption('Beds');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect('catalogue search finds the profiling bed',
    () => page.locator('.govuk-summary-card', { hasText: 'KCE-BED-001' }).isVisible());
  await check(page, 'catalogue-search');

  await page.getByRole('link', { name: 'Start a new order' }).click();
  await page.waitForURL('**/orders/new');
  await check(page, 'order-find-resident');
  await page.getByLabel("Resident's NHS number").fill(resident.nhs);
  await page.getByRole('button', { name: 'Find resident' }).click();
  await page.getByRole('link', { name: 'Add a new resident' }).last().click();
  await page.waitForURL('**/residents/new**');
  await check(page, 'resident-new');

  await page.getByLabel('NHS number').fill(resident.nhs);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect('missing resident details are reported inline',
    () => page.locator('#name-error').isVisible());
  await check(page, 'resident-new-errors');
  await page.getByLabel('Full name').fill(resident.name);
  await page.getByLabel('Day').fill(resident.day);
  await page.getByLabel('Month').fill(resident.month);
  await page.getByLabel('Year').fill(resident.year);
  await page.getByLabel('Address line 1').fill('1 County Road');
  await page.getByLabel('Town or city').fill('Maidstone');
  await page.getByLabel('Postcode').fill(resident.postcode);
  await page.getByLabel('Access to the home (optional)').fill('Ring the bell twice; steep steps');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/orders/new/items');
  await check(page, 'order-items-empty');

  for (const code of ['KCE-BED-001', 'KCE-PRS-001']) {
    await page.getByLabel('Item code').fill(code);
    await page.getByLabel('Quantity').fill('1');
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.waitForURL('**/orders/new/items');
  }
  await expect('both items are in the order',
    async () => (await page.locator('table.govuk-table tbody tr').count()) === 2);
  await check(page, 'order-items');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/orders/new/speed');
  await check(page, 'order-speed');
  await page.getByLabel('5 working days').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/orders/new/notes');
  await check(page, 'order-notes');
  await page.getByLabel('Notes for the delivery team (optional)').fill('Bed to go in the front room.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/orders/new/check');
  await check(page, 'order-check-answers');
  await page.getByRole('button', { name: 'Accept and send order' }).click();
  await page.waitForURL('**/confirmation');
  const reference = (await page.locator('#reference').textContent()).trim();
  const dueBy = (await page.locator('#due-by').textContent()).trim();
  await expect('confirmation shows the reference', () => /^ORD-\d{4}-\d+$/.test(reference), reference);
  await expect('confirmation shows the due date', () => /\d{4}/.test(dueBy), dueBy);
  await check(page, 'order-confirmation');
  const trackingHref = await page.getByRole('link', { name: 'their tracking link' }).getAttribute('href');

  await page.getByRole('link', { name: 'Choose a delivery slot' }).click();
  await page.waitForURL(`**/orders/${reference}/slot`);
  await expect('the slot page offers delivery slots', async () => (await page.locator('.govuk-radios__input').count()) >= 1);
  await check(page, 'slot-choose');
  await page.getByRole('button', { name: 'Book this slot' }).click();
  await expect('booking without choosing asks for a slot', () => page.locator('.govuk-error-summary').isVisible());
  await check(page, 'slot-choose-error');
  const slotLabel = (await page.locator('.govuk-radios__label').first().textContent()).trim();
  await page.locator('.govuk-radios__input').first().check();
  await page.getByRole('button', { name: 'Book this slot' }).click();
  await page.waitForURL(`**/orders/${reference}`);
  await expect('the order is scheduled once a slot is booked',
    async () => /Visit booked/.test(await page.locator('#status').textContent()), slotLabel);

  await page.getByRole('link', { name: 'My orders' }).click();
  await page.waitForURL('**/orders');
  await expect('my orders lists the new order', () => page.getByRole('link', { name: reference }).isVisible());
  await check(page, 'my-orders');
  await page.getByRole('link', { name: reference }).click();
  await page.waitForURL(`**/orders/${reference}`);
  await expect('the order shows its status tag', () => page.locator('#status').isVisible());
  await expect('the order shows its timeline',
    async () => (await page.locator('.ces-timeline__event').count()) >= 1);
  await check(page, 'order');

  await page.getByRole('link', { name: 'Sign out' }).click();
  await check(page, 'sign-out');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect('signed out', () => page.getByRole('heading', { name: 'You have signed out' }).isVisible());
  await page.goto('/orders');
  await expect('signed-out visitors are sent to sign in', () => page.url().endsWith('/sign-in'));

  const forged = await context.request.post('/sign-in', { form: { username: 'prescriber', password: 'demo-prescriber' } });
  await expect('a form without its CSRF token is refused (403)', () => forged.status() === 403, String(forged.status()));
  await context.close();
  return { reference, trackingHref, slotLabel };
}

async function residentJourney(browser, base, resident, order) {
  const { context, page } = await openPage(browser, base, { acceptDownloads: true });
  await page.goto('/track');
  await check(page, 'track');
  await page.getByLabel('Order reference').fill(order.reference);
  await page.getByLabel('Postcode').fill(resident.postcode.toLowerCase());
  await page.getByLabel('Day').fill('1');
  await page.getByLabel('Month').fill('1');
  await page.getByLabel('Year').fill('1900');
  await page.getByRole('button', { name: 'Find my equipment' }).click();
  await expect('wrong details are refused plainly', () => page.locator('.govuk-error-summary').isVisible());
  await check(page, 'track-not-found');

  await page.getByLabel('Day').fill(resident.day);
  await page.getByLabel('Month').fill(resident.month);
  await page.getByLabel('Year').fill(resident.year);
  await page.getByRole('button', { name: 'Find my equipment' }).click();
  await expect('the resident sees the status in plain English', () => page.locator('#status-text').isVisible());
  await expect('the resident sees when it is coming: the day of the slot booked', async () =>
    (await page.locator('#when').textContent()).includes(order.slotLabel.split(',')[0]), order.slotLabel);
  await expect('the resident sees what to expect, from the items\' handling', () => page.getByText('Two people will bring your equipment').isVisible());
  await expect('no text message is promised: the service has no text channel', async () =>
    !/text you/.test(await page.locator('main').textContent()));
  await expect('the resident sees whom to call', () => page.getByRole('heading', { name: 'Who to call' }).isVisible());
  await check(page, 'track-result');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Add this to your calendar/ }).click(),
  ]);
  const ics = readFileSync(await download.path(), 'utf8');
  await expect('the appointment downloads as .ics', () => ics.startsWith('BEGIN:VCALENDAR') && ics.includes(order.reference), ics.slice(0, 80));

  const slotDay = order.slotLabel.split(',')[0];
  await expect('the resident sees the booked slot', async () => (await page.locator('#slot').textContent()).includes(slotDay),
    order.slotLabel);
  await page.getByRole('link', { name: 'Change your delivery slot' }).click();
  await page.waitForURL('**/slot');
  await expect('the change page shows the booked slot', () => page.locator('#booked-slot').isVisible());
  await check(page, 'slot-change');
  const labels = await page.locator('.govuk-radios__label').allTextContents();
  const other = labels.findIndex((label) => label.trim() !== order.slotLabel);
  await expect('another slot is offered', () => other >= 0, labels.join(' | '));
  const newLabel = labels[other].trim();
  await page.locator('.govuk-radios__input').nth(other).check();
  await page.getByRole('button', { name: 'Book this slot' }).click();
  await page.waitForURL(/\/track\/[^/]+$/);
  const [newDay, newTimes] = newLabel.split(', ');
  const shown = (await page.locator('#slot').textContent()).trim();
  await expect('the tracking page shows the changed slot',
    () => shown.includes(newDay) && shown.includes(newTimes.split(' to ')[0]), `${shown} / ${newLabel}`);
  await check(page, 'track-slot-changed');
  const token = order.trackingHref.split('/').pop();
  const answer = await (await context.request.get(`/api/v1/track/${token}`)).json();
  await expect('the tracking API answers the slot', () => answer.slot && /^\d{4}-\d{2}-\d{2}$/.test(answer.slot.date)
    && /^\d{2}:\d{2}$/.test(answer.slot.start), JSON.stringify(answer.slot));
  order.deliveryDate = answer.slot.date;

  await page.goto(order.trackingHref);
  await expect('the tokened link shows the order', async () => (await page.locator('.govuk-caption-l').textContent()).includes(order.reference));
  await check(page, 'track-link');
  await context.close();
}

/// The first chapter on its own server over an empty database: `ces serve` prints the admin's
/// one-time password, and everything else is done through the pages.
async function emptyCountyChapter(browser, db) {
  const started = await startServer(db);
  try {
    const printed = /created user admin with password (\S+)/.exec(started.output);
    await expect('ces serve on an empty database prints the admin password', () => printed, started.output);
    const resident = { nhs: nhsNumber(), name: 'Joan Example', day: '3', month: '11', year: '1938', postcode: 'ME15 6AB' };
    await countyFromAnEmptyDatabase(browser, {
      base: started.base, adminPassword: printed[1], catalogueFile: path.join(sharedDir, 'data/catalogue.csv'),
      maintenanceFile: path.join(root, 'data/catalogue_maintenance.csv'),
    }, resident);
  } finally {
    started.server.kill('SIGTERM');
  }
}

async function main() {
  mkdirSync(run.outputDir, { recursive: true });
  rmSync(path.join(run.outputDir, 'failure.png'), { force: true });
  const work = mkdtempSync(path.join(tmpdir(), 'ces-browser-'));
  const db = path.join(work, 'ces.db');
  let server;
  let browser;
  try {
    const demo = spawnSync(cesBinary, ['demo', '--db', db, '--seed', '1', '--residents', '120', '--orders', '60'],
      { encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(`ces demo failed: ${demo.stdout}${demo.stderr}`);
    const started = await startServer(db);
    server = started.server;
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
    await emptyCountyChapter(browser, path.join(work, 'empty.db'));
    const resident = { nhs: nhsNumber(), name: 'Margaret Test', day: '17', month: '5', year: '1942', postcode: 'ME14 1AD' };
    const journey = await prescriberJourney(browser, started.base, resident);
    await residentJourney(browser, started.base, resident, journey);
    journey.resident = resident;
    const stopAfter = option('stop-after', '');
    for (const step of [plannerOptimisesTheDay, driverRecordsTheDelivery, prescriberRequestsACollection,
      warehouseRecyclesTheReturn, commissionerSeesTheCredit]) {
      await step(browser, started.base, journey);
      if (step.name === stopAfter) break;
    }
    record('no Content-Security-Policy violations', run.cspViolations.length === 0, run.cspViolations.join('; '));
  } catch (error) {
    record('journey ran to the end', false, error.stack || String(error));
    if (run.currentPage) {
      await run.currentPage.screenshot({ path: path.join(run.outputDir, 'failure.png'), fullPage: true }).catch(() => {});
      console.log(`failed at ${run.currentPage.url()}; see failure.png`);
    }
  } finally {
    if (browser) await browser.close();
    if (server) server.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(path.join(run.outputDir, 'results.json'), JSON.stringify(run.results, null, 2));
  console.log(`screenshots: ${run.outputDir}`);
  console.log(`${run.passed} passed, ${run.failed} failed`);
  process.exit(run.failed === 0 ? 0 : 1);
}

const guard = setTimeout(() => { console.log('journey timed out'); console.log(`${run.passed} passed, ${run.failed + 1} failed`); process.exit(1); }, 480000);
guard.unref();
await main();
