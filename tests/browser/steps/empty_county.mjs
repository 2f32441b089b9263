// The first chapter: a county set up from an empty database through the pages alone. The admin
// signs in with the password `ces serve` printed, sets their own, adds a funder, a team, a depot
// and a van, imports the catalogue and adds the staff; the warehouse receives stock and prints
// its labels; a new prescriber sets a password, registers a resident and orders; a new planner
// routes the order.
import { readFileSync } from 'node:fs';
import { check, expect, openPage, orderItemsThroughPages, startNewResident } from '../tools.mjs';
import { plannerOptimisesTheDay } from './planner.mjs';

const STAFF = [
  { username: 'dmoss', name: 'Dan Moss', role: 'warehouse' },
  { username: 'lhart', name: 'Lucy Hart', role: 'planner' },
  { username: 'scarter', name: 'Sam Carter', role: 'budget_holder', team: 'MASC-OT' },
  { username: 'pshah', name: 'Priya Shah', role: 'prescriber', team: 'MASC-OT' },
];

/// Signs in with a one-time password, is sent to set a new one, and lands on `landing`.
async function firstSignIn(browser, base, username, oneTime, landing, name) {
  const opened = await openPage(browser, base);
  const { page } = opened;
  await page.goto('/sign-in');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(oneTime);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/account/password');
  if (name) await check(page, name);
  const chosen = `copper kettle by the harbour ${Math.floor(Math.random() * 1e6)}`;
  await page.getByLabel(/Your password now/).fill(oneTime);
  await page.getByLabel('New password', { exact: true }).fill(chosen);
  await page.getByLabel('New password again').fill(chosen);
  await page.getByRole('button', { name: 'Set password' }).click();
  await page.waitForURL(landing);
  return { ...opened, password: chosen };
}

async function addFunderAndTeam(page) {
  await page.goto('/admin/organisation');
  await check(page, 'empty-organisation');
  await page.locator('#funder-code').fill('KCC');
  await page.locator('#funder-name').fill('Kent County Council');
  await page.getByRole('button', { name: 'Add the funder' }).click();
  await page.waitForURL('**/admin/organisation**');
  await page.locator('#team-code').fill('MASC-OT');
  await page.locator('#team-name').fill('Maidstone Adult Social Care OT');
  await page.locator('#team-funder_code').selectOption('KCC');
  await page.locator('#team-approval_limit').fill('1500');
  await page.getByRole('button', { name: 'Add the team' }).click();
  await page.waitForURL('**/admin/organisation**');
  await expect('the team is listed with its funder',
    () => page.getByRole('cell', { name: 'Maidstone Adult Social Care OT' }).isVisible());
  await check(page, 'empty-organisation-added');
}

async function addDepotAndVan(page) {
  await page.goto('/admin/depots');
  await expect('an empty county warns of districts without a depot',
    () => page.locator('#unserved').isVisible());
  await check(page, 'empty-depots');
  await page.locator('#depot-code').fill('AYL');
  await page.locator('#depot-name').fill('Aylesford depot');
  await page.locator('#depot-postcode').fill('ME20 7AD');
  const districts = page.locator('input[type="checkbox"][name="districts"]');
  const count = await districts.count();
  for (let i = 0; i < count; i += 1) await districts.nth(i).check();
  await page.getByRole('button', { name: 'Add the depot' }).click();
  await page.waitForURL('**/admin/depots**');
  await expect('every district has a depot, so no district is warned about',
    async () => count === 12 && (await page.locator('#unserved').count()) === 0, String(count));
  await page.locator('#van-code').fill('AYL-1');
  await page.locator('#van-depot_code').selectOption('AYL');
  await page.locator('#van-capacity_units').fill('40');
  await page.locator('#van-shift_start').fill('08:00');
  await page.locator('#van-shift_end').fill('17:00');
  const skills = page.locator('input[type="checkbox"][name="skills"]');
  for (let i = 0; i < await skills.count(); i += 1) await skills.nth(i).check();
  await page.getByLabel('Two people').check();
  await page.getByRole('button', { name: 'Add the van' }).click();
  await page.waitForURL('**/admin/depots**');
  await expect('the van is listed', () => page.getByRole('cell', { name: 'AYL-1' }).first().isVisible());
  await check(page, 'empty-depots-added');
}

