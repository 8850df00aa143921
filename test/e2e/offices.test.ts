// Several offices in the browser: /book/ asks which office first (or opens one from its link), the
// staff app offers a switcher to someone who works in two offices and remembers the last one, and a
// kiosk and the live ticket page work in their own office.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, CounterState, QueueSnapshot, User } from '../../common/protocol';
import { useBrowserAndServer } from '../support/browser-and-server';
import { addCopyOfMain, NORTH } from '../support/second-office';
import { call, liveTicketPath, MAIN_OFFICE, officeApi } from '../support/talon-server';
import { openKiosk, serviceButton, shownTicketCode } from './kiosk-fixtures';
import { openPanel, signIn } from './panel-fixtures';

const PASSWORD = 'works-in-two-offices';
const PHONE = { width: 420, height: 900 };

describe('several offices in the browser', () => {
  const env = useBrowserAndServer();
  let regionalAdmin: string;
  let northKiosk: string;
  let both: User;

  beforeAll(async () => {
    regionalAdmin = await env.server.login('admin');
    await addCopyOfMain(env.server, regionalAdmin);
    const kiosk = await call<{ key: string }>(env.server, officeApi('/devices', NORTH.id), { token: regionalAdmin, body: { kind: 'kiosk', name: 'North kiosk', zone: 'hall' } });
    if (!kiosk.body.ok) throw new Error('no kiosk in north');
    northKiosk = kiosk.body.data.key;
    const created = await call<User>(env.server, '/api/users', {
      token: regionalAdmin,
      body: { login: 'in-two-offices', name: 'Двое Д. Д.', password: PASSWORD, offices: [{ officeId: MAIN_OFFICE, role: 'operator' }, { officeId: NORTH.id, role: 'operator' }] },
    });
    if (!created.body.ok) throw new Error('no person in two offices');
    both = created.body.data;
  });

  const snapshotOf = async (office: string) => {
    const answer = await call<QueueSnapshot>(env.server, officeApi('/snapshot', office), { token: regionalAdmin });
    if (!answer.body.ok) throw new Error(`snapshot of ${office}`);
    return answer.body.data;
  };

  it('/book/ asks which office first, then books in the one chosen', async () => {
    const page = await env.browser.newPage({ locale: 'en-US', viewport: PHONE });
    await page.goto(`${env.server.url}/book/`);
    const choices = page.locator('book-office-list button[data-office]');
    await choices.first().waitFor();
    expect(await choices.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-office')))).toEqual([MAIN_OFFICE, NORTH.id]);
    await expect(page.locator('book-office-list button[data-office="north"]').textContent()).resolves.toContain('1 North Street');

    const booking = page.waitForRequest((r) => r.url().includes(officeApi('/public/booking', NORTH.id)));
    await page.locator('book-office-list button[data-office="north"]').click();
    await booking;
    expect(new URL(page.url()).searchParams.get('office')).toBe(NORTH.id);
    await expect(page.locator('book-app header .office').textContent()).resolves.toContain('North office');

    await page.locator('book-app button.choice', { hasText: 'Handing in documents' }).click();
    // The second day offered: this test runs on the real clock, and late in the office's day today
    // has no time left to book, while any later working day does.
    await page.locator('book-app section').nth(1).locator('button.choice').nth(1).click();
    await page.locator('book-slot-grid button:not([disabled])').first().click();
    await page.locator('book-visitor-form input[name=name]').fill('Nina North');
    await page.locator('book-visitor-form input[name=phone]').fill('+7 900 765-43-21');
    await page.locator('book-visitor-form button[type=submit]').click();
    const code = await page.locator('book-receipt .code').getAttribute('data-code');

    const inNorth = await call<Appointment[]>(env.server, officeApi(`/appointments?code=${code}`, NORTH.id), { token: regionalAdmin });
    expect(inNorth.body).toMatchObject({ ok: true, data: [{ name: 'Nina North', createdBy: 'public' }] });
    const inMain = await call<Appointment[]>(env.server, officeApi(`/appointments?code=${code}`), { token: regionalAdmin });
    expect(inMain.body.ok && inMain.body.data.filter((a) => a.name === 'Nina North')).toEqual([]);

    await page.locator('book-app [data-role="another-office"]').click();
    await choices.first().waitFor();
    await page.close();
  });

  it('/book/?office= opens that office straight away', async () => {
    const page = await env.browser.newPage({ locale: 'en-US', viewport: PHONE });
    await page.goto(`${env.server.url}/book/?office=${NORTH.id}`);
    await expect(page.locator('book-app header .office').textContent()).resolves.toContain('North office');
    expect(await page.locator('book-office-list').count()).toBe(0);
    await page.close();
  });

  it('offers someone who works in two offices a switcher, works the chosen office and remembers it', async () => {
    const { context, page } = await openPanel(env.browser, env.server);
    await signIn(page, 'in-two-offices', PASSWORD);
    const switcher = page.locator('select[data-testid="office-switcher"]');
    await switcher.waitFor();
    expect(await switcher.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([MAIN_OFFICE, NORTH.id]);
    await switcher.selectOption(NORTH.id);
    await page.locator('panel-booth-picker button[data-counter="booth-2"]').click();
    const primary = page.locator('panel-action-bar button.primary-action');
    if ((await primary.getAttribute('data-action')) === 'open') await primary.click();

    const worksAt = (states: CounterState[]) => states.filter((c) => c.operatorId === both.id && c.status !== 'closed').map((c) => c.counterId);
    await expect.poll(async () => worksAt((await snapshotOf(NORTH.id)).counterStates)).toEqual(['booth-2']);
    expect(worksAt((await snapshotOf(MAIN_OFFICE)).counterStates)).toEqual([]);

    await page.reload();
    await switcher.waitFor();
    expect(await switcher.inputValue()).toBe(NORTH.id);
    await context.close();
  });

  it('shows no switcher to someone who works in one office', async () => {
    const { context, page } = await openPanel(env.browser, env.server);
    await signIn(page, 'operator1', env.server.demo.staffPassword);
    await page.locator('panel-booth-picker').waitFor();
    expect(await page.locator('select[data-testid="office-switcher"]').count()).toBe(0);
    await context.close();
  });

  it("a kiosk of one office issues that office's tickets, and the live page follows them there", async () => {
    const page = await openKiosk(env.browser, env.server, { key: northKiosk });
    await serviceButton(page, 'certificates').click();
    const code = await shownTicketCode(page);
    await page.close();
    const issued = (await snapshotOf(NORTH.id)).tickets.find((t) => t.code === code);
    expect(issued).toBeDefined();
    expect((await snapshotOf(MAIN_OFFICE)).tickets.some((t) => t.id === issued!.id)).toBe(false);

    const phone = await env.browser.newPage({ viewport: PHONE });
    await phone.goto(`${env.server.url}${liveTicketPath(issued!.id, NORTH.id)}`);
    await expect(phone.locator('kiosk-live-ticket [data-ticket-code]').textContent()).resolves.toBe(code);
    await phone.close();
  });
});
