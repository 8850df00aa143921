// Web Push against the real server and a push service of the test's own on loopback: the VAPID key
// kept in the database and answered at GET /api/push/vapid-public-key, a message encrypted and
// signed so the push service can check and the subscriber read it, a dropped subscription, a push
// service whose public name resolves to loopback (refused before connecting), and the ticket watch
// queuing "N people ahead" once and "your turn" for each call.
import { createServer, isIP, type AddressInfo, type LookupFunction, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageFacts, TicketResult, VapidPublicKey } from '../../common/protocol';
import { SendFailure, type OfficeMessageContext, type RenderedMessage } from '../../server/notify/channel-sender';
import { createChannelSettingsStore } from '../../server/notify/channel-settings-store';
import { addContact, type StoredContact } from '../../server/notify/contacts-store';
import { vapidKeys, type VapidKeys } from '../../server/notify/push/vapid-keys';
import { webPushSender } from '../../server/notify/push/web-push-sender';
import { call, MAIN_OFFICE, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { allowLoopbackAddress, allowLoopbackEndpoint, startTestPushService, type TestPushService } from '../support/test-push-service';

let server: RunningTalon | undefined;
let push: TestPushService | undefined;
let listener: Server | undefined;

afterEach(async () => {
  await server?.close();
  await push?.close();
  const closing = listener;
  if (closing) await new Promise((resolve) => closing.close(resolve));
  server = undefined;
  push = undefined;
  listener = undefined;
});

const MESSAGE: RenderedMessage = { subject: 'Your turn', text: 'Ticket A001: please go to window 2', url: 'https://talon.example/t/x', stopUrl: 'https://talon.example/stop/#s', urgent: true };

async function pushContact(running: RunningTalon, subscription: unknown, ticketId = 'ticket-1'): Promise<StoredContact> {
  return running.db.transaction((tx) =>
    addContact(tx, MAIN_OFFICE, { subjectKind: 'ticket', subjectId: ticketId, channel: 'push', address: JSON.stringify(subscription), language: 'en', keepUntil: Date.now() + 86_400_000 }, Date.now()),
  );
}

function officeContext(running: RunningTalon): OfficeMessageContext {
  return { officeId: MAIN_OFFICE, officeName: 'Main', timeZone: 'UTC', settings: createChannelSettingsStore(running.db, MAIN_OFFICE) };
}

const SUBJECT = () => 'mailto:talon@example.org';

/** A sender allowed to post to the test's push service on loopback. */
function loopbackSender(keys: VapidKeys) {
  return webPushSender({ keys, subject: SUBJECT, endpointAllowed: allowLoopbackEndpoint, addressAllowed: allowLoopbackAddress });
}

/** A resolver that answers every name with these addresses, as a DNS server rebinding a public name would. The sender always asks for all of them. */
function answering(...addresses: string[]): LookupFunction {
  return (_hostname, _options, callback) => callback(null, addresses.map((address) => ({ address, family: isIP(address) })));
}

/** A TCP listener on loopback that counts the connections it is offered and drops them. */
async function countConnections(): Promise<{ port: number; count: () => number }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  listener = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, count: () => connections };
}

