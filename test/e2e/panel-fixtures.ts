// Shared steps of the booth panel's browser tests: sign a specialist in on the real panel page,
// pick a booth, press its keys, read what it shows, and issue tickets the way a kiosk does.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Ticket } from '../../common/protocol';
import { call, officeApi, type RunningTalon } from '../support/talon-server';

export const DESK = { width: 1440, height: 1000 };

export interface OpenPanel {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser profile (its own cookies) on the panel page, in English. */
export async function openPanel(browser: Browser, server: RunningTalon): Promise<OpenPanel> {
  const context = await browser.newContext({ viewport: DESK, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.url}/panel/`);
  return { context, page };
}

export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and opens the booth for work (unless an earlier test left it open), ready to call. */
export async function startWorkAt(browser: Browser, server: RunningTalon, login: string, counterId: string): Promise<OpenPanel> {
  const panel = await openPanel(browser, server);
  await signIn(panel.page, login, server.demo.staffPassword);
  await panel.page.locator(`panel-booth-picker button[data-counter="${counterId}"]`).click();
  const primary = panel.page.locator('panel-action-bar button.primary-action');
  if ((await primary.getAttribute('data-action')) === 'open') await primary.click();
  await action(panel.page, 'callNext').waitFor();
  return panel;
}

export function action(page: Page, name: string) {
  return page.locator(`panel-action-bar button[data-action="${name}"]`);
}

export function currentCode(page: Page) {
  return page.locator('panel-current-visitor [data-testid="current-code"]');
}

/** The codes listed in one queue card (a service id, 'assigned' or 'postponed'), top to bottom. */
export async function queueCodes(page: Page, queue: string): Promise<string[]> {
  return page.locator(`[data-queue="${queue}"] li[data-ticket]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket') ?? ''));
}

export function notice(page: Page) {
  return page.locator('panel-booth [data-testid="notice"]');
}

/** Issues a ticket over REST with the kiosk's device key, as the kiosk in the hall would. */
export async function issueAtKiosk(server: RunningTalon, serviceId: string): Promise<Ticket> {
  const result = await call<{ ticket: Ticket }>(server, officeApi('/tickets'), { body: { serviceId }, deviceKey: server.deviceKey('kiosk') });
  if (!result.body.ok) throw new Error(`issue ${serviceId}: ${result.body.error.message}`);
  return result.body.data.ticket;
}

/** Empties every queue of the demo office, so each test starts from the tickets it issues itself. */
export async function cancelOpenTickets(server: RunningTalon): Promise<void> {
  const token = await server.login('admin');
  const snapshot = await call<{ tickets: Ticket[] }>(server, officeApi('/snapshot'), { token });
  if (!snapshot.body.ok) throw new Error('snapshot failed');
  for (const ticket of snapshot.body.data.tickets) {
    if (ticket.status === 'waiting' || ticket.status === 'postponed') {
      await call(server, officeApi(`/tickets/${ticket.id}/cancel`), { body: {}, token });
    }
  }
}
