// The office settings in the staff app, on the real built page against a real server: what an
// admin saves reaches the kiosk's API at once, a refused value is explained next to its field and
// changes nothing, and only admins (and, read-only, managers) see the settings at all.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, Office, OfficeSummary, QueueSnapshot, Service, User } from '../../common/protocol';
import type { CreatedDevice } from '../../common/protocol/admin-schemas';
import type { ServicesAnswer } from '../../common/protocol/rest';
import { launchBrowser } from '../support/browser';
import { ADMIN_PASSWORD, call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { openPanel, signIn } from './panel-fixtures';
import { docsScreenshotPath } from '../support/docs-screenshot';

let talon: RunningTalon;
let browser: Browser;
/** One signed-in admin browser and one API token for all tests: the server allows 5 sign-ins a minute per login. */
let adminBrowser: BrowserContext;
let adminToken: string;

beforeAll(async () => {
  talon = await startTalon({ webApps: 'dist' });
  browser = await launchBrowser();
  adminToken = await talon.login('admin');
  const { context, page } = await openPanel(browser, talon);
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await page.locator('panel-view-nav').waitFor();
  await page.close();
  adminBrowser = context;
});

afterAll(async () => {
  await browser?.close();
  await talon?.close();
});

async function openSection(page: Page, section: string): Promise<Page> {
  await page.locator('panel-view-nav button[data-view="settings"]').click();
  await page.locator(`panel-admin nav button[data-section="${section}"]`).click();
  return page;
}

/** A new tab of the signed-in admin's browser, on one section of the settings. */
async function asAdmin(section: string): Promise<Page> {
  const page = await adminBrowser.newPage();
  await page.goto(`${talon.url}/panel/`);
  return openSection(page, section);
}

/** A whole-page picture from the top, so the sticky section list and Save bar sit where a person sees them. */
async function screenshot(page: Page, path: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: docsScreenshotPath(path), fullPage: true });
}

async function kioskServices(): Promise<ServicesAnswer> {
  const answer = await call<ServicesAnswer>(talon, officeApi('/services'), { deviceKey: talon.deviceKey('kiosk') });
  if (!answer.body.ok) throw new Error(answer.body.error.message);
  return answer.body.data;
}

async function savedService(id: string): Promise<Service> {
  const config = await call<{ services: Service[] }>(talon, officeApi('/config'), { token: adminToken });
  if (!config.body.ok) throw new Error(config.body.error.message);
  return config.body.data.services.find((s) => s.id === id)!;
}

