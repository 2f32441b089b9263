// What every step of the browser journey shares: results, axe-core checks with screenshots,
// Content-Security-Policy watching and signing in as a demo user.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
