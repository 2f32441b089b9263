// The planner plans the next five working days at once and reads them day by day; then optimises
// the day of the booked delivery and finds the order on a van's timeline.
import { check, expect, signIn } from '../tools.mjs';

/// `signedIn` (optional): a planner already signed in; otherwise the demo planner signs in.
export async function plannerOptimisesTheDay(browser, base, journey, signedIn) {
  const { context, page } = signedIn || await signIn(browser, base, 'planner', '**/plan');
  const chapter = signedIn ? 'empty-' : '';
  await check(page, `${chapter}plan-default-day`);
  await plannerPlansTheWeek(page, chapter);
  await page.goto('/plan');

  const [year, month, day] = journey.deliveryDate.split('-');
  await page.getByLabel('Day', { exact: true }).fill(String(Number(day)));
  await page.getByLabel('Month').fill(String(Number(month)));
  await page.getByLabel('Year').fill(year);
  await page.getByRole('button', { name: 'Show the plan' }).click();
  await page.waitForURL(`**/plan?date=${journey.deliveryDate}`);
  await check(page, `${chapter}plan-chosen-day`);

  const optimise = page.getByRole('button', { name: /^(Optimise the day|Re-optimise)$/ });
  await optimise.click();
  await page.waitForURL(/\/plan\?date=.*&planned=\d+/);
  await expect('optimising says how many stops were planned and how long it took',
    async () => /\d+ stops? planned in \d+\.\d seconds/.test(await page.locator('#done-message').textContent()));

  const van = page.locator('section.ces-van', { has: page.getByRole('cell', { name: journey.reference, exact: true }) });
  await expect('the order is on one van\'s timeline', async () => (await van.count()) === 1, journey.reference);
  const row = van.getByRole('row', { name: new RegExp(journey.reference) });
  const arrivalWindow = (await row.locator('.ces-window').textContent()).trim();
  await expect('its stop has a one-hour arrival window', () => / to /.test(arrivalWindow), arrivalWindow);
  journey.van = (await van.getByRole('heading', { level: 2 }).textContent()).replace(/^Van /, '').trim();

  const vans = await page.locator('section.ces-van').count();
  await expect('the summary shows the distance and CO2',
    async () => /km$/.test(await page.locator('#total-distance').textContent())
      && /kg$/.test(await page.locator('#total-co2').textContent()));
  await expect('the route drawing is there with a title', () => page.getByRole('img', { name: /Routes of the vans/ }).isVisible());
  await expect('the drawing has one path per van',
    async () => vans >= 1 && (await page.locator('svg.ces-route-drawing path.ces-route').count()) === vans, String(vans));
  await expect('the drawing\'s data is also a table', () => page.getByRole('table', { name: 'Routes drawn above' }).isVisible());
  await check(page, `${chapter}plan-optimised`);
  await context.close();
}

async function plannerPlansTheWeek(page, chapter) {
  await page.getByRole('link', { name: 'Week', exact: true }).click();
  await page.waitForURL('**/plan/week');
  await page.getByRole('button', { name: 'Plan the next 5 working days' }).click();
  await page.waitForURL(/\/plan\/week\?date=.*&ms=\d+/);
  await expect('planning the week says how long it took, what is late and what is not planned',
    async () => /Planned in \d+\.\d\d seconds: \d+ late, \d+ not planned/.test(
      await page.locator('#done-message').textContent()));
  await expect('the week shows five working days, each planned with the week',
    async () => (await page.locator('#week-days tbody tr').count()) === 5
      && (await page.locator('#week-days tbody tr', { hasText: 'with the week' }).count()) === 5);
  await expect('each day with vans is drawn over the county\'s districts, linked to its day',
    async () => {
      const drawn = await page.locator('svg.ces-day-drawing').count();
      const withVans = await page.locator('#week-days tbody tr td:nth-child(2)', { hasText: /^[1-9]/ }).count();
      return drawn >= 1 && drawn === withVans
        && (await page.locator('#week-districts path.ces-district').count()) === 12;
    });
  await check(page, `${chapter}plan-week`);
  await page.locator('#check-capacity').click();
  await page.waitForURL(/capacity=1/);
  await expect('the capacity view gives each day\'s work against the vans, and advice',
    async () => (await page.locator('#capacity tbody tr').count()) === 5
      && ((await page.locator('#capacity-advice').textContent()) || '').trim().length > 20);
  await check(page, `${chapter}plan-week-capacity`);
}
