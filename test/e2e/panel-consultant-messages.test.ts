// The consultant books a visitor over the phone in the staff panel and, with the visitor's spoken
// consent, adds their e-mail and an SMS: the dialog offers both only because the office sends them,
// refuses the request until consent is ticked, and the messages go out (e-mail to a recording sender,
// SMS to a gateway on loopback) in the office's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

  it('asks for the visitor’s consent, then books and sends the confirmation by e-mail and SMS', async () => {
    const { page } = await openPanel(browser, server);
    await signIn(page, 'consultant', server.demo.staffPassword);
    await page.locator('panel-consultant select[name="service"]').selectOption('documents');
    await page.locator('panel-consultant-slots button[data-slot="12:30"]').click();
    const dialog = page.locator('panel-consultant-book-dialog panel-dialog');
    await dialog.getByLabel('Visitor’s name').fill('Анна Петрова');
    await dialog.getByLabel('Phone number', { exact: true }).fill('+7 900 555-12-34');
    await dialog.getByLabel('E-mail for the booking’s messages (optional)').fill(EMAIL);
    await dialog.getByLabel('Also send them by SMS to this phone number').check();
    const submit = page.locator('panel-consultant-book-dialog dialog button[data-role="submit"]');
    await submit.click();
    await expect.poll(() => page.locator('panel-consultant-book-dialog dialog [role="alert"]').textContent()).toContain('Ask the visitor whether they agree');
    await dialog.getByLabel('The visitor agrees to receive messages about this booking').check();
    await page.screenshot({ path: '/tmp/consultant-book-messages.png' });
    await submit.click();

    await expect.poll(() => mails.length).toBe(1);
    expect(mails[0]!.contact).toMatchObject({ channel: 'email', address: EMAIL, language: 'ru' });
    await expect.poll(() => gateway.requests.length).toBe(1);
    const sms = JSON.parse(gateway.requests[0]!.body) as { to: string; text: string };
    expect(sms.to).toBe('+79005551234');
    expect(sms.text).toContain(mails[0]!.message.text);
    expect(sms.text).toMatch(/января/);
    await page.close();
  });
});