async function importCatalogue(page, catalogueFile) {
  const csv = readFileSync(catalogueFile, 'utf8');
  const rows = csv.trim().split('\n').length - 1;
  await page.goto('/admin/catalogue/import');
  await page.locator('#import-csv').fill('item_code,name\nBAD ITEM,\n');
  await page.getByRole('button', { name: 'Check only' }).click();
  await expect('a bad file is reported as an error summary',
    () => page.locator('.govuk-error-summary').isVisible());
  await check(page, 'empty-catalogue-import-errors');
  await page.locator('#import-csv').fill(csv);
  await page.getByRole('button', { name: 'Check only' }).click();
  await expect('the dry run would create every item',
    async () => Number(await page.locator('#report-created').textContent()) === rows, String(rows));
  await page.locator('#import-csv').fill(csv);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect('the import creates every item',
    async () => /Imported/.test(await page.locator('#report-title').textContent())
      && Number(await page.locator('#report-created').textContent()) === rows);
  await check(page, 'empty-catalogue-imported');
}

// The shared catalogue has no maintenance column: the admin home asks for the regimes, and the
// side file of item_code and maintenance_regime updates the items it names.
async function importInspectionRegimes(page, maintenanceFile) {
  await page.goto('/home');
  await expect('the admin home asks for the inspection regimes',
    async () => /inspection regimes/.test(await page.locator('#readiness').textContent()));
  const csv = readFileSync(maintenanceFile, 'utf8');
  await page.goto('/admin/catalogue/import');
  await page.locator('#import-csv').fill(csv);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect('the side file updates the items with a regime and creates none',
    async () => /Imported/.test(await page.locator('#report-title').textContent())
      && Number(await page.locator('#report-created').textContent()) === 0
      && Number(await page.locator('#report-updated').textContent()) > 0);
}

async function addStaff(page) {
  const passwords = {};
  for (const person of STAFF) {
    await page.goto('/admin/users/new');
    await page.getByLabel('User name').fill(person.username);
    await page.getByLabel('Full name').fill(person.name);
    await page.getByLabel('Role').selectOption(person.role);
    if (person.team) await page.getByLabel('Team code').fill(person.team);
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.locator('#one-time-password').waitFor();
    passwords[person.username] = (await page.locator('#one-time-password').textContent()).trim();
    if (person.role === 'prescriber') await check(page, 'empty-user-added');
  }
  await page.goto('/admin/users');
  await check(page, 'empty-users');
  return passwords;
}

async function adminSetsUpTheCounty(browser, base, county) {
  const admin = await firstSignIn(browser, base, 'admin', county.adminPassword, '**/home',
    'empty-set-password');
  const { context, page } = admin;
  await expect('the admin home lists what is missing',
    async () => /depot/i.test(await page.locator('#readiness').textContent()));
  await check(page, 'empty-admin-home');
  await addFunderAndTeam(page);
  await addDepotAndVan(page);
  await importCatalogue(page, county.catalogueFile);
  await importInspectionRegimes(page, county.maintenanceFile);
  const passwords = await addStaff(page);
  await page.goto('/home');
  await expect('the county is ready to go live',
    async () => /Everything the service needs is set up/.test(await page.locator('#readiness').textContent()),
    await page.locator('#readiness').textContent());
  await check(page, 'empty-admin-home-ready');
  await context.close();
  return { passwords, adminPassword: admin.password };
}

async function warehouseReceivesStock(browser, base, oneTime) {
  const { context, page } = await firstSignIn(browser, base, 'dmoss', oneTime, '**/warehouse**');
  await page.goto('/warehouse/goods-in');
  await check(page, 'empty-goods-in');
  await page.locator('#depot').selectOption('AYL');
  await page.locator('#supplier').fill('Medequip Supplies Ltd');
  await page.locator('#supplier_reference').fill('INV-20451');
  await page.locator('#item_code_0').fill('KCE-BED-001');
  await page.locator('#quantity_0').fill('2');
  await page.locator('#item_code_1').fill('KCE-TLT-001');
  await page.locator('#quantity_1').fill('10');
  await page.getByRole('button', { name: 'Receive the delivery' }).click();
  await page.locator('#print-labels').waitFor();
  await check(page, 'empty-goods-in-received');
  await page.locator('#print-labels').click();
  await page.waitForURL('**/labels');
  await expect('one Code 128 label per bed received',
    async () => (await page.locator('#labels svg').count()) === 2);
  await check(page, 'empty-goods-in-labels');
  await context.close();
}