/** Today's date where the office is, as the schedule writes dates. */
async function officeToday(): Promise<string> {
  const config = await call<{ office: Office }>(talon, officeApi('/config'), { token: adminToken });
  if (!config.body.ok) throw new Error(config.body.error.message);
  return new Intl.DateTimeFormat('en-CA', { timeZone: config.body.data.office.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

describe('office settings', () => {
  it('lets an admin rename a service, and the kiosk lists the new name at once', async () => {
    const page = await asAdmin('services');
    await page.locator('tr[data-service="documents"] button[data-role="edit"]').click();
    const form = page.locator('panel-admin-service-form');
    await form.locator('input[name="name.en"]').fill('Documents and applications');
    await form.locator('button[data-role="save"]').click();
    await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const documents = (await kioskServices()).services.find((s) => s.service.id === 'documents');
    expect(documents?.service.name.en).toBe('Documents and applications');
    await page.locator('tr[data-service="documents"]').getByText('Documents and applications').waitFor();
    await page.close();
  });

  it('shows the server’s reason next to the field when the end number is below the start number, and saves nothing', async () => {
    const before = await savedService('certificates');
    const page = await asAdmin('services');
    await page.locator('tr[data-service="certificates"] button[data-role="edit"]').click();
    const form = page.locator('panel-admin-service-form');
    await form.locator('input[name="endNumber"]').fill(String(before.startNumber - 1));
    await form.locator('input[name="prefix"]').fill('3');
    await form.locator('button[data-role="save"]').click();
    await form.locator('label:has(input[name="endNumber"]) .issue').filter({ hasText: 'the end number must be above the start number' }).waitFor();
    await form.locator('label:has(input[name="prefix"]) .issue').filter({ hasText: 'one clear capital letter' }).waitFor();
    await screenshot(page, 'docs/screenshots/admin-services.png');
    expect(await savedService('certificates')).toEqual(before);
    await page.close();
  });

  it('gives a booth a planned lunch break, which every screen receives', async () => {
    const page = await asAdmin('counters');
    await page.locator('tr[data-counter="booth-2"] button[data-role="edit"]').click();
    const form = page.locator('panel-admin-counter-form');
    await form.getByRole('button', { name: 'Add a break' }).click();
    // The demo booths already have breaks: the new one is the last row.
    await form.locator('input[name^="plannedBreaks."][name$=".start"]').last().fill('12:30');
    await form.locator('input[name^="plannedBreaks."][name$=".end"]').last().fill('13:15');
    await form.locator('button[data-role="save"]').click();
    await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await screenshot(page, 'docs/screenshots/admin-counters.png');
    const snapshot = await call<QueueSnapshot>(talon, officeApi('/snapshot'));
    const booth = snapshot.body.ok ? snapshot.body.data.counters.find((c) => c.id === 'booth-2') : undefined;
    expect(booth?.plannedBreaks).toContainEqual({ kind: 'lunch', start: '12:30', end: '13:15' });
    await page.close();
  });

  it('creates a staff account that can then sign in', async () => {
    const page = await asAdmin('users');
    await page.locator('panel-admin-users button[data-role="add"]').click();
    const form = page.locator('form[data-role="new-user"]');
    await form.locator('input[name="login"]').fill('kovalenko');
    await form.locator('input[name="name"]').fill('Коваленко И. И.');
    // One office: one role to choose, the person's role in it.
    await form.locator(`select[name="offices.${talon.office}"]`).selectOption('operator');
    await form.locator('input[name="password"]').fill('a-good-long-password');
    await form.locator('button[data-role="save"]').click();
    await page.locator('tr[data-user="kovalenko"]').waitFor();
    await screenshot(page, 'docs/screenshots/admin-users.png');
    await page.close();
    const token = await talon.login('kovalenko', 'a-good-long-password');
    const me = await call<{ user: User }>(talon, '/api/auth/me', { token });
    expect(me.body.ok && me.body.data.user).toMatchObject({ organisationRole: null, offices: [{ officeId: talon.office, role: 'operator' }] });
  });

  it('lets the regional admin start an office as a copy of this one, and archive it after asking', async () => {
    const page = await asAdmin('offices');
    await page.locator('panel-admin-offices button[data-role="add"]').click();
    const form = page.locator('form[data-role="new-office"]');
    await form.locator('input[name="id"]').fill('east');
    await form.locator('input[name="timeZone"]').fill('Asia/Irkutsk');
    await form.locator('input[name="name.ru"]').fill('Восточный офис');
    await form.locator('input[name="address.ru"]').fill('ул. Восточная, 2');
    await form.locator('select[name="copyFrom"]').selectOption(talon.office);
    await form.locator('button[data-role="save"]').click();
    const row = page.locator('panel-admin-offices tr[data-office="east"]');
    await row.waitFor();
    const services = async (office: string) => {
      const config = await call<{ services: Service[] }>(talon, officeApi('/config', office), { token: adminToken });
      return config.body.ok ? config.body.data.services.map((service) => service.id) : [];
    };
    expect(await services('east')).toEqual(await services(talon.office));
    const listed = await call<OfficeSummary[]>(talon, '/api/offices');
    expect(listed.body.ok && listed.body.data.find((office) => office.id === 'east')).toMatchObject({ name: { ru: 'Восточный офис' }, timeZone: 'Asia/Irkutsk' });

    await row.locator('button[data-role="archive"]').click();
    await page.locator('panel-admin-offices panel-dialog button[data-role="submit"]').click();
    await row.waitFor({ state: 'detached' });
    const after = await call<OfficeSummary[]>(talon, '/api/offices');
    expect(after.body.ok && after.body.data.map((office) => office.id)).toEqual([talon.office]);
    await page.close();
  });

  it('registers a display and shows its key once, as the address to open on the screen', async () => {
    const page = await asAdmin('devices');
    await page.locator('panel-admin-devices button[data-role="add"]').click();
    const form = page.locator('form[data-role="new-device"]');
    await form.locator('select[name="kind"]').selectOption('display');
    await form.locator('input[name="name"]').fill('Display on the 2nd floor');
    await form.locator('button[data-role="save"]').click();
    const line = await page.locator('[data-role="new-key"] [data-role="start-line"]').textContent();
    expect(line).toMatch(new RegExp(`^${talon.url}/display/\\?key=.+`));
    const key = decodeURIComponent(line!.split('?key=')[1]!);
    const me = await call<{ kind: string; device?: Device }>(talon, '/api/auth/me', { deviceKey: key });
    expect(me.body.ok && me.body.data.device?.name).toBe('Display on the 2nd floor');
    // The demo's hall display has never connected: staff are warned that the hall is silent.
    await page.locator('tr[data-device] [data-role="warning"]').filter({ hasText: 'This display is offline.' }).first().waitFor();
    await screenshot(page, 'docs/screenshots/admin-devices.png');
    await page.close();
  });

  it('revokes a device after asking, and its key stops working', async () => {
    const created = await call<CreatedDevice>(talon, officeApi('/devices'), { token: adminToken, body: { kind: 'kiosk', name: 'Old kiosk', zone: 'hall' } });
    if (!created.body.ok) throw new Error(created.body.error.message);
    const { device, key } = created.body.data;
    const page = await asAdmin('devices');
    await page.locator(`tr[data-device="${device.id}"] button[data-role="revoke"]`).click();
    await page.locator('panel-admin-devices panel-dialog').getByText('«Old kiosk» stops working at once').waitFor();
    await page.locator('panel-admin-devices panel-dialog button[data-role="submit"]').click();
    await page.locator(`tr[data-device="${device.id}"] [data-role="state"]`).filter({ hasText: 'Revoked' }).waitFor();
    const answer = await call(talon, officeApi('/services'), { deviceKey: key });
    expect(answer.body.ok ? 'accepted' : answer.body.error.code).toBe('device-revoked');
    await page.close();
  });

  it('shows a manager the settings read-only, without staff accounts', async () => {
    const { page, context } = await openPanel(browser, talon);
    await signIn(page, 'manager', talon.demo.staffPassword);
    await openSection(page, 'office');
    await page.locator('[data-testid="read-only"]').waitFor();
    expect(await page.locator('panel-admin-office input[name="name.en"]').isDisabled()).toBe(true);
    expect(await page.locator('panel-admin-office button[data-role="save"]').count()).toBe(0);
    expect(await page.locator('panel-admin nav button[data-section="users"]').count()).toBe(0);
    expect(await page.locator('panel-booth-picker, panel-view-nav button[data-view="booth"]').count()).toBe(0);
    await screenshot(page, 'docs/screenshots/admin-read-only.png');
    await context.close();
  });

  it('shows an operator no settings at all, and the server refuses them anyway', async () => {
    const { page, context } = await openPanel(browser, talon);
    await signIn(page, 'operator1', talon.demo.staffPassword);
    await page.getByRole('heading', { name: 'Choose your booth' }).waitFor();
    expect(await page.locator('panel-view-nav, panel-admin').count()).toBe(0);
    await context.close();
    const refused = await call(talon, officeApi('/config/office'), { method: 'PUT', token: await talon.login('operator1'), body: {} });
    expect(refused.status).toBe(403);
  });

  it('lets an admin leave the QR code off the printed ticket and add the office’s own last line', async () => {
    const page = await asAdmin('office');
    await page.locator('panel-admin-office input[name="ticketLayout.show.qrCode"]').uncheck();
    await page.locator('panel-admin-office input[name="ticketLayout.footer.ru"]').fill('Вход со двора');
    await page.locator('panel-admin-office button[data-role="save"]').click();
    await page.locator('panel-admin-office').getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const config = await call<{ office: Office }>(talon, officeApi('/config'), { token: adminToken });
    expect(config.body.ok && config.body.data.office.ticketLayout).toMatchObject({ footer: { ru: 'Вход со двора' }, show: { qrCode: false, address: true } });
    await page.close();
  });

  it('lets an admin say how many minutes a ticket may wait for its printer', async () => {
    const page = await asAdmin('office');
    await page.locator('panel-admin-office input[name="printing.jobExpiryMinutes"]').fill('5');
    await page.locator('panel-admin-office button[data-role="save"]').click();
    await page.locator('panel-admin-office').getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const config = await call<{ office: Office }>(talon, officeApi('/config'), { token: adminToken });
    expect(config.body.ok && config.body.data.office.printing).toEqual({ jobExpiryMinutes: 5 });
    await page.close();
  });

  // Last: a holiday today closes the office for every later test on this server.
  it('closes the office when an admin adds a holiday for today', async () => {
    expect((await kioskServices()).officeStatus.state).not.toBe('closed');
    const today = await officeToday();
    const page = await asAdmin('schedule');
    await page.locator('panel-admin-schedule button[data-add="holiday"]').click();
    const holiday = page.locator('panel-admin-schedule fieldset[data-part="holidays"] .item').last();
    await holiday.locator('input[type="date"]').fill(today);
    await holiday.locator('input[name$=".name"]').fill('Staff training day');
    await page.locator('panel-admin-schedule button[data-role="save"]').click();
    await page.locator('panel-admin-schedule').getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await kioskServices()).officeStatus.state).toBe('closed');
    await screenshot(page, 'docs/screenshots/admin-schedule.png');
    await page.locator('panel-admin nav button[data-section="office"]').click();
    await page.locator('panel-admin-office input[name="name.en"]').waitFor();
    await screenshot(page, 'docs/screenshots/admin-office.png');
    await page.close();
  });
});
