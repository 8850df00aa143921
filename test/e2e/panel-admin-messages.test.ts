// The "Messages to visitors" tab and the stop page, on the real built pages against a real server: an
// admin sets up the office's mail server (a real SMTP server on loopback), sees the password only as
// "saved", sends a test e-mail that arrives, and turns Web Push on; a visitor's e-mail then carries a
// stop link whose page, in the visitor's language, stops further messages with one button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSettings, PushSettings, Ticket } from '../../common/protocol';
import { enqueueForSubject } from '../../server/notify/outbox-store';
import { officeLock } from '../../server/store/office-lock';
import { useBrowserAndServer } from '../support/browser-and-server';
import { startFakeSmtpServer, type FakeSmtpServer } from '../support/fake-smtp-server';
import { ADMIN_PASSWORD, call, MAIN_OFFICE, officeApi } from '../support/talon-server';
import { openPanel, signIn } from './panel-fixtures';

const env = useBrowserAndServer();
let smtp: FakeSmtpServer;

beforeAll(async () => {
  smtp = await startFakeSmtpServer();
});

afterAll(async () => {
  await smtp.close();
});

describe('messages tab', () => {
  it('saves the mail server with its password write-only, sends a test e-mail, and turns Web Push on', async () => {
    const { context, page } = await openPanel(env.browser, env.server);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.locator('panel-view-nav button[data-view="settings"]').click();
    await page.locator('panel-admin nav button[data-section="messages"]').click();
    const tab = page.locator('panel-admin-messages');

    const mail = tab.locator('form[data-channel="mail"]');
    await mail.locator('input[name="enabled"]').check();
    await mail.locator('input[name="host"]').fill('127.0.0.1');
    await mail.locator('input[name="port"]').fill(String(smtp.port));
    // No user name: the loopback server takes mail without signing in (a password alone is never sent).
    await mail.locator('input[name="password"]').fill('s3cret-password');
    await mail.locator('input[name="from"]').fill('Client service <noreply@example.org>');
    await mail.locator('button[data-role="save"]').click();
    await mail.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await mail.locator('[data-role="password-set"]').waitFor();
    expect(await mail.locator('input[name="password"]').inputValue()).toBe('');
    const admin = await env.server.login('admin');
    const saved = await call<MailSettings>(env.server, officeApi('/channels/mail'), { token: admin });
    expect(saved.body).toMatchObject({ ok: true, data: { host: '127.0.0.1', port: smtp.port, password: '', passwordSet: true } });

    const test = tab.locator('[data-role="test-mail"]');
    await test.locator('input[name="testTo"]').fill('admin@example.org');
    await test.locator('button').click();
    await test.getByRole('status').waitFor();
    await expect.poll(() => smtp.received.length).toBe(1);
    expect(smtp.received[0]!.to).toMatchObject({ text: 'admin@example.org' });

    const push = tab.locator('form[data-channel="push"]');
    await push.locator('input[name="enabled"]').check();
    await push.locator('button[data-role="save"]').click();
    await push.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await call<PushSettings>(env.server, officeApi('/channels/push'), { token: admin })).body).toEqual({ ok: true, data: { enabled: true } });
    await context.close();
  });

  it('stops a visitor’s messages from the stop link’s page, in the visitor’s language', async () => {
    const ticket = (
      (await call<{ ticket: Ticket }>(env.server, officeApi('/tickets'), { body: { serviceId: 'documents', language: 'uk' }, deviceKey: env.server.deviceKey('kiosk') })).body as {
        data: { ticket: Ticket };
      }
    ).data.ticket;
    await call(env.server, officeApi(`/public/tickets/${ticket.id}/contacts`), { body: { channel: 'email', email: 'visitor@example.org', consent: true } });
    const facts = { kind: 'ticket-ahead', ticketId: ticket.id, ticketCode: ticket.code, ahead: 3 } as const;
    await env.server.db.transaction((tx) => enqueueForSubject(tx, MAIN_OFFICE, { kind: 'ticket', id: ticket.id }, facts, 'ticket-ahead', env.server.engine.now()), officeLock(MAIN_OFFICE));
    await env.server.talon.notify.dispatcher.settle();
    await expect.poll(() => smtp.received.filter((m) => m.text?.includes(ticket.code)).length).toBe(1);
    const message = smtp.received.find((m) => m.text?.includes(ticket.code))!;
    const link = /(https?:\/\/\S+\/stop\/\?lang=uk#[A-Za-z0-9_-]+)/.exec(message.text ?? '')![1]!;

    const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
    // The public URL is this machine's LAN address; the page is the same on loopback.
    await page.goto(`${env.server.url}${new URL(link).pathname}${new URL(link).search}${new URL(link).hash}`);
    const stop = page.locator('kiosk-stop-page');
    await stop.getByRole('button', { name: 'Відписатися' }).click();
    await stop.getByRole('status').filter({ hasText: 'Готово' }).waitFor();
    expect(await env.server.db.read.get('SELECT COUNT(*) AS n FROM visitor_contacts WHERE stopped_at IS NOT NULL')).toEqual({ n: 1 });
    await page.close();
  });
});
