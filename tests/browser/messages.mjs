// A resident hears from us, in a real browser and through a real SMTP server. A prescriber orders
// for a new resident with a mobile and an e-mail address and books a slot; the booking e-mail
// reaches the SMTP server (tests/neighbours/smtp_sink.py); the resident opens its link, reads the
// page in Nepali and changes the slot to the afternoon. A neighbour is booked for that morning
// and the planner plans the day; on the day (the server started
// again with its clock at that morning) the driver records the stop before the resident's, and
// the resident's page and a new e-mail say the van is coming next. The tracking page is also
// read at 200% zoom. Every page is checked with axe-core and photographed.
//
//   node tests/browser/messages.mjs --ces build/ces [--output DIR] [--chromium /usr/bin/chromium]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromium, root, run, record, check, expect, openPage, signIn, option, nhsNumber, startServer, stopServer, bearer,
  catalogue, startNewResident, api, orderForNewResident, CHROMIUM_ARGS,
} from './tools.mjs';

const cesBinary = path.resolve(option('ces', path.join(root, 'build/ces')));
run.outputDir = path.resolve(option('output', run.outputDir));
const chromiumPath = option('chromium', process.env.CES_CHROMIUM || '/usr/bin/chromium');
const PUBLIC_URL = 'https://equipment.kent.example';

function startSmtpSink(log) {
  return new Promise((resolve, reject) => {
    const sink = spawn('/usr/bin/python3', [path.join(root, 'tests/neighbours/smtp_sink.py'), '--log', log],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error('the SMTP sink did not start')), 15000);
    sink.stdout.on('data', (chunk) => {
      const match = /listening on (\d+)/.exec(String(chunk));
      if (match) { clearTimeout(timer); resolve({ sink, port: Number(match[1]) }); }
    });
  });
}

/// The messages the SMTP server has received for `address` whose subject matches `subject`,
/// waiting up to 20 s for the first.
async function mailFor(log, address, subject) {
  for (let waited = 0; waited < 20000; waited += 250) {
    if (existsSync(log)) {
      const found = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
        .filter((m) => m.rcpt_tos.includes(address) && subject.test(m.subject));
      if (found.length > 0) return found;
    }
    await new Promise((r) => { setTimeout(r, 250); });
  }
  return [];
}

async function prescriberOrders(browser, base, resident) {
  const { context, page } = await signIn(browser, base, 'prescriber', '**/catalogue');
  await page.goto('/orders/new');
  await startNewResident(page, resident);
  await page.getByLabel('Address line 1').fill('4 Orchard Close');
  await page.getByLabel('Town or city').fill('Maidstone');
  await page.getByLabel('Postcode').fill(resident.postcode);
  await page.getByLabel('Mobile number for text messages (optional)').fill('07700 900456');
  await page.getByLabel('E-mail address (optional)').fill(resident.email);
  await page.getByLabel('E-mail', { exact: true }).check();
  await check(page, 'resident-new-with-contact');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/orders/new/items');
  await page.getByLabel('Item code').fill('KCE-PRS-001');
  await page.getByLabel('Quantity').fill('1');
  await page.getByRole('button', { name: 'Add item' }).click();
  await page.waitForURL('**/orders/new/items');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('5 working days').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/orders/new/notes');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Accept and send order' }).click();
  await page.waitForURL('**/confirmation');
  const reference = (await page.locator('#reference').textContent()).trim();
  await page.getByRole('link', { name: 'Choose a delivery slot' }).click();
  await page.locator('.govuk-radios__input').first().check();
  await page.getByRole('button', { name: 'Book this slot' }).click();
  await page.waitForURL(`**/orders/${reference}`);
  await expect('the prescriber booked a slot', async () => /Visit booked/.test(await page.locator('#status').textContent()));
  await context.close();
  return reference;
}

