// The consultant's appointment book on the real built panel against a real server whose clock runs
// from noon in the office's zone (so the afternoon's slots are bookable and check-in is open):
// booking gives a code and a listed booking, a booking is found, moved, cancelled and checked in,
// two consultants racing for a slot's last place get one booking and one refusal in words, and an
// operator never sees the book.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, QueueSnapshot, SlotView } from '../../common/protocol';
import { spellCode } from '../../operator-panel/src/consultant/panel-consultant-code';
import { launchBrowser } from '../support/browser';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { openPanel, signIn } from './panel-fixtures';
import { docsScreenshotPath } from '../support/docs-screenshot';

const SCREENSHOTS = 'docs/screenshots';
// 12:00 on 15 January 2030 in Irkutsk, the demo office's zone.
const NOON = Date.UTC(2030, 0, 15, 4, 0);
const TODAY = '2030-01-15';
const SERVICE = 'documents';
const SECOND_CONSULTANT = { login: 'consultant2', name: 'Белова И. К.', password: 'second-consultant-password' };

let server: RunningTalon;
let browser: Browser;
/** Signed-in browser profiles, kept for the whole file: the server allows 5 sign-ins a minute per login. */
let consultant: BrowserContext;
let consultantToken: string;

async function signedIn(login: string, password: string): Promise<BrowserContext> {
  const { context, page } = await openPanel(browser, server);
  await signIn(page, login, password);
  await page.locator('panel-session').waitFor();
  await page.close();
  return context;
}

