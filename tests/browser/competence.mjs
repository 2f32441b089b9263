// Prescriber competence through the pages: an occupational therapy assistant (basic only) orders
// a hoist for a new resident; the order is refused by saying which competence it needs, and sent
// instead for a colleague's countersignature; Priya, in the same team and trained in moving and
// handling, countersigns it on the order's page and the hoist is reserved.
//
//   node tests/browser/competence.mjs --ces build/ces [--output DIR] [--chromium PATH]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromium, root, run, record, check, expect, signIn, option, nhsNumber, startServer, stopServer,
  startNewResident, CHROMIUM_ARGS,
} from './tools.mjs';

const cesBinary = path.resolve(option('ces', path.join(root, 'build/ces')));
run.outputDir = path.resolve(option('output', run.outputDir));
const chromiumPath = option('chromium', process.env.CES_CHROMIUM || '/usr/bin/chromium');

async function main() {
  mkdirSync(run.outputDir, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'ces-competence-'));
  const db = path.join(work, 'ces.db');
  let server;
  let browser;
  try {
    const demo = spawnSync(cesBinary, ['demo', '--db', db, '--seed', '1', '--residents', '120', '--orders', '60'], { encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(`ces demo failed: ${demo.stdout}${demo.stderr}`);
    const started = await startServer(cesBinary, db);
    server = started.server;
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });

    const assistant = await signIn(browser, started.base, 'assistant');
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
    await page.getByLabel('Item code').fill('KCE-HST-001');
    await page.getByLabel('Quantity').fill('1');
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.waitForURL('**/orders/new/items');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL('**/orders/new/speed');
    await page.getByLabel('5 working days').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL('**/orders/new/notes');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL('**/orders/new/check');
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

    const priya = await signIn(browser, started.base, 'prescriber');
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
    record('no Content-Security-Policy violations', run.cspViolations.length === 0, run.cspViolations.join('; '));
  } catch (error) {
    record('the competence chapter ran to the end', false, error.stack || String(error));
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server);
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(path.join(run.outputDir, 'competence-results.json'), JSON.stringify(run.results, null, 2));
  console.log(`${run.passed} passed, ${run.failed} failed`);
  process.exit(run.failed === 0 ? 0 : 1);
}

const guard = setTimeout(() => { console.log('competence chapter timed out'); process.exit(1); }, 240000);
guard.unref();
await main();