/// The resident follows the e-mail's link, switches to Nepali and moves the delivery to the
/// afternoon; answers the new slot's date.
async function residentChangesTheSlotInNepali(browser, base, trackingPath, ne) {
  const { context, page } = await openPage(browser, base);
  await page.goto(trackingPath);
  await check(page, 'track-from-email');
  await page.getByRole('link', { name: ne.language_name }).click();
  await page.waitForURL(/lang=ne/);
  await expect('the page is in Nepali: lang="ne" and the Nepali heading',
    async () => (await page.locator('html').getAttribute('lang')) === 'ne'
      && (await page.locator('h1').textContent()).trim() === ne.result_title);
  await expect('the language links name each language in itself, each with its lang',
    async () => (await page.locator('.ces-languages a[lang="pl"]').textContent()).trim() === 'Polski');
  await check(page, 'track-nepali');

  await page.locator('#change-slot').click();
  await page.waitForURL('**/slot');
  await expect('the slot page stays in Nepali (the choice is remembered)',
    async () => (await page.locator('h1').textContent()).trim() === ne.slot_title);
  await check(page, 'slot-nepali');
  const values = await page.locator('.govuk-radios__input').evaluateAll((inputs) => inputs.map((i) => i.value));
  const booked = (await page.locator('#booked-slot').textContent()).trim();
  // The latest slot of the offer: a van has stops before it that day.
  const afternoon = values.filter((v) => v.slice(11) >= '13:00').sort((a, b) => (a.slice(11) < b.slice(11) ? 1 : -1));
  await expect('an afternoon slot is offered', () => afternoon.length > 0, values.join(' '));
  const chosen = afternoon[0];
  await page.locator(`.govuk-radios__input[value="${chosen}"]`).check();
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/\/track\/[^/?]+$/);
  const answer = await (await context.request.get(`/api/v1/track/${trackingPath.split('/').pop()}`)).json();
  await expect('the slot changed to the afternoon one chosen',
    () => `${answer.slot.date}T${answer.slot.start}` === chosen, `${JSON.stringify(answer.slot)} ${booked}`);
  await expect('the tracking page after the change is in Nepali',
    async () => (await page.locator('html').getAttribute('lang')) === 'ne');
  await check(page, 'track-nepali-slot-changed');
  await context.close();
  return chosen.slice(0, 10);
}

/// A neighbour's delivery booked in the morning of `date`, so that the resident's afternoon visit
/// has a stop before it whatever else the demo holds that day.
async function aNeighbourBooksTheMorning(context, date) {
  const prescriber = await bearer(context, 'prescriber');
  const { order } = await orderForNewResident(context, prescriber, 'Arthur Nextdoor');
  const slots = await api(context, prescriber, 'GET', `/api/v1/orders/${order.reference}/slots`);
  const morning = (slots.slots || slots).find((slot) => slot.date === date && slot.start < '12:00');
  await expect('a neighbour can book a morning slot the same day', () => morning, JSON.stringify(slots));
  await api(context, prescriber, 'POST', `/api/v1/orders/${order.reference}/slot`, { date: morning.date, start: morning.start });
}

/// The planner plans the day (through the API) and answers the van and the stop before ours.
async function plannerPlansTheDay(browser, base, date, reference) {
  const context = await browser.newContext({ baseURL: base });
  await aNeighbourBooksTheMorning(context, date);
  const planner = await bearer(context, 'planner');
  const planned = await context.request.post(`/api/v1/plans/${date}/optimise`, { headers: planner, data: {} });
  await expect('the planner plans the day of the slot', () => planned.ok(), String(planned.status()));
  const plan = await (await context.request.get(`/api/v1/plans/${date}`, { headers: planner })).json();
  await context.close();
  for (const route of plan.routes || []) {
    const at = route.stops.findIndex((s) => s.order_reference === reference);
    if (at >= 0) return { van: route.van, position: at + 1, before: route.stops.slice(0, at) };
  }
  return null;
}

/// On the day, the driver records the stops before the resident's, in order; nobody was in at any
/// of them (a failed visit needs nothing loaded on the van).
async function driverRecordsTheStopsBefore(browser, base, date, found) {
  const { context, page } = await signIn(browser, base, 'driver', '**/driver');
  for (const visit of found.before) {
    await page.goto(`/driver?date=${date}&van=${encodeURIComponent(found.van)}`);
    const form = page.locator(`form[action="/driver/visits/${visit.visit_id}/outcome"]`).last();
    const stop = page.locator('.ces-stop', { has: form });
    await stop.locator('summary').click();
    await stop.locator('input[name="reason"][value="no_access"]').check();
    await stop.getByRole('button', { name: /Record the failed visit/ }).click();
    await page.waitForURL(new RegExp(`recorded=${visit.visit_id}`));
  }
  await check(page, 'driver-stops-recorded');
  await context.close();
}