/** The appointment book on a fresh page of a signed-in profile, showing the documents service today. */
async function openBook(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/panel/`);
  await page.locator('panel-consultant-slots button').first().waitFor();
  await page.locator('panel-consultant select[name="service"]').selectOption(SERVICE);
  await page.locator('panel-consultant-slots button[data-slot="12:15"]').waitFor();
  return page;
}

async function slotsToday(): Promise<SlotView[]> {
  const answer = await call<SlotView[]>(server, officeApi(`/appointments/slots?serviceId=${SERVICE}&date=${TODAY}`), { token: consultantToken });
  if (!answer.body.ok) throw new Error(answer.body.error.message);
  return answer.body.data;
}

async function bookOverApi(slotStart: number, name: string, phone: string): Promise<Appointment> {
  const answer = await call<Appointment>(server, officeApi('/appointments'), { body: { serviceId: SERVICE, slotStart, name, phone }, token: consultantToken });
  if (!answer.body.ok) throw new Error(answer.body.error.message);
  return answer.body.data;
}

async function byCode(code: string): Promise<Appointment> {
  const answer = await call<Appointment[]>(server, officeApi(`/appointments?code=${code}`), { token: consultantToken });
  if (!answer.body.ok || answer.body.data.length !== 1) throw new Error(`no booking ${code}`);
  return answer.body.data[0]!;
}

/** Fills the booking dialog opened by a slot and submits it (without waiting for the answer). */
async function fillVisitor(page: Page, name: string, phone: string): Promise<void> {
  // The fields are slotted into panel-dialog, so they live beside its <dialog>, not inside it.
  const dialog = page.locator('panel-consultant-book-dialog panel-dialog');
  await dialog.getByLabel('Visitor’s name').fill(name);
  await dialog.getByLabel('Phone number').fill(phone);
}

function bookButton(page: Page) {
  return page.locator('panel-consultant-book-dialog dialog button[data-role="submit"]');
}

const minutes = (n: number) => n * 60_000;

describe('appointment book in the staff panel', () => {
  beforeAll(async () => {
    const started = Date.now();
    [server, browser] = await Promise.all([startTalon({ webApps: 'dist', clock: () => NOON + (Date.now() - started) }), launchBrowser()]);
    await server.talon.stores.users.create({ ...SECOND_CONSULTANT, organisationRole: null, offices: [{ officeId: server.office, role: 'consultant' }] });
    consultantToken = await server.login('consultant');
    consultant = await signedIn('consultant', server.demo.staffPassword);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('books a visitor on a free slot, shows the code and lists the booking', async () => {
    const page = await openBook(consultant);
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/consultant-day.png`) });
    await page.locator('panel-consultant-slots button[data-slot="12:30"]').click();
    await fillVisitor(page, 'Anna Petrova', '12');
    await bookButton(page).click();
    await expect(page.locator('panel-consultant-book-dialog dialog [role="alert"]').textContent()).resolves.toContain('6 to 15 digits');

    const dialog = page.locator('panel-consultant-book-dialog panel-dialog');
    await dialog.getByLabel('Phone number').fill('+7 900 555-12-34');
    // The office speaks Russian first; this visitor is told everything in English.
    await dialog.getByLabel('Visitor’s language').selectOption('en');
    await dialog.getByLabel('Phone number').press('Enter');
    const shown = page.locator('panel-consultant-confirmation [data-testid="booked-code"]');
    await shown.waitFor();
    const grouped = (await shown.textContent())!.trim();
    expect(grouped).toMatch(/^[34679ACDEFHJKMNPRTUVWXY]{3} [34679ACDEFHJKMNPRTUVWXY]{3}$/);
    const code = grouped.replace(' ', '');
    const booked = await byCode(code);
    expect(booked).toMatchObject({ name: 'Anna Petrova', phone: '+7 900 555-12-34', language: 'en', serviceId: SERVICE, slotStart: NOON + minutes(30), status: 'booked' });
    await expect(page.locator('panel-consultant-confirmation [data-testid="read-aloud"]').textContent()).resolves.toContain(spellCode(code, 'en'));
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/consultant-booked.png`) });

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#talon-print-sheet [data-print-code]').textContent()).resolves.toBe(grouped);
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/consultant-print.png`) });
    await page.emulateMedia({ media: 'screen' });

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#talon-print-sheet').count()).toBe(0);
    const row = page.locator(`[data-testid="day-bookings"] tr[data-code="${code}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Anna Petrova');
    await expect(row.locator('[data-role="language"]').textContent()).resolves.toBe('English');
    await page.close();
  });

  it('finds a booking by phone and moves it to another time', async () => {
    const original = await bookOverApi(NOON + minutes(45), 'Ivan Sokolov', '+7 (901) 222-33-44');
    const page = await openBook(consultant);
    await page.keyboard.press('f');
    await expect.poll(() => page.locator('panel-consultant-find input').evaluate((input) => input.matches(':focus'))).toBe(true);
    await page.keyboard.type('222-33-44');
    await page.keyboard.press('Enter');
    const found = page.locator(`panel-consultant-find tr[data-code="${original.code}"]`);
    await found.waitFor();
    await found.locator('button[data-action="move"]').click();
    await page.locator('[data-testid="moving"]').waitFor();
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/consultant-move.png`) });
    await page.locator('panel-consultant-slots button[data-slot="14:00"]').click();
    await expect(page.locator('panel-consultant [data-testid="notice"]').textContent()).resolves.toContain('moved to');
    expect((await byCode(original.code)).slotStart).toBe(NOON + minutes(120));
    await page.close();
  });

  it('shows a booking another consultant made when the window regains focus, and cancels it after asking', async () => {
    const page = await openBook(consultant);
    const other = await bookOverApi(NOON + minutes(60), 'Olga Lebedeva', '+7 902 000-11-22');
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const row = page.locator(`[data-testid="day-bookings"] tr[data-code="${other.code}"]`);
    await row.waitFor();
    await row.locator('button[data-action="cancel"]').click();
    await expect(page.locator('panel-consultant-cancel-dialog panel-dialog').textContent()).resolves.toContain('Olga Lebedeva');
    await page.locator('panel-consultant-cancel-dialog dialog button[data-role="submit"]').click();
    await expect(page.locator('panel-consultant [data-testid="notice"]').textContent()).resolves.toContain('was cancelled');
    expect((await byCode(other.code)).status).toBe('cancelled');
    await page.locator(`[data-testid="day-bookings"] tr[data-code="${other.code}"][data-status="cancelled"]`).waitFor();
    await page.close();
  });

  it('checks a visitor in by code and the ticket keeps the booked priority', async () => {
    const visit = await bookOverApi(NOON + minutes(15), 'Pavel Orlov', '+7 903 444-55-66');
    const page = await openBook(consultant);
    await page.keyboard.press('c');
    await expect.poll(() => page.locator('panel-consultant-check-in input').evaluate((input) => input.matches(':focus'))).toBe(true);
    await page.keyboard.type(visit.code.toLowerCase().replace(/^(...)/, '$1 '));
    await page.keyboard.press('Enter');
    const shown = page.locator('panel-consultant-check-in [data-testid="checked-in-ticket"]');
    await shown.waitFor();
    const ticketCode = (await shown.textContent())!.trim();
    await page.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/consultant-check-in.png`) });

    const snapshot = await call<QueueSnapshot>(server, officeApi('/snapshot'), { token: consultantToken });
    if (!snapshot.body.ok) throw new Error(snapshot.body.error.message);
    const ticket = snapshot.body.data.tickets.find((t) => t.code === ticketCode);
    expect(ticket?.priority).toEqual({ kind: 'booked', appointmentId: visit.id, slotStart: visit.slotStart });
    expect((await byCode(visit.code)).status).toBe('checked-in');
    await page.close();
  });

  it('lets only one of two consultants take the last place of a slot and tells the other it is full', async () => {
    const slot = (await slotsToday()).find((s) => s.start === NOON + minutes(90))!;
    for (let i = slot.free; i > 1; i--) await bookOverApi(slot.start, `Visitor ${i}`, `+7 904 000-00-0${i}`);
    expect((await slotsToday()).find((s) => s.start === slot.start)?.free).toBe(1);

    const second = await signedIn(SECOND_CONSULTANT.login, SECOND_CONSULTANT.password);
    const pages = await Promise.all([openBook(consultant), openBook(second)]);
    for (const [i, page] of pages.entries()) {
      await page.locator('panel-consultant-slots button[data-slot="13:30"]').click();
      await fillVisitor(page, `Racer ${i}`, `+7 905 111-22-3${i}`);
    }
    await Promise.all(pages.map((page) => bookButton(page).click()));

    const outcomes = await Promise.all(
      pages.map((page) =>
        Promise.race([
          page.locator('panel-consultant-confirmation [data-testid="booked-code"]').waitFor().then(() => 'booked'),
          page.locator('panel-consultant-book-dialog dialog [role="alert"]').waitFor().then(() => 'refused'),
        ]),
      ),
    );
    expect([...outcomes].sort()).toEqual(['booked', 'refused']);
    const refused = pages[outcomes.indexOf('refused')]!;
    await expect(refused.locator('panel-consultant-book-dialog dialog [role="alert"]').textContent()).resolves.toContain('This time slot is already full.');
    await refused.screenshot({ path: docsScreenshotPath(`${SCREENSHOTS}/consultant-slot-full.png`) });
    expect((await slotsToday()).find((s) => s.start === slot.start)?.free).toBe(0);
    await Promise.all(pages.map((page) => page.close()));
    await second.close();
  });

  it('shows an operator the booth and no appointment book, and the server refuses them the bookings', async () => {
    const operator = await signedIn('operator1', server.demo.staffPassword);
    const page = await operator.newPage();
    await page.goto(`${server.url}/panel/`);
    await page.locator('panel-booth-picker').waitFor();
    expect(await page.locator('panel-view-nav button[data-view="appointments"]').count()).toBe(0);
    expect(await page.locator('panel-consultant').count()).toBe(0);
    const answer = await call(server, officeApi(`/appointments?day=${TODAY}`), { token: await server.login('operator1') });
    expect(answer.status).toBe(403);
    await operator.close();
  });
});
