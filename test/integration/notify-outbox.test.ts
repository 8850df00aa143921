// Telling visitors, against the real server with a recording sender: the admins' channel settings keep
// secrets write-only, the live page's "tell me" stores a contact for an offered channel and answers
// only its id, a message queued in a transaction goes once per contact and key, is retried after a
// failure and given up after its last attempt, is dropped once its channel is off or its contact
// followed the stop link, and two claims on one message never both win.
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import type { MailSettings, MessageFacts, Ticket } from '../../common/protocol';
import { SendFailure, type ChannelSender, type RenderedMessage } from '../../server/notify/channel-sender';
import { activeContacts, stopContact, type StoredContact } from '../../server/notify/contacts-store';
import { MAX_ATTEMPTS, QUEUE_NEWS_STALE_MS, retryDelayMs } from '../../server/notify/dispatcher';
import { createOutboxStore, enqueue, enqueueForSubject } from '../../server/notify/outbox-store';
import { officeLock } from '../../server/store/office-lock';
import { call, MAIN_OFFICE, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

let server: RunningTalon | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Sent {
  contact: StoredContact;
  message: RenderedMessage;
}

/** A push "service" that records what it is handed, or fails as told. */
function recordingSender(): ChannelSender & { sent: Sent[]; failWith: Error | null } {
  const sender = {
    channel: 'push' as const,
    sent: [] as Sent[],
    failWith: null as Error | null,
    send(_office: unknown, contact: StoredContact, message: RenderedMessage) {
      if (sender.failWith) return Promise.reject(sender.failWith);
      sender.sent.push({ contact, message });
      return Promise.resolve();
    },
  };
  return sender;
}

const SUBSCRIPTION = { endpoint: 'https://push.example.org/send/abcdef0123456789', keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' } };

function data<T>(answer: { body: { ok: true; data: T } | { ok: false; error: { code: string } } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

const refusal = (answer: { status: number; body: { ok: boolean; error?: { code: string } } }) => (answer.body.ok ? undefined : answer.body.error?.code);

async function start() {
  let now = Date.now();
  const sender = recordingSender();
  server = await startTalon({ clock: () => now, senders: [sender] });
  const admin = await server.login('admin');
  return { server, sender, admin, advance: (ms: number) => (now += ms), now: () => now };
}

async function issue(server: RunningTalon): Promise<Ticket> {
  return data(await call<{ ticket: Ticket }>(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: server.deviceKey('kiosk') })).ticket;
}

const called = (ticket: Ticket): MessageFacts => ({ kind: 'ticket-called', ticketId: ticket.id, ticketCode: ticket.code, counterNumber: 2, counterName: null });

async function queue(server: RunningTalon, ticket: Ticket, facts: MessageFacts, key: string, at: number): Promise<number> {
  const queued = await server.db.transaction((tx) => enqueueForSubject(tx, MAIN_OFFICE, { kind: 'ticket', id: ticket.id }, facts, key, at), officeLock(MAIN_OFFICE));
  server.talon.office(MAIN_OFFICE)!.notify.wake();
  await server.talon.notify.dispatcher.settle();
  return queued;
}

async function outboxRows(server: RunningTalon) {
  return server.db.read.all<{ id: string; status: string; attempts: number; lastError: string | null; facts: string }>(
    'SELECT id, status, attempts, last_error AS "lastError", facts FROM outbox ORDER BY created_at, id',
  );
}

describe('channel settings', () => {
  it('answer a secret blank with whether one is set, and keep it when a save leaves it blank', async () => {
    const { server, admin } = await start();
    const mail: MailSettings = { enabled: true, host: 'smtp.example.org', port: 587, secure: false, user: 'talon', password: 's3cret', from: 'Office <noreply@example.org>' };
    const saved = data(await call<MailSettings>(server, officeApi('/channels/mail'), { method: 'PUT', body: mail, token: admin }));
    expect(saved).toMatchObject({ password: '', passwordSet: true, host: 'smtp.example.org' });
    // Sent back as read, with its marker: the stored password stays.
    data(await call(server, officeApi('/channels/mail'), { method: 'PUT', body: { ...saved, port: 2525 }, token: admin }));
    expect(await server.talon.office(MAIN_OFFICE)!.notify.settings.get('mail')).toMatchObject({ port: 2525, password: 's3cret' });
    expect(JSON.stringify(data(await call(server, officeApi('/channels/mail'), { token: admin })))).not.toContain('s3cret');
  });

  it('are for admins only, and refuse bad input and unknown kinds with nothing changed', async () => {
    const { server, admin } = await start();
    const operator = await server.login('operator1');
    expect(refusal(await call(server, officeApi('/channels/push'), { method: 'PUT', body: { enabled: true }, token: operator }))).toBe('forbidden');
    expect(refusal(await call(server, officeApi('/channels/mail'), { method: 'PUT', body: { enabled: true, host: '', port: 25, secure: false, user: '', password: '', from: '' }, token: admin }))).toBe(
      'invalid-input',
    );
    expect(refusal(await call(server, officeApi('/channels/fax'), { token: admin }))).toBe('invalid-input');
    expect(data(await call(server, officeApi('/channels/mail'), { token: admin }))).toMatchObject({ enabled: false });
  });
});

describe('a visitor asking to be told', () => {
  it('is refused for a channel the office does not offer, and answered with the contact id alone otherwise', async () => {
    const { server, admin } = await start();
    const ticket = await issue(server);
    const path = officeApi(`/public/tickets/${ticket.id}/contacts`);
    expect(refusal(await call(server, path, { body: { channel: 'push', subscription: SUBSCRIPTION, consent: true } }))).toBe('conflict');
    data(await call(server, officeApi('/channels/push'), { method: 'PUT', body: { enabled: true }, token: admin }));
    expect(refusal(await call(server, path, { body: { channel: 'push', subscription: SUBSCRIPTION } }))).toBe('invalid-input');
    const answer = await call<{ contactId: string }>(server, path, { body: { channel: 'push', subscription: SUBSCRIPTION, consent: true } });
    expect(Object.keys(data(answer))).toEqual(['contactId']);
    // In the language the page shows now, which the visitor may have switched.
    await call(server, path, { body: { channel: 'push', subscription: { ...SUBSCRIPTION, endpoint: `${SUBSCRIPTION.endpoint}-uk` }, consent: true, language: 'uk' } });
    expect((await activeContacts(server.db.read, MAIN_OFFICE, 'ticket', ticket.id)).map((c) => c.language).sort()).toEqual([ticket.language, 'uk'].sort());
    expect(JSON.stringify(answer.body)).not.toContain('push.example.org');
    // Asked again: the same contact.
    expect(data(await call<{ contactId: string }>(server, path, { body: { channel: 'push', subscription: SUBSCRIPTION, consent: true } })).contactId).toBe(data(answer).contactId);
    expect(refusal(await call(server, path, { body: { channel: 'sms', phone: 'call me maybe', consent: true } }))).toBe('invalid-input');
    expect(refusal(await call(server, officeApi('/public/tickets/no-such-ticket-id/contacts'), { body: { channel: 'push', subscription: SUBSCRIPTION, consent: true } }))).toBe('not-found');
  });
});

describe('the outbox', () => {
  async function subscribed() {
    const started = await start();
    data(await call(started.server, officeApi('/channels/push'), { method: 'PUT', body: { enabled: true }, token: started.admin }));
    const ticket = await issue(started.server);
    data(await call(started.server, officeApi(`/public/tickets/${ticket.id}/contacts`), { body: { channel: 'push', subscription: SUBSCRIPTION, consent: true } }));
    return { ...started, ticket };
  }

  it('sends a message once per contact and key, in the visitor’s language', async () => {
    const { server, sender, ticket, now } = await subscribed();
    expect(await queue(server, ticket, called(ticket), 'ticket-called:1', now())).toBe(1);
    expect(await queue(server, ticket, called(ticket), 'ticket-called:1', now())).toBe(0);
    expect(sender.sent).toHaveLength(1);
    const { message, contact } = sender.sent[0]!;
    expect(contact.address).toBe(JSON.stringify(SUBSCRIPTION));
    expect(message.text).toBe(translate(ticket.language, 'messages.ticketCalledAt', { code: ticket.code, counter: 2 }));
    expect(message.url).toContain(`/t/${ticket.id}?office=${MAIN_OFFICE}`);
    expect(message.stopUrl).toMatch(/\/stop\/\?lang=[a-z]{2}#[A-Za-z0-9_-]{22}$/);
    expect(message.urgent).toBe(true);
    expect((await outboxRows(server)).map((row) => row.status)).toEqual(['sent']);
  });

  it('tries a failed message again later, and gives up after its last attempt', async () => {
    const { server, sender, ticket, now, advance } = await subscribed();
    sender.failWith = new SendFailure('push service answered 503', 'retry');
    await queue(server, ticket, called(ticket), 'ticket-called:1', now());
    expect(await outboxRows(server)).toMatchObject([{ status: 'pending', attempts: 1, lastError: 'push service answered 503' }]);
    // Not yet due: nothing is tried.
    await server.talon.notify.dispatcher.settle();
    expect((await outboxRows(server))[0]!.attempts).toBe(1);
    sender.failWith = null;
    advance(retryDelayMs(1));
    await server.talon.notify.dispatcher.settle();
    expect(await outboxRows(server)).toMatchObject([{ status: 'sent', attempts: 2 }]);

    // A booking's reminder (queue news would go stale first) is tried MAX_ATTEMPTS times, then given up.
    // Any other throw is retried too, and keeps no words of its own (they might quote an address).
    sender.failWith = new Error('cannot reach visitor@example.org');
    const reminder: MessageFacts = { kind: 'booking-reminder', appointmentId: 'a1', code: 'ACD347', serviceId: 'documents', slotStart: now(), slotEnd: now() + 900_000 };
    await queue(server, ticket, reminder, 'booking-reminder', now());
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      advance(retryDelayMs(attempt));
      await server.talon.notify.dispatcher.settle();
    }
    expect((await outboxRows(server))[1]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'unexpected Error' });
    advance(retryDelayMs(MAX_ATTEMPTS));
    await server.talon.notify.dispatcher.settle();
    expect((await outboxRows(server))[1]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });

    sender.failWith = new SendFailure('refused for good', 'give-up');
    await queue(server, ticket, called(ticket), 'ticket-called:2', now());
    expect((await outboxRows(server))[2]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('drops queue news that could not go in time, and what goes by a channel the office turned off', async () => {
    const { server, sender, ticket, admin, now, advance } = await subscribed();
    sender.failWith = new SendFailure('push service unavailable', 'retry');
    await queue(server, ticket, called(ticket), 'ticket-called:1', now());
    sender.failWith = null;
    advance(QUEUE_NEWS_STALE_MS + 1);
    await server.talon.notify.dispatcher.settle();
    expect(await outboxRows(server)).toMatchObject([{ status: 'dropped', lastError: 'stale' }]);

    data(await call(server, officeApi('/channels/push'), { method: 'PUT', body: { enabled: false }, token: admin }));
    await queue(server, ticket, called(ticket), 'ticket-called:2', now());
    expect((await outboxRows(server))[1]).toMatchObject({ status: 'dropped', lastError: 'channel-off' });
    expect(sender.sent).toHaveLength(0);
  });

  it('stops a contact whose push subscription is gone', async () => {
    const { server, sender, ticket, now } = await subscribed();
    sender.failWith = new SendFailure('push subscription gone (410)', 'contact-gone');
    await queue(server, ticket, called(ticket), 'ticket-called:1', now());
    expect(await activeContacts(server.db.read, MAIN_OFFICE, 'ticket', ticket.id)).toEqual([]);
    expect(await outboxRows(server)).toMatchObject([{ status: 'failed' }]);
  });

  it('sends nothing more once the visitor followed the stop link', async () => {
    const { server, sender, ticket, now } = await subscribed();
    await queue(server, ticket, called(ticket), 'ticket-called:1', now());
    const token = sender.sent[0]!.message.stopUrl.split('#')[1]!;
    expect(data(await call<{ stopped: boolean }>(server, '/api/stop', { body: { token } }))).toEqual({ stopped: true });
    expect(await queue(server, ticket, called(ticket), 'ticket-called:2', now())).toBe(0);
    expect(sender.sent).toHaveLength(1);
    expect(data(await call<{ stopped: boolean }>(server, '/api/stop', { body: { token: 'x'.repeat(22) } }))).toEqual({ stopped: false });
    expect(refusal(await call(server, '/api/stop', { body: {} }))).toBe('invalid-input');
  });

  it('lets only one of two claims on a message win, and forgets a manage token however the message ends', async () => {
    const { server, ticket, now } = await subscribed();
    const [contact] = await activeContacts(server.db.read, MAIN_OFFICE, 'ticket', ticket.id);
    const facts: MessageFacts = { kind: 'booking-confirmed', appointmentId: 'a1', code: 'ACD347', serviceId: 'documents', slotStart: now(), slotEnd: now() + 900_000, manageToken: 'manage-token-secret' };
    // Four confirmations, due in an hour (the dispatcher leaves them be): sent, dropped, given up, and dropped by a stop.
    for (const [i, key] of ['sent', 'dropped', 'failed', 'stopped'].entries()) {
      await server.db.transaction((tx) => enqueue(tx, MAIN_OFFICE, contact!.id, facts, `booking-confirmed:${key}`, now() + 3_600_000 + i), officeLock(MAIN_OFFICE));
    }
    const outbox = createOutboxStore(server.db);
    const [sent, dropped, failed] = await outboxRows(server);
    const claims = await Promise.all([outbox.claim(sent!.id, now(), now() + 60_000), outbox.claim(sent!.id, now(), now() + 60_000)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await outbox.sent(sent!.id, now());
    await outbox.dropped(dropped!.id, 'channel-off');
    await outbox.failed(failed!.id, 'SMTP server answered 554', null);
    await server.db.transaction((tx) => stopContact(tx, contact!.id, now()), { lock: 'outbox' });
    const rows = await outboxRows(server);
    expect(rows.map((row) => row.status)).toEqual(['sent', 'dropped', 'failed', 'dropped']);
    for (const row of rows) expect(JSON.parse(row.facts)).toEqual({ ...facts, manageToken: undefined });
  });
});
