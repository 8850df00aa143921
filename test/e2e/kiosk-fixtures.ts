// Shared steps of the kiosk browser tests: open the real kiosk page against a real server, find
// its buttons, read the ticket it shows, and dress the demo office up with a full service menu.
import type { Browser, Page } from 'playwright-core';
import type { Ticket } from '../../common/protocol';
import { call, officeApi, type RunningTalon } from '../support/talon-server';

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

export async function openKiosk(browser: Browser, server: RunningTalon, options: { key?: string | null; viewport?: typeof PORTRAIT } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: options.viewport ?? PORTRAIT });
  const key = options.key === undefined ? server.deviceKey('kiosk') : options.key;
  await page.goto(`${server.url}/kiosk/${key ? `?key=${encodeURIComponent(key)}` : ''}`);
  return page;
}

export function serviceButton(page: Page, serviceId: string) {
  return page.locator(`kiosk-service-grid button[data-service="${serviceId}"]`);
}

/** Waits for the ticket overlay and returns the code it shows. */
export async function shownTicketCode(page: Page): Promise<string> {
  const code = page.locator('kiosk-issued-ticket [data-ticket-code]');
  await code.waitFor();
  return (await code.textContent())!.trim();
}

/** The office's open tickets as its kiosk sees them: with their ids, which the public snapshot never shows. */
export async function openTickets(server: RunningTalon): Promise<Ticket[]> {
  const { body } = await call<{ tickets: Ticket[] }>(server, officeApi('/snapshot'), { deviceKey: server.deviceKey('kiosk') });
  if (!body.ok) throw new Error(`snapshot failed: ${body.error.code}`);
  return body.data.tickets;
}

const names = (ru: string, uk: string, en: string) => ({ ru, uk, en });

/**
 * Twelve buttons on the start screen, as a large office has them: the demo's three services, a
 * group of two, a service whose daily limit is used up, one no counter serves, and six more.
 */
export async function configureFullMenu(server: RunningTalon): Promise<void> {
  const token = await server.login('admin');
  const extra = [
    { id: 'subsidy-housing', name: names('Жилищная субсидия', 'Житлова субсидія', 'Housing subsidy'), prefix: 'Б', group: names('Субсидии', 'Субсидії', 'Subsidies') },
    { id: 'subsidy-utility', name: names('Компенсация ЖКУ', 'Компенсація ЖКП', 'Utility bill compensation'), prefix: 'В', group: names('Субсидии', 'Субсидії', 'Subsidies') },
    { id: 'child-benefits', name: names('Детские пособия', 'Дитячі допомоги', 'Child benefits'), prefix: 'Г' },
    { id: 'large-families', name: names('Многодетные семьи', 'Багатодітні сім’ї', 'Large families'), prefix: 'Ж' },
    { id: 'disability', name: names('Инвалидность', 'Інвалідність', 'Disability support'), prefix: 'Л' },
    { id: 'veterans', name: names('Ветераны', 'Ветерани', 'Veterans'), prefix: 'М' },
    { id: 'social-card', name: names('Социальная карта', 'Соціальна картка', 'Social card'), prefix: 'Н', dailyLimit: 1 },
    { id: 'home-care', name: names('Помощь на дому', 'Допомога вдома', 'Home care'), prefix: 'П' },
    { id: 'appeals', name: names('Жалобы и обращения', 'Скарги та звернення', 'Complaints and requests'), prefix: 'Р' },
    { id: 'archive', name: names('Архивные справки', 'Архівні довідки', 'Archive certificates'), prefix: 'Т' },
  ];
  for (const [index, service] of extra.entries()) {
    const saved = await call(server, officeApi(`/config/services/${service.id}`), { method: 'PUT', token, body: { ...service, kioskOrder: 10 + index } });
    if (!saved.body.ok) throw new Error(`service ${service.id}: ${saved.body.error.message}`);
  }
  const served = extra.filter((s) => s.id !== 'home-care').map((s) => ({ serviceId: s.id, weight: 'secondary' }));
  const counter = await call(server, officeApi('/config/counters/booth-1'), {
    method: 'PUT',
    token,
    body: {
      number: 1,
      name: names('Кабина 1', 'Кабіна 1', 'Booth 1'),
      services: [{ serviceId: 'documents', weight: 'main' }, { serviceId: 'certificates', weight: 'secondary' }, { serviceId: 'consultation', weight: 'secondary' }, ...served],
    },
  });
  if (!counter.body.ok) throw new Error(`counter: ${counter.body.error.message}`);
  const issued = await call(server, officeApi('/tickets'), { token, body: { serviceId: 'social-card' } });
  if (!issued.body.ok) throw new Error(`social-card ticket: ${issued.body.error.message}`);
}
