// The commissioner opens the dashboard: the charts draw, the latest credits include the returned
// assets at 85% of their catalogue price, the funder filter narrows the page, and a report
// downloads as CSV.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { check, expect, root, signIn } from '../tools.mjs';

/// Catalogue prices in pence by item code, from data/catalogue.csv (the file the demo loads).
function cataloguePrices() {
  const lines = readFileSync(path.join(root, 'data/catalogue.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const fields = (line) => {
    const out = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { field += '"'; i += 1; } else if (ch === '"') quoted = false; else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { out.push(field); field = ''; } else field += ch;
    }
    out.push(field);
    return out;
  };
  const header = fields(lines[0]);
  const code = header.indexOf('item_code');
  const price = header.indexOf('unit_price_gbp');
  const prices = new Map();
  for (const line of lines.slice(1)) {
    const row = fields(line);
    prices.set(row[code], Math.round(Number(row[price]) * 100));
  }
  return prices;
}

const penceOf = (text) => Math.round(Number(text.replace(/[£,\s]/g, '')) * 100);

export async function commissionerSeesTheCredit(browser, base, journey) {
  const { context, page } = await signIn(browser, base, 'commissioner', '**/dashboard');
  const charts = page.locator('svg[role="img"]');
  await expect('the dashboard draws its charts as SVG images', async () => (await charts.count()) >= 5);
  await expect('every chart has a title for screen readers', async () => {
    const titles = await charts.evaluateAll((svgs) => svgs.map((svg) => svg.querySelector('title')?.textContent.trim() || ''));
    return titles.every((title) => title.length > 0);
  });
  await expect('the headline figures show on-time delivery',
    async () => /%|No data/.test(await page.locator('#figure-delivery').textContent()));
  await check(page, 'dashboard');

  const prices = cataloguePrices();
  const credited = journey.creditedBarcodes || [];
  await expect('the warehouse credited at least one asset', () => credited.length > 0);
  let funder = '';
  for (const barcode of credited) {
    const row = page.locator('#credits tbody tr', { hasText: barcode });
    await expect(`the latest credits list ${barcode}`, async () => (await row.count()) === 1);
    const cells = (await row.first().locator('td').allTextContents()).map((cell) => cell.trim());
    const code = (/\((KCE-[A-Z]+-\d+)\)/.exec(cells[2]) || [])[1];
    const amount = penceOf(cells[cells.length - 1]);
    const expected = Math.round((prices.get(code) * 85) / 100);
    await expect(`the credit for ${barcode} is 85% of the catalogue price`,
      () => amount > 0 && amount === expected, `${cells.join(' | ')}; expected ${expected}p for ${code}`);
    funder = funder || cells[3];
  }

  await page.getByLabel('Funder', { exact: true }).selectOption(funder);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/[?&]funder=/);
  await expect('the dashboard reloads for the chosen funder',
    async () => (await page.getByLabel('Funder', { exact: true }).inputValue()) === funder, funder);
  await expect('the latest credits are all that funder\'s', async () => {
    const funders = await page.locator('#credits tbody tr td:nth-child(4)').allTextContents();
    return funders.length > 0 && funders.every((f) => f.trim() === funder);
  });
  await expect('spend by funder shows only that funder', async () => {
    const rows = await page.locator('#finance-funder tbody tr th').allTextContents();
    return rows.length === 1 && rows[0].trim() === funder;
  });
  await check(page, 'dashboard-filtered');

  const link = page.getByRole('link', { name: 'Download On-time delivery by speed (CSV)' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  await expect('a report downloads as a CSV file',
    () => download.suggestedFilename().endsWith('.csv') && csv.startsWith('speed,delivered'),
    `${download.suggestedFilename()} ${csv.slice(0, 40)}`);
  // Chromium does not report a download's response headers, so the check of the Content-Type
  // repeats the link's request with the same session (no action of its own).
  const answer = await context.request.get(await link.getAttribute('href'));
  await expect('the report link answers text/csv',
    () => (answer.headers()['content-type'] || '').startsWith('text/csv'), answer.headers()['content-type']);
  await context.close();
}
