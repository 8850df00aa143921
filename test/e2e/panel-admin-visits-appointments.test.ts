// The visit-journal and appointment settings tabs in the staff app, on the real built page against a
// real server: what an admin saves is what the API then answers, a refused value is explained next
// to its field with the server's own words and changes nothing, and managers only look.
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentSettings, VisitJournalSettings } from '../../common/protocol';
import { useBrowserAndServer } from '../support/browser-and-server';
import { ADMIN_PASSWORD, call, officeApi } from '../support/talon-server';
import { openPanel, signIn } from './panel-fixtures';
import { docsScreenshotPath } from '../support/docs-screenshot';

const env = useBrowserAndServer();
let adminToken: string;
/** One signed-in admin browser for all tests: the server allows 5 sign-ins a minute per login. */
let adminBrowser: BrowserContext;

beforeAll(async () => {
  adminToken = await env.server.login('admin');
  const { context, page } = await openPanel(env.browser, env.server);
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await page.locator('panel-view-nav').waitFor();
  await page.close();
  adminBrowser = context;
});

async function settings<T>(path: string): Promise<T> {
  const answer = await call<T>(env.server, path, { token: adminToken });
  if (!answer.body.ok) throw new Error(answer.body.error.message);
  return answer.body.data;
}

const journalSettings = () => settings<VisitJournalSettings>(officeApi('/visit-journal/settings'));
const appointmentSettings = () => settings<AppointmentSettings>(officeApi('/appointments/settings'));

/** The server's own message for one field of a refused settings document. */
async function serverMessage(path: string, body: unknown, field: string): Promise<string> {
  const answer = await call(env.server, path, { method: 'PUT', body, token: adminToken });
  if (answer.body.ok) throw new Error(`${path} accepted ${JSON.stringify(body)}`);
  const issues = (answer.body.error as { details?: { issues?: string[] } }).details?.issues ?? [];
  const line = issues.find((i) => i.startsWith(`${field}: `));
  if (!line) throw new Error(`no issue for ${field} in ${issues.join('; ')}`);
  return line.slice(field.length + 2);
}

async function openSection(page: Page, section: string): Promise<Page> {
  await page.locator('panel-view-nav button[data-view="settings"]').click();
  await page.locator(`panel-admin nav button[data-section="${section}"]`).click();
  return page;
}

/** A new tab of the signed-in admin's browser, on one section of the settings. */
async function asAdmin(section: string): Promise<Page> {
  const page = await adminBrowser.newPage();
  await page.goto(`${env.server.url}/panel/`);
  return openSection(page, section);
}

/** The issue lines shown under one field, found by its name. */
function fieldIssues(page: Page, element: string, name: string) {
  return page.locator(`${element} label:has(input[name="${name}"]) .issue`);
}

describe('visit journal and appointment settings', () => {
  it('saves the visit journal’s lists and personal-data rules, and the API answers them', async () => {
    const page = await asAdmin('visitJournal');
    const form = page.locator('panel-admin-visit-journal');
    await form.locator('input[name="reasons.1.label.en"]').fill('Advice and questions');
    await form.locator('button[data-role="add-results"]').click();
    const added = (await journalSettings()).results.length;
    await form.locator(`input[name="results.${added}.id"]`).fill('referred');
    await form.locator(`input[name="results.${added}.label.en"]`).fill('Referred to another office');
    await form.locator('input[name="collectPersonalData"]').check();
    await form.locator('input[name="retentionDays"]').fill('45');
    await form.locator('button[data-role="save"]').click();
    await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const saved = await journalSettings();
    expect(saved.reasons[1]?.label.en).toBe('Advice and questions');
    expect(saved.results.at(-1)).toEqual({ id: 'referred', label: { en: 'Referred to another office' } });
    expect(saved).toMatchObject({ collectPersonalData: true, retentionDays: 45 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/admin-visit-journal.png'), fullPage: true });
    await page.close();
  });

  it('shows the server’s reason next to a refused retention period and a bad code, and saves nothing', async () => {
    const before = await journalSettings();
    const expected = await serverMessage(officeApi('/visit-journal/settings'), { ...before, retentionDays: 0 }, 'retentionDays');
    const page = await asAdmin('visitJournal');
    const form = page.locator('panel-admin-visit-journal');
    await form.locator('input[name="retentionDays"]').fill('0');
    await form.locator('input[name="reasons.0.id"]').fill('Not A Code');
    await form.locator('button[data-role="save"]').click();
    await fieldIssues(page, 'panel-admin-visit-journal', 'retentionDays').filter({ hasText: expected }).waitFor();
    await fieldIssues(page, 'panel-admin-visit-journal', 'reasons.0.id').filter({ hasText: 'lowercase letters, digits and dashes' }).waitFor();
    expect(await journalSettings()).toEqual(before);
    await page.close();
  });

  it('saves the walk-in share, a service’s own share, the horizon and the late-visitor rule, and the API answers them', async () => {
    const page = await asAdmin('appointments');
    const form = page.locator('panel-admin-appointments');
    await form.locator('input[name="walkInShare"]').fill('0.3');
    await form.locator('input[name="serviceWalkInShare.documents"]').fill('0.6');
    await form.locator('input[name="horizonDays"]').fill('21');
    await form.locator('select[name="lateArrival"]').selectOption('refuse');
    await form.locator('input[name="publicBookingsPerPhone"]').fill('3');
    await form.locator('button[data-role="save"]').click();
    await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    expect(await appointmentSettings()).toMatchObject({
      walkInShare: 0.3,
      serviceWalkInShare: { documents: 0.6 },
      horizonDays: 21,
      lateArrival: 'refuse',
      publicBookingsPerPhone: 3,
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: docsScreenshotPath('docs/screenshots/admin-appointments.png'), fullPage: true });
    await page.close();
  });

  it('shows the server’s reason next to a horizon beyond its limit, and saves nothing', async () => {
    const before = await appointmentSettings();
    const expected = await serverMessage(officeApi('/appointments/settings'), { ...before, horizonDays: 500 }, 'horizonDays');
    const page = await asAdmin('appointments');
    const form = page.locator('panel-admin-appointments');
    await form.locator('input[name="horizonDays"]').fill('500');
    await form.locator('button[data-role="save"]').click();
    await fieldIssues(page, 'panel-admin-appointments', 'horizonDays').filter({ hasText: expected }).waitFor();
    expect(await appointmentSettings()).toEqual(before);
    await page.close();
  });

  it('shows a manager both tabs read-only', async () => {
    const { context, page } = await openPanel(env.browser, env.server);
    await signIn(page, 'manager', env.server.demo.staffPassword);
    await openSection(page, 'visitJournal');
    expect(await page.locator('panel-admin-visit-journal input[name="retentionDays"]').isDisabled()).toBe(true);
    expect(await page.locator('panel-admin-visit-journal button[data-role="save"]').count()).toBe(0);
    await page.locator('panel-admin nav button[data-section="appointments"]').click();
    expect(await page.locator('panel-admin-appointments input[name="horizonDays"]').isDisabled()).toBe(true);
    expect(await page.locator('panel-admin-appointments button[data-role="save"]').count()).toBe(0);
    await context.close();
  });
});
