// What every step of the browser journey shares: results, axe-core checks with screenshots,
// Content-Security-Policy watching and signing in as a demo user.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'package.json'));
export const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const run = {
  outputDir: path.join(root, 'build/tests/output/browser'),
  passed: 0,
  failed: 0,
  results: [],
  cspViolations: [],
  currentPage: null,
  shot: 0,
};

export function record(name, ok, detail = '') {
  if (ok) run.passed += 1; else run.failed += 1;
  run.results.push({ name, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
}

/// axe-core on the page as it is now, plus a full-page screenshot.
export async function check(page, name) {
  run.shot += 1;
  const file = path.join(run.outputDir, `${String(run.shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await page.evaluate(axeSource);
  const outcome = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_TAGS);
  record(`axe ${name} (${new URL(page.url()).pathname})`, outcome.length === 0, outcome.join('; '));
}

/// Records whether `condition` (sync or async) holds; an exception counts as a failure.
export async function expect(name, condition, detail = '') {
  let ok = false;
  try { ok = Boolean(await condition()); } catch (e) { detail = `${detail} ${e.message}`; }
  record(name, ok, ok ? '' : detail);
  return ok;
}

/// A new browser context and page, watched for CSP violations; the failure screenshot follows it.
export async function openPage(browser, base, options = {}) {
  const context = await browser.newContext({ baseURL: base, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  run.currentPage = page;
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) {
      run.cspViolations.push(`${page.url()}: ${message.text()}`);
    }
  });
  return { context, page };
}

/// Signs in through the sign-in page as a demo user (password `demo-<user>`) and waits for the
/// role's landing page (`landing`, a glob such as '**/plan').
export async function signIn(browser, base, user, landing) {
  const opened = await openPage(browser, base);
  const { page } = opened;
  await page.goto('/sign-in');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(`demo-${user}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (landing) await page.waitForURL(landing);
  return opened;
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps',
  '--disable-extensions', '--metrics-recording-only', '--disable-domain-reliability'];

/// The value of `--name` on the command line, else `otherwise`.
export function option(name, otherwise) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : otherwise;
}

/// A valid NHS number (modulus 11) that no demo resident has: starts with 9 then random digits.
export function nhsNumber() {
  for (;;) {
    const digits = [9];
    for (let i = 1; i < 9; i += 1) digits.push(Math.floor(Math.random() * 10));
    const sum = digits.reduce((total, d, i) => total + d * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    digits.push(check === 11 ? 0 : check);
    return digits.join('');
  }
}

/// `ces serve` on a free port over `db` with `extraArgs`; resolves to {server, base, output} once
/// it listens.
export function startServer(cesBinary, db, extraArgs = []) {
  return new Promise((resolve, reject) => {
    const server = spawn(cesBinary, ['serve', '--db', db, '--port', '0', '--threads', '16', ...extraArgs],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`ces serve did not start: ${seen}`)), 20000);
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match) { clearTimeout(timer); resolve({ server, base: match[1], output: seen }); }
    });
    server.stderr.on('data', (chunk) => { process.stderr.write(`[ces] ${chunk}`); });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`ces serve exited ${code}: ${seen}`)); });
  });
}

/// The words of a language's catalogue (web/words/LANG.words), so the test follows the translation.
export function catalogue(language) {
  const words = {};
  for (const line of readFileSync(path.join(root, `web/words/${language}.words`), 'utf8').split('\n')) {
    const at = line.indexOf(' = ');
    if (!line.startsWith('#') && at > 0) words[line.slice(0, at).trim()] = line.slice(at + 3).trim();
  }
  return words;
}

/// Stops a `ces serve` started by startServer and waits for it to exit.
export async function stopServer(server) {
  if (server.exitCode !== null) return;
  await new Promise((resolve) => { server.once('exit', resolve); server.kill('SIGTERM'); });
}

/// The Authorization header of a demo user signed in through the API.
export async function bearer(context, user) {
  const answer = await context.request.post('/api/v1/sessions', { data: { username: user, password: `demo-${user}` } });
  return { Authorization: `Bearer ${(await answer.json()).token}` };
}

/// Calls the API and answers its JSON body; throws, naming the call, on any answer but 2xx.
export async function api(context, headers, method, url, data) {
  const answer = await context.request.fetch(url, { method, headers, data });
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok()) throw new Error(`${method} ${url} -> ${answer.status()} ${JSON.stringify(body)}`);
  return body;
}

