// What the tracking page says in each state of an order, read in a real browser and checked
// sentence by sentence against the words catalogue (web/words/en.words) and the order itself:
// stock reserved with no slot, a slot booked, the day planned with its arrival window, a failed
// visit on the day, a cancelled order, and an order past its date with no day planned. The day
// of the visit and the day after the due date are tried by starting the server again with its
// clock there (--clock-from). (Out for delivery is not a state anyone sees: a driver's record
// moves an order through it in one step.)
//
//   node tests/browser/tracking_states.mjs --ces build/ces [--output DIR] [--chromium PATH]
import { api, check, expect, openPage, bearer, catalogue, orderForNewResident, runChapter } from './tools.mjs';
const en = catalogue('en');

async function newOrder(context, prescriber) {
  return (await orderForNewResident(context, prescriber, 'Walter Statewise')).order;
}

/// Opens the order's tracking page in English and answers what it says, by element.
async function readPage(browser, base, order, name) {
  const { context, page } = await openPage(browser, base);
  await page.goto(`/track/${order.tracking_token}?lang=en`);
  const text = async (selector) => ((await page.locator(selector).count()) ? (await page.locator(selector).textContent()).trim() : null);
  const said = {
    status: await text('#status-text'), tag: await text('.govuk-tag'), when: await text('#when'),
    slot: await text('#slot'), arrival: await text('#arrival'), messages: await text('#messages-line'),
  };
  await check(page, name);
  await context.close();
  return said;
}

function fill(key, fields = {}) {
  return en[key].replace(/\{(\w+)\}/g, (whole, name) => (name in fields ? fields[name] : whole));
}

await runChapter('the tracking states', 'states-results.json', async (chapter) => {
  const { browser } = chapter;
  let base = await chapter.start();
  let context = await browser.newContext({ baseURL: base });
  const prescriber = await bearer(context, 'prescriber');
  const planner = await bearer(context, 'planner');

  const order = await newOrder(context, prescriber);
  let said = await readPage(browser, base, order, 'state-allocated');
  await expect('allocated: the stock is reserved and the day is being planned', () => said.status === en.words_reserved, said.status);
  await expect('allocated: the tag says so in words', () => said.tag === en.status_allocated, said.tag);
  await expect('allocated: no slot chosen yet', () => said.slot === en.result_slot_none, said.slot);
  await expect('allocated: the due date is promised, not a past one', () => said.when.startsWith(fill('words_bring_by').split('{date}')[0]), said.when);
  await expect('allocated: no text or e-mail is promised to a resident without either', () => said.messages === en.words_no_messages, said.messages);

  const slots = await api(context, prescriber, 'GET', `/api/v1/orders/${order.reference}/slots`);
  const offered = (slots.slots || slots)[0];
  await api(context, prescriber, 'POST', `/api/v1/orders/${order.reference}/slot`, { date: offered.date, start: offered.start });
  said = await readPage(browser, base, order, 'state-scheduled-slot');
  await expect('scheduled with a slot: the status line says booked', () => said.status === en.words_booked, said.status);
  const [year, , day] = offered.date.split('-');
  await expect('scheduled with a slot: the slot row names the day booked',
    () => said.slot.includes(` ${Number(day)} `) && said.slot.includes(year) && said.when.startsWith(said.slot), `${said.slot} / ${said.when}`);
  await expect('scheduled with a slot: the arrival time comes once the route is planned', () => said.arrival === en.words_arrival_later, said.arrival);

  await api(context, planner, 'POST', `/api/v1/plans/${offered.date}/optimise`, {});
  const plan = await api(context, planner, 'GET', `/api/v1/plans/${offered.date}`);
  const stop = plan.routes.flatMap((r) => r.stops).find((s) => s.order_reference === order.reference);
  await expect('the planner planned the visit on its slot day', () => stop, offered.date);
  said = await readPage(browser, base, order, 'state-planned');
  await expect('planned: a one-hour arrival window within the slot', () => /^Between .+ and .+\.$/.test(said.arrival), said.arrival);

  const cancelled = await newOrder(context, prescriber);
  await api(context, prescriber, 'POST', `/api/v1/orders/${cancelled.reference}/cancel`, { reason: 'no longer needed' });
  said = await readPage(browser, base, cancelled, 'state-cancelled');
  await expect('cancelled: says so, and promises no day', () => said.status === en.status_text_cancelled && said.when === null, JSON.stringify(said));
  const late = await newOrder(context, prescriber);
  await context.close();

  // The day of the visit: the driver finds nobody in.
  base = await chapter.start(['--clock-from', `${offered.date}T11:00:00Z`]);
  context = await browser.newContext({ baseURL: base });
  const driver = await bearer(context, 'driver');
  await api(context, driver, 'POST', `/api/v1/visits/${stop.visit_id}/outcome`, { outcome: 'failed', reason: 'no_access' });
  await context.close();
  said = await readPage(browser, base, order, 'state-failed-visit');
  await expect('failed visit: says we could not deliver and will arrange a new date', () => said.status === en.status_text_failed_visit, said.status);
  await expect('failed visit: the tag says so in words', () => said.tag === en.status_failed_visit, said.tag);

  // Past the due date of an order nobody planned: an apology, never a past date as a promise.
  const dueDay = late.due_by.slice(0, 10);
  const after = new Date(`${dueDay}T10:00:00Z`);
  after.setUTCDate(after.getUTCDate() + 2);
  base = await chapter.start(['--clock-from', after.toISOString().replace(/\.\d+Z$/, 'Z')]);
  said = await readPage(browser, base, late, 'state-overdue');
  await expect('overdue: says sorry, not a promise', () => said.status === en.words_overdue, said.status);
  await expect('overdue: says when we said and that we will phone', () => said.when.startsWith(fill('words_overdue_when').split('{date}')[0])
    && said.when.endsWith(fill('words_overdue_when').split('{date}')[1]), said.when);
});