async function prescriberOrders(browser, base, oneTime, resident) {
  const { context, page } = await firstSignIn(browser, base, 'pshah', oneTime, '**/catalogue',
    'empty-prescriber-password');
  await page.getByRole('link', { name: 'Start a new order' }).click();
  await page.waitForURL('**/orders/new');
  await startNewResident(page, resident);
  await page.getByLabel('Address line 1').fill('14 Tonbridge Road');
  await page.getByLabel('Town or city').fill('Maidstone');
  await page.getByLabel('Postcode').fill(resident.postcode);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL('**/orders/new/items');
  await orderItemsThroughPages(page, ['KCE-BED-001', 'KCE-TLT-001']);
  await page.getByRole('button', { name: 'Accept and send order' }).click();
  await page.waitForURL('**/confirmation');
  const reference = (await page.locator('#reference').textContent()).trim();
  await expect('the new county takes its first order', () => /^ORD-\d{4}-\d+$/.test(reference), reference);
  await check(page, 'empty-order-confirmation');
  await page.getByRole('link', { name: 'Choose a delivery slot' }).click();
  await page.waitForURL(`**/orders/${reference}/slot`);
  await page.locator('.govuk-radios__input').first().check();
  await page.getByRole('button', { name: 'Book this slot' }).click();
  await page.waitForURL(`**/orders/${reference}`);
  const answer = await (await context.request.get(`/api/v1/orders/${reference}`)).json();
  const booked = (answer.visits || []).find((visit) => visit.slot);
  await expect('the order has a booked delivery slot', () => booked, JSON.stringify(answer.visits));
  await context.close();
  return { reference, deliveryDate: booked.slot.date };
}

/// Runs the chapter against a server on an empty database; `county` carries its base URL, the
/// admin's printed password and the catalogue file.
export async function countyFromAnEmptyDatabase(browser, county, resident) {
  const { passwords, adminPassword } = await adminSetsUpTheCounty(browser, county.base, county);
  await warehouseReceivesStock(browser, county.base, passwords.dmoss);
  const order = await prescriberOrders(browser, county.base, passwords.pshah, resident);
  const planner = await firstSignIn(browser, county.base, 'lhart', passwords.lhart, '**/plan');
  await plannerOptimisesTheDay(browser, county.base, order, planner);
  await adminLooksUpTheResident(browser, county.base, adminPassword, resident);
}

// The admin finds the new resident, reads what the service holds about them (a subject access
// request) and opens the form for recording a death without sending it.
async function adminLooksUpTheResident(browser, base, password, resident) {
  const { context, page } = await openPage(browser, base);
  await page.goto('/sign-in');
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/home');
  await page.goto('/admin/residents');
  await page.locator('#q').fill(resident.name);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect('the admin finds the resident by name',
    () => page.locator('#residents-found').getByRole('cell', { name: resident.name, exact: true }).isVisible());
  await check(page, 'empty-admin-residents');
  await page.locator('#residents-found a[href$="/subject-access"]').first().click();
  await page.waitForURL('**/subject-access');
  await expect('subject access shows the resident and who read their record',
    async () => (await page.locator('#subject-details').textContent()).includes(resident.name)
      && (await page.locator('#subject-audit').isVisible()));
  await check(page, 'empty-subject-access');
  await page.goto('/admin/residents');
  await page.locator('#q').fill(resident.name);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.locator('#residents-found a[href$="/deceased"]').first().click();
  await page.getByRole('button', { name: 'Record the death' }).click();
  await expect('a death without a date is refused naming the date',
    () => page.locator('.govuk-error-summary').isVisible());
  await check(page, 'empty-death-form-errors');
  await context.close();
}
