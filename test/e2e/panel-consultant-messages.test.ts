// The consultant books a visitor over the phone in the staff panel and, with the visitor's spoken
// consent, adds their e-mail and an SMS: the dialog offers both only because the office sends them,
// refuses the request until consent is ticked, and the messages go out (e-mail to a recording sender,
// SMS to a gateway on loopback) in the language the consultant chose for the visitor, not the
// office's default. An office that speaks one language asks for none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Appointment, Office } from '../../common/protocol';
import { spellCode } from '../../operator-panel/src/consultant/panel-consultant-code';
import type { ChannelSender, RenderedMessage } from '../../server/notify/channel-sender';
import type { StoredContact } from '../../server/notify/contacts-store';
import { launchBrowser } from '../support/browser';
import { startFakeSmsGateway, type FakeSmsGateway } from '../support/fake-sms-gateway';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { openPanel, signIn } from './panel-fixtures';

// 12:00 on 15 January 2030 in Irkutsk, the demo office's zone.
const NOON = Date.UTC(2030, 0, 15, 4, 0);
const EMAIL = 'anna.petrova@example.org';

describe('booking messages from the consultant’s book dialog', () => {
  let server: RunningTalon;
  let browser: Browser;
  let gateway: FakeSmsGateway;
  const mails: { contact: StoredContact; message: RenderedMessage }[] = [];
  const mail: ChannelSender = {
    channel: 'email',
    send: (_office, contact, message) => {
      mails.push({ contact, message });
      return Promise.resolve();
    },
  };

  beforeAll(async () => {
    const started = Date.now();
    gateway = await startFakeSmsGateway();
    [server, browser] = await Promise.all([startTalon({ webApps: 'dist', clock: () => NOON + (Date.now() - started), senders: [mail] }), launchBrowser()]);
    const token = await server.login('admin');
    for (const [kind, body] of [
      ['mail', { enabled: true, host: 'smtp.example.org', port: 587, secure: false, user: '', password: '', from: 'Office <noreply@example.org>' }],
      ['sms', { enabled: true, method: 'POST', url: `${gateway.origin}/send`, contentType: 'application/json', body: '{"to":"{phone}","text":"{text}"}', headers: {} }],
    ] as const) {
      expect((await call(server, officeApi(`/channels/${kind}`), { method: 'PUT', body, token })).body.ok).toBe(true);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await gateway?.close();
  });

  /** A consultant signed in on a fresh page, with the book dialog open on today's documents slot at `time`. */
  async function bookDialogAt(time: string) {
    const { page } = await openPanel(browser, server);
    await signIn(page, 'consultant', server.demo.staffPassword);
    await page.locator('panel-consultant select[name="service"]').selectOption('documents');
    await page.locator(`panel-consultant-slots button[data-slot="${time}"]`).click();
    return { page, dialog: page.locator('panel-consultant-book-dialog panel-dialog') };
  }

  it('books a Ukrainian-speaking visitor at a Russian office, asks for consent, and sends the confirmation by e-mail and SMS in Ukrainian', async () => {
    const { page, dialog } = await bookDialogAt('12:30');
    await dialog.getByLabel('Visitor’s name').fill('Ганна Петренко');
    await dialog.getByLabel('Phone number', { exact: true }).fill('+7 900 555-12-34');
    const language = dialog.getByLabel('Visitor’s language');
    await expect(language.locator('option').allTextContents()).resolves.toEqual(['Русский', 'Українська', 'English']);
    await expect(language.inputValue()).resolves.toBe('ru');
    // Specialists keep their hands on the keyboard: Tab from the phone, then an arrow to the next language.
    await dialog.getByLabel('Phone number', { exact: true }).press('Tab');
    await expect.poll(() => language.evaluate((select) => select.matches(':focus'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect(language.inputValue()).resolves.toBe('uk');
    await dialog.getByLabel('E-mail for the booking’s messages (optional)').fill(EMAIL);
    await dialog.getByLabel('Also send them by SMS to this phone number').check();
    const submit = page.locator('panel-consultant-book-dialog dialog button[data-role="submit"]');
    await submit.click();
    await expect.poll(() => page.locator('panel-consultant-book-dialog dialog [role="alert"]').textContent()).toContain('Ask the visitor whether they agree');
    await dialog.getByLabel('The visitor agrees to receive messages about this booking').check();
    await page.screenshot({ path: '/tmp/consultant-book-messages.png' });
    await submit.click();

    const shown = page.locator('panel-consultant-confirmation [data-testid="booked-code"]');
    await shown.waitFor();
    const code = (await shown.textContent())!.trim().replace(' ', '');
    // What the consultant reads out to the visitor is in the visitor's language too.
    await expect(page.locator('panel-consultant-confirmation [data-testid="read-aloud"]').textContent()).resolves.toContain(spellCode(code, 'uk'));
    const found = await call<Appointment[]>(server, officeApi(`/appointments?code=${code}`), { token: await server.login('consultant') });
    expect(found.body).toMatchObject({ ok: true, data: [{ name: 'Ганна Петренко', language: 'uk' }] });

    await expect.poll(() => mails.length).toBe(1);
    const [confirmation] = mails;
    expect(confirmation!.contact).toMatchObject({ channel: 'email', address: EMAIL, language: 'uk' });
    expect(confirmation!.message.subject).toMatch(new RegExp(`^Запис ${code}: .*січ`));
    await expect.poll(() => gateway.requests.length).toBe(1);
    const sms = JSON.parse(gateway.requests[0]!.body) as { to: string; text: string };
    expect(sms.to).toBe('+79005551234');
    expect(sms.text).toContain(confirmation!.message.text);
    expect(sms.text).toMatch(/січ.* о 12:30\. Код /);
    await page.close();
  });

  it('asks no language when the office speaks only one', async () => {
    const admin = await server.login('admin');
    const config = await call<{ office: Office }>(server, officeApi('/config'), { token: admin });
    if (!config.body.ok) throw new Error(config.body.error.message);
    const saved = await call(server, officeApi('/config/office'), { method: 'PUT', body: { ...config.body.data.office, languages: ['ru'] }, token: admin });
    expect(saved.body.ok).toBe(true);

    const { page, dialog } = await bookDialogAt('12:45');
    await dialog.getByLabel('Visitor’s name').waitFor();
    expect(await dialog.locator('select[name="language"]').count()).toBe(0);
    await page.close();
  });
});