describe('Web Push', () => {
  it('answers the VAPID public key kept in the database, the same after a restart', async () => {
    server = await startTalon();
    const first = await call<VapidPublicKey>(server, '/api/push/vapid-public-key');
    if (!first.body.ok) throw new Error('no key');
    // An uncompressed P-256 point, base64url: 65 bytes starting with 4.
    const key = Buffer.from(first.body.data.publicKey, 'base64url');
    expect([key.length, key[0]]).toEqual([65, 4]);
    expect(first.body.data.publicKey).toMatch(/^[A-Za-z0-9_-]+$/);
    server = await server.restart();
    const again = await call<VapidPublicKey>(server, '/api/push/vapid-public-key');
    expect(again.body).toEqual(first.body);
  });

  it('keeps the first key pair when two nodes start at once', async () => {
    server = await startTalon();
    const [a, b] = await Promise.all([vapidKeys(server.db, 1), vapidKeys(server.db, 2)]);
    expect(a).toEqual(b);
    const answered = await call<VapidPublicKey>(server, '/api/push/vapid-public-key');
    expect(answered.body).toEqual({ ok: true, data: { publicKey: a.publicKey } });
  });

  it('sends a message the push service can check and only the subscriber can read', async () => {
    server = await startTalon();
    push = await startTestPushService();
    const keys = await vapidKeys(server.db, Date.now());
    const sender = loopbackSender(keys);
    const subscription = push.subscription();
    const contact = await pushContact(server, subscription);
    await sender.send(officeContext(server), contact, MESSAGE);
    const received = await push.next(subscription.endpoint);
    expect(JSON.parse(received.text)).toEqual({
      title: 'Your turn',
      body: MESSAGE.text,
      url: MESSAGE.url,
      stopUrl: MESSAGE.stopUrl,
      stopLabel: 'Stop messages',
      tag: 'ticket-ticket-1',
      urgent: true,
    });
    expect(received).toMatchObject({ urgency: 'high', vapidKey: keys.publicKey });
    expect(received.ttl).toBeGreaterThan(0);
  });

  it('says a subscription the push service no longer knows is gone, and never posts to a plain-http service unless allowed', async () => {
    server = await startTalon();
    push = await startTestPushService();
    const keys = await vapidKeys(server.db, Date.now());
    const subscription = push.subscription();
    const contact = await pushContact(server, subscription);
    push.gone(subscription.endpoint);
    await expect(loopbackSender(keys).send(officeContext(server), contact, MESSAGE)).rejects.toMatchObject({ outcome: 'contact-gone' });

    const fresh = push.subscription();
    const httpsOnly = webPushSender({ keys, subject: SUBJECT });
    const failure = await httpsOnly.send(officeContext(server), await pushContact(server, fresh, 'ticket-2'), MESSAGE).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SendFailure);
    expect((failure as SendFailure).outcome).toBe('contact-gone');
    // The endpoint is the visitor's: not in the message, which is stored and logged.
    expect((failure as SendFailure).message).not.toContain(push.url);
    expect(push.messages).toEqual([]);
  });

  it('never connects to a public push service name that resolves to a loopback address, and stops the contact', async () => {
    server = await startTalon();
    push = await startTestPushService();
    const keys = await vapidKeys(server.db, Date.now());
    const listening = await countConnections();
    // An https endpoint with a public name: the endpoint check at the door lets it in.
    const endpoint = `https://push.example.org:${listening.port}/push/abc`;
    const contact = await pushContact(server, { ...push.subscription(), endpoint });
    for (const lookup of [answering('127.0.0.1'), answering('93.184.215.14', '127.0.0.1'), answering('::ffff:127.0.0.1')]) {
      const failure = await webPushSender({ keys, subject: SUBJECT, lookup }).send(officeContext(server), contact, MESSAGE).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SendFailure);
      expect((failure as SendFailure).outcome).toBe('contact-gone');
      // Neither the visitor's endpoint nor where it led: the message is stored and logged.
      expect((failure as SendFailure).message).not.toMatch(/push\.example\.org|127\.0\.0\.1/);
    }
    expect(listening.count()).toBe(0);
    // The same name with loopback allowed does connect (it is no push service: tried again later),
    // so the count above is of connections that could have been made.
    const admitting = webPushSender({ keys, subject: SUBJECT, lookup: answering('127.0.0.1'), addressAllowed: allowLoopbackAddress });
    await expect(admitting.send(officeContext(server), contact, MESSAGE)).rejects.toMatchObject({ outcome: 'retry' });
    expect(listening.count()).toBe(1);
  });
});

