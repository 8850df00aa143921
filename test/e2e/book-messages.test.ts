// A visitor books on /book/ from a phone (390 × 844, Ukrainian), leaves an e-mail address and asks for
// an SMS with consent; the office's mail server (smtp-server on loopback) receives the confirmation
// with its .ics and stop link, and the office's SMS gateway (HTTP on loopback) the text in Ukrainian.
// After the e-mail's stop link, a cancellation goes by SMS only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { expectAccessible } from '../support/axe';
import { useBrowserAndServer } from '../support/browser-and-server';
import { startFakeSmsGateway, type FakeSmsGateway } from '../support/fake-sms-gateway';
import { startFakeSmtpServer, type FakeSmtpServer } from '../support/fake-smtp-server';
import { call, officeApi } from '../support/talon-server';

const NOON_IRKUTSK = zonedToEpoch('2030-01-15', '12:00', 'Asia/Irkutsk');
const PHONE = { width: 390, height: 844 };
const EMAIL = 'olha.kravets@example.org';

describe('booking with messages by e-mail and SMS', () => {
  const env = useBrowserAndServer({ clock: () => NOON_IRKUTSK });
  let smtp: FakeSmtpServer;
  let gateway: FakeSmsGateway;

  beforeAll(async () => {
    [smtp, gateway] = await Promise.all([startFakeSmtpServer(), startFakeSmsGateway()]);
    const token = await env.server.login('admin');
    const put = async (kind: string, body: unknown) => expect((await call(env.server, officeApi(`/channels/${kind}`), { method: 'PUT', body, token })).body.ok).toBe(true);
    await put('mail', { enabled: true, host: '127.0.0.1', port: smtp.port, secure: false, user: '', password: '', from: 'Talon <noreply@example.org>' });
    await put('sms', { enabled: true, method: 'POST', url: `${gateway.origin}/send`, contentType: 'application/json', body: '{"to":"{phone}","text":"{text}"}', headers: {} });
  });

  afterAll(async () => {
    await Promise.all([smtp?.close(), gateway?.close()]);
  });

  it('sends the confirmation to the mailbox and the phone, and the stop link ends the e-mails', async () => {
    const page = await env.browser.newPage({ viewport: PHONE, locale: 'uk-UA', hasTouch: true, isMobile: true });
    await page.goto(`${env.server.url}/book/`);
    await page.locator('book-app button.choice').first().tap();
    await page.locator('book-app section').nth(1).locator('button.choice').first().tap();
    await page.locator('book-slot-grid button:not([disabled])').first().tap();

    const form = page.locator('book-visitor-form');
    await form.locator('input[name=name]').fill('Ольга Кравець');
    await form.locator('input[name=phone]').fill('+380 44 123 45 67');
    await form.locator('input[name=email]').fill(EMAIL);
    await form.locator('input[name=sms]').check();
    // Asking without consent is not enough: the form says so next to the box.
    await form.locator('button[type=submit]').tap();
    await expect.poll(() => form.locator('[data-error=consent]').textContent()).toContain('Позначте згоду');
    await form.locator('input[name=consent]').check();
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/book-messages-form-uk.png', fullPage: true });
    await form.locator('button[type=submit]').tap();
    const code = (await page.locator('book-receipt [data-code]').getAttribute('data-code'))!;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    await expect.poll(() => smtp.received.length).toBe(1);
    const mail = smtp.received[0]!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(EMAIL);
    expect(mail.subject).toContain(code);
    expect(mail.text).toContain('січ');
    expect(mail.text).toMatch(/\/book\/manage\/\?office=main#[\w-]{22}/);
    const stopUrl = /(\S+\/stop\/\S*#[\w-]{22})/.exec(mail.text ?? '')![1]!;
    // One-click unsubscribe (RFC 8058): the mail app posts to the stop address itself.
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar') || a.filename?.endsWith('.ics'));
    expect(ics?.content.toString('utf8')).toMatch(/METHOD:REQUEST[\s\S]*BEGIN:VEVENT[\s\S]*DTSTART/);

    await expect.poll(() => gateway.requests.length).toBe(1);
    const sms = JSON.parse(gateway.requests[0]!.body) as { to: string; text: string };
    expect(sms.to).toBe('+380441234567');
    expect(sms.text).toContain(code);
    expect(sms.text).toContain('січ');
    expect(sms.text).toMatch(/Стоп: \S+\/stop\/\S*#[\w-]{22}$/);

    // The visitor follows the e-mail's stop link on the phone and confirms; then the consultant cancels the booking.
    // The link names this machine's LAN address (no public URL is set); the test server listens on loopback.
    const link = new URL(stopUrl);
    await page.goto(`${env.server.url}${link.pathname}${link.search}${link.hash}`);
    await page.locator('kiosk-stop-page button').tap();
    await page.locator('kiosk-stop-page [role=status]').waitFor();
    await page.screenshot({ path: '/tmp/book-messages-stopped-uk.png' });
    const consultant = await env.server.login('consultant');
    const [booking] = ((await call<Appointment[]>(env.server, officeApi(`/appointments?code=${code}`), { token: consultant })).body as { data: Appointment[] }).data;
    expect((await call(env.server, officeApi(`/appointments/${booking!.id}/cancel`), { body: {}, token: consultant })).body.ok).toBe(true);
    await expect.poll(() => gateway.requests.length).toBe(2);
    expect((JSON.parse(gateway.requests[1]!.body) as { text: string }).text).toContain(code);
    await env.server.talon.notify.dispatcher.settle();
    expect(smtp.received).toHaveLength(1);
    await page.close();
  });
});