async function trackingPageAtDoubleZoom(browser, base, trackingPath) {
  // 200% zoom of a 1280-pixel window: 640 CSS pixels across, each drawn twice as large.
  const { context, page } = await openPage(browser, base, { viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 });
  await page.goto(`${trackingPath}?lang=en`);
  const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  await expect('at 200% zoom the tracking page needs no sideways scrolling', () => sizes.scroll <= sizes.client, JSON.stringify(sizes));
  await expect('at 200% zoom the arrival time and who to call are on the page',
    async () => (await page.locator('#arrival').isVisible()) && (await page.getByRole('heading', { name: 'Who to call' }).isVisible()));
  await expect('the status is said in words, not only in colour',
    async () => (await page.locator('.govuk-tag').first().textContent()).trim().length > 0);
  await check(page, 'track-200-percent');
  await context.close();
}

async function main() {
  mkdirSync(run.outputDir, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'ces-messages-'));
  const db = path.join(work, 'ces.db');
  const log = path.join(work, 'mail.jsonl');
  let sink;
  let server;
  let browser;
  try {
    const demo = spawnSync(cesBinary, ['demo', '--db', db, '--seed', '1', '--residents', '120', '--orders', '60'], { encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(`ces demo failed: ${demo.stdout}${demo.stderr}`);
    sink = (await startSmtpSink(log));
    const channels = ['--smtp-url', `smtp://127.0.0.1:${sink.port}`, '--mail-from', 'equipment@kent-ces.example',
      '--public-url', PUBLIC_URL, '--outbox-interval-ms', '200'];
    let started = await startServer(cesBinary, db, channels);
    server = started.server;
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
    const ne = catalogue('ne');
    const resident = {
      nhs: nhsNumber(), name: 'Sita Gurung', day: '9', month: '2', year: '1940', postcode: 'ME15 6AB', email: `sita.${Date.now()}@example.org`,
    };

    const reference = await prescriberOrders(browser, started.base, resident);
    const booking = await mailFor(log, resident.email, /^Your delivery is booked/);
    await expect('the booking e-mail reached the SMTP server', () => booking.length === 1, String(booking.length));
    const link = booking.length ? new RegExp(`${PUBLIC_URL}(/track/[0-9a-f]+)`).exec(booking[0].body) : null;
    await expect('the e-mail carries the tracking link, said in words', () => link && /To change the day or time, go to this page/.test(booking[0].body),
      booking.length ? booking[0].body : '');
    await expect('the e-mail has its own Message-ID', () => /^<ces-\d+@/.test(booking[0].message_id), booking[0].message_id);
    const trackingPath = link[1];

    const date = await residentChangesTheSlotInNepali(browser, started.base, trackingPath, ne);
    const changed = await mailFor(log, resident.email, /^Your delivery time has changed/);
    await expect('the change is confirmed by e-mail', () => changed.length === 1, String(changed.length));
    await trackingPageAtDoubleZoom(browser, started.base, trackingPath);

    const found = await plannerPlansTheDay(browser, started.base, date, reference);
    await expect('the resident\'s visit is on a van with a stop before it', () => found && found.position > 1, JSON.stringify(found));

    // The day comes: the same database, the server's clock at 10am on the day of the slot.
    await stopServer(server);
    started = await startServer(cesBinary, db, [...channels, '--clock-from', `${date}T10:00:00Z`]);
    server = started.server;
    await driverRecordsTheStopsBefore(browser, started.base, date, found);

    const { context, page } = await openPage(browser, started.base);
    await page.goto(`${trackingPath}?lang=ne`);
    await expect('the resident\'s page says, in Nepali, that they are the van\'s next stop',
      async () => (await page.locator('#van-position').textContent()).trim() === ne.words_van_next,
      await page.locator('#arrival').textContent().catch(() => ''));
    await check(page, 'track-nepali-you-are-next');
    await context.close();
    const next = await mailFor(log, resident.email, /you are next/);
    await expect('a new e-mail says the van is on its way and they are next', () => next.length === 1
      && next[0].body.includes(trackingPath), String(next.length));
    record('no Content-Security-Policy violations', run.cspViolations.length === 0, run.cspViolations.join('; '));
  } catch (error) {
    record('the messages chapter ran to the end', false, error.stack || String(error));
    if (run.currentPage) {
      await run.currentPage.screenshot({ path: path.join(run.outputDir, 'messages-failure.png'), fullPage: true }).catch(() => {});
      console.log(`failed at ${run.currentPage.url()}; see messages-failure.png`);
    }
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server);
    if (sink) sink.sink.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(path.join(run.outputDir, 'messages-results.json'), JSON.stringify(run.results, null, 2));
  console.log(`${run.passed} passed, ${run.failed} failed`);
  process.exit(run.failed === 0 ? 0 : 1);
}

const guard = setTimeout(() => { console.log('messages chapter timed out'); process.exit(1); }, 280000);
guard.unref();
await main();