// The office's own watch, as the running server starts it (ticket-alerts-feature.ts).
describe('ticket watch', () => {
  async function outbox(running: RunningTalon): Promise<{ ticketId: string; kind: string; dedupeKey: string; facts: MessageFacts }[]> {
    const rows = await running.db.read.all<{ subject_id: string; kind: string; dedupe_key: string; facts: string }>(
      `SELECT c.subject_id, o.kind, o.dedupe_key, o.facts FROM outbox o JOIN visitor_contacts c ON c.id = o.contact_id ORDER BY o.created_at, o.kind`,
    );
    return rows.map((r) => ({ ticketId: r.subject_id, kind: r.kind, dedupeKey: r.dedupe_key, facts: JSON.parse(r.facts) as MessageFacts }));
  }

  it('queues "N ahead" once at the threshold and "your turn" for every call and recall of a ticket with contacts', async () => {
    server = await startTalon();
    const running = server;
    const issue = async () => {
      const answer = await call<TicketResult>(running, officeApi('/tickets'), { deviceKey: running.deviceKey('kiosk'), body: { serviceId: 'documents', language: 'en' } });
      if (!answer.body.ok) throw new Error('issuing failed');
      return answer.body.data.ticket;
    };
    const tickets = [];
    for (let i = 0; i < 5; i += 1) tickets.push(await issue());
    const watched = tickets[4]!;
    // Four ahead, the default threshold is three: nothing yet.
    await pushContact(running, { endpoint: 'https://push.example/a', keys: { p256dh: 'p'.repeat(20), auth: 'a'.repeat(10) } }, watched.id);
    await running.db.transaction((tx) =>
      addContact(tx, MAIN_OFFICE, { subjectKind: 'ticket', subjectId: watched.id, channel: 'sms', address: '+10000000000', language: 'en', keepUntil: Date.now() + 86_400_000 }, Date.now()),
    );
    const token = await running.login('operator1');
    const counter = (action: string) => call(running, officeApi(`/counters/booth-1/${action}`), { token, body: {} });
    await counter('open');
    await counter('call-next');
    await expect.poll(() => outbox(running)).toHaveLength(2);
    const ahead = await outbox(running);
    expect(ahead.map((m) => [m.kind, m.dedupeKey])).toEqual([
      ['ticket-ahead', 'ticket-ahead'],
      ['ticket-ahead', 'ticket-ahead'],
    ]);
    expect(ahead[0]!.facts).toEqual({ kind: 'ticket-ahead', ticketId: watched.id, ticketCode: watched.code, ahead: 3 });
    // Two and one ahead: told once already.
    for (let i = 0; i < 3; i += 1) {
      await counter('finish');
      await counter('call-next');
    }
    await counter('finish');
    await counter('call-next');
    await expect.poll(async () => (await outbox(running)).filter((m) => m.kind === 'ticket-called')).toHaveLength(2);
    await counter('recall');
    await expect.poll(async () => (await outbox(running)).filter((m) => m.kind === 'ticket-called')).toHaveLength(4);
    const messages = await outbox(running);
    expect(messages.filter((m) => m.kind === 'ticket-ahead')).toHaveLength(2);
    const calls = messages.filter((m) => m.kind === 'ticket-called');
    expect(new Set(calls.map((m) => m.dedupeKey)).size).toBe(2);
    expect(calls[0]!.facts).toMatchObject({ kind: 'ticket-called', ticketId: watched.id, ticketCode: watched.code, counterNumber: 1 });
    expect(messages.every((m) => m.ticketId === watched.id)).toBe(true);
  });

  it('sends "your turn" through the running server to the push service, and stops a contact whose subscription is gone', async () => {
    push = await startTestPushService();
    server = await startTalon({ pushEndpointAllowed: allowLoopbackEndpoint, pushAddressAllowed: allowLoopbackAddress });
    const running = server;
    await createChannelSettingsStore(running.db, MAIN_OFFICE).save('push', { enabled: true }, Date.now());
    const issued = await call<TicketResult>(running, officeApi('/tickets'), { deviceKey: running.deviceKey('kiosk'), body: { serviceId: 'documents', language: 'ru' } });
    if (!issued.body.ok) throw new Error('issuing failed');
    const ticket = issued.body.data.ticket;
    const kept = push.subscription();
    const dropped = push.subscription();
    push.gone(dropped.endpoint);
    for (const subscription of [kept, dropped]) {
      const added = await call(running, officeApi(`/public/tickets/${ticket.id}/contacts`), { body: { channel: 'push', subscription, consent: true } });
      expect(added.status).toBe(200);
    }
    const token = await running.login('operator1');
    await call(running, officeApi('/counters/booth-1/open'), { token, body: {} });
    await call(running, officeApi('/counters/booth-1/call-next'), { token, body: {} });
    const told = JSON.parse((await push.next(kept.endpoint)).text) as { title: string; body: string };
    // In the ticket's language, with the window.
    expect(told.title).toContain(ticket.code);
    expect(told.body).toContain('окн');
    const stoppedEndpoints = async () => {
      const rows = await running.db.read.all<{ address: string }>('SELECT address FROM visitor_contacts WHERE stopped_at IS NOT NULL');
      return rows.map((row) => (JSON.parse(row.address) as { endpoint: string }).endpoint);
    };
    await expect.poll(stoppedEndpoints).toEqual([dropped.endpoint]);
  });
});
