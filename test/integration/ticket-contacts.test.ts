// The live ticket page's public routes for being told, against the real server: which channels the
// office offers (limited per address), one phone number and one e-mail address per ticket (a new one
// from the id's holder replaces the last; ticket-id-privacy.test.ts shows nobody else has the id), a
// push subscription per browser, and no push endpoint stored that the sender would refuse.
import { afterEach, describe, expect, it } from 'vitest';
import type { OfferedChannels, Ticket } from '../../common/protocol';
import { activeContacts } from '../../server/notify/contacts-store';
import { NOTIFY_LIMITS } from '../../server/notify/notify-limits';
import { call, MAIN_OFFICE, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

let server: RunningTalon | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Answer = { status: number; body: { ok: true; data: unknown } | { ok: false; error: { code: string } } };
const refusal = (answer: Answer) => (answer.body.ok ? undefined : answer.body.error.code);

function data<T>(answer: Answer): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.body)}`);
  return answer.body.data as T;
}

const KEYS = { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' };

async function officeOfferingAll(): Promise<{ server: RunningTalon; ticket: Ticket }> {
  server = await startTalon();
  const admin = await server.login('admin');
  const put = async (kind: string, body: unknown) => data(await call(server!, officeApi(`/channels/${kind}`), { method: 'PUT', body, token: admin }));
  await put('push', { enabled: true });
  await put('mail', { enabled: true, host: 'smtp.example.org', port: 587, secure: false, user: '', password: '', from: 'Office <noreply@example.org>' });
  await put('sms', { enabled: true, method: 'POST', url: 'https://sms.example.org/send', contentType: 'application/json', body: '{"to":"{phone}","text":"{text}"}', headers: {} });
  const issued = await call<{ ticket: Ticket }>(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: server.deviceKey('kiosk') });
  return { server, ticket: data<{ ticket: Ticket }>(issued).ticket };
}

describe('a live ticket page asking to be told', () => {
  it('keeps one phone number and one e-mail address per ticket, the latest, and a push subscription per browser', async () => {
    const { server, ticket } = await officeOfferingAll();
    const path = officeApi(`/public/tickets/${ticket.id}/contacts`);
    const ask = async (body: object) => data<{ contactId: string }>(await call(server, path, { body: { ...body, consent: true } })).contactId;
    await ask({ channel: 'sms', phone: '+380 44 123 45 67' });
    const phone = await ask({ channel: 'sms', phone: '+380 44 765 43 21' });
    await ask({ channel: 'email', email: 'first@example.org' });
    const email = await ask({ channel: 'email', email: 'second@example.org' });
    const pushA = await ask({ channel: 'push', subscription: { endpoint: 'https://push.example.org/send/browser-a', keys: KEYS } });
    const pushB = await ask({ channel: 'push', subscription: { endpoint: 'https://push.example.org/send/browser-b', keys: KEYS } });
    const active = await activeContacts(server.db.read, MAIN_OFFICE, 'ticket', ticket.id);
    expect(active.map((c) => c.id).sort()).toEqual([phone, email, pushA, pushB].sort());
    expect(active.find((c) => c.channel === 'sms')!.address).toBe('+380 44 765 43 21');
    // Asked again, the first number is on again and the second is stopped in its turn.
    await ask({ channel: 'sms', phone: '+380 44 123 45 67' });
    expect((await activeContacts(server.db.read, MAIN_OFFICE, 'ticket', ticket.id)).filter((c) => c.channel === 'sms').map((c) => c.address)).toEqual(['+380 44 123 45 67']);
  });

  it('refuses a push endpoint the server would never post to, and stores nothing', async () => {
    const { server, ticket } = await officeOfferingAll();
    const path = officeApi(`/public/tickets/${ticket.id}/contacts`);
    for (const endpoint of ['https://127.0.0.1/push', 'https://[::1]/push', 'https://localhost/push', 'https://metadata.google.internal/x', 'http://push.example.org/x']) {
      const answer = await call(server, path, { body: { channel: 'push', subscription: { endpoint, keys: KEYS }, consent: true } });
      expect([answer.status, refusal(answer)], endpoint).toEqual([400, 'invalid-input']);
    }
    expect(await activeContacts(server.db.read, MAIN_OFFICE, 'ticket', ticket.id)).toEqual([]);
  });

  it('is told which channels the office offers, a limited number of times per address', async () => {
    const { server } = await officeOfferingAll();
    expect(data<OfferedChannels>(await call(server, officeApi('/public/channels')))).toEqual({ push: true, sms: true, email: true });
    const answers: Answer[] = [];
    for (let i = 0; i < NOTIFY_LIMITS.channels.burst; i += 1) answers.push(await call(server, officeApi('/public/channels')));
    expect(answers.at(-1)).toMatchObject({ status: 429, body: { ok: false, error: { code: 'rate-limited' } } });
  });
});