/// The admin gives every van overtime: shifts end at `shiftEnd` (HH:MM), so a full day's routes
/// have room for one more visit whatever the demo county's day holds.
export async function extendShifts(context, shiftEnd) {
  const admin = await bearer(context, 'admin');
  const { vans } = await api(context, admin, 'GET', '/api/v1/vans');
  for (const van of vans) await api(context, admin, 'PATCH', `/api/v1/vans/${van.code}`, { ...van, shift_end: shiftEnd });
}

/// Registers a resident in Maidstone (ME15 6AB) through the API and orders a standard pressure
/// mattress for them at 5 working days; answers {resident, order}.
export async function orderForNewResident(context, prescriber, name, extra = {}) {
  const resident = await api(context, prescriber, 'POST', '/api/v1/residents', {
    nhs_number: nhsNumber(), name, date_of_birth: '1936-04-02', address_line1: '9 Mill Lane',
    town: 'Maidstone', postcode: 'ME15 6AB', phone: '01622 000111', access_notes: '', ...extra,
  });
  const order = await api(context, prescriber, 'POST', '/api/v1/orders', {
    resident_id: resident.id, speed: '5_day', lines: [{ item_code: 'KCE-PRS-001', quantity: 1 }], specials: [], notes: '',
  });
  return { resident, order };
}

/// In the order flow (on /orders/new): looks the resident up, finds nobody, and starts the new
/// resident form with their NHS number, name and date of birth.
export async function startNewResident(page, resident) {
  await page.getByLabel("Resident's NHS number").fill(resident.nhs);
  await page.getByRole('button', { name: 'Find resident' }).click();
  await page.getByRole('link', { name: 'Add a new resident' }).last().click();
  await page.waitForURL('**/residents/new**');
  await page.getByLabel('NHS number').fill(resident.nhs);
  await page.getByLabel('Full name').fill(resident.name);
  await page.getByLabel('Day').fill(resident.day);
  await page.getByLabel('Month').fill(resident.month);
  await page.getByLabel('Year').fill(resident.year);
}

/// Runs one browser chapter over a small demo county of its own: `body(chapter)` gets
/// {db, work, browser, start(extraArgs) -> base URL (a running server is stopped first), stop()}.
/// Records a failure for anything thrown, writes the results to `resultsFile` in the output
/// folder and exits 0 only when every check passed.
export async function runChapter(title, resultsFile, body, timeoutMs = 240000) {
  const cesBinary = path.resolve(option('ces', path.join(root, 'build/ces')));
  run.outputDir = path.resolve(option('output', run.outputDir));
  const chromiumPath = option('chromium', process.env.CES_CHROMIUM || '/usr/bin/chromium');
  const guard = setTimeout(() => { console.log(`${title} timed out`); process.exit(1); }, timeoutMs);
  guard.unref();
  mkdirSync(run.outputDir, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'ces-chapter-'));
  const chapter = {
    work,
    db: path.join(work, 'ces.db'),
    browser: null,
    server: null,
    async start(extraArgs = []) {
      await this.stop();
      const started = await startServer(cesBinary, this.db, extraArgs);
      this.server = started.server;
      return started.base;
    },
    async stop() {
      if (this.server) await stopServer(this.server);
      this.server = null;
    },
  };
  try {
    const demo = spawnSync(cesBinary, ['demo', '--db', chapter.db, '--seed', '1', '--residents', '120', '--orders', '60'],
      { encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(`ces demo failed: ${demo.stdout}${demo.stderr}`);
    chapter.browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
    await body(chapter);
    record('no Content-Security-Policy violations', run.cspViolations.length === 0, run.cspViolations.join('; '));
  } catch (error) {
    record(`${title} ran to the end`, false, error.stack || String(error));
  } finally {
    if (chapter.browser) await chapter.browser.close();
    await chapter.stop();
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(path.join(run.outputDir, resultsFile), JSON.stringify(run.results, null, 2));
  console.log(`${run.passed} passed, ${run.failed} failed`);
  process.exit(run.failed === 0 ? 0 : 1);
}

/// In the order flow, from the items page: adds each item code once, chooses the speed, leaves
/// no notes and stops on the check page.
export async function orderItemsThroughPages(page, codes, speed = '5 working days') {
  for (const code of codes) {
    await page.getByLabel('Item code').fill(code);
    await page.getByLabel('Quantity').fill('1');
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.waitForURL('**/orders/new/items');
  }
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/orders/new/speed');
  await page.getByLabel(speed).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/orders/new/notes');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/orders/new/check');
}
