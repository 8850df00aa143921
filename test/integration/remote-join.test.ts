// Joining the queue from a phone over REST, on a real Talon (SQLite and PostgreSQL): the admin's
// rules, the join page's view, a phone ticket numbered like the kiosk's, the phones' share of a daily
// limit, a phone's own day, the hours, "I'm here" and the drop of a visitor who never came.
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_REMOTE_JOIN_SETTINGS,
  type JoinInfo,
  type JoinReceipt,
  type LiveTicket,
  type QueueSnapshot,
  type RemoteJoinSettings,
  type Service,
  type Ticket,
} from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { createChannelSettingsStore } from '../../server/notify/channel-settings-store';
import { createLogger } from '../../server/observability/logger';
import { PhoneQueue } from '../../server/remote-join/phone-queue';
import { call, officeApi, startTalon, type RunningTalon, type StartOptions } from '../support/talon-server';

const ZONE = 'Asia/Irkutsk';
const TUESDAY = '2030-01-15';
const local = (time: string) => zonedToEpoch(TUESDAY, time, ZONE);
const MINUTE = 60_000;

const PHONE = 'phone-aaaaaaaaaaaaaaaa';
const OTHER_PHONE = 'phone-bbbbbbbbbbbbbbbb';
const RULES: RemoteJoinSettings = { ...DEFAULT_REMOTE_JOIN_SETTINGS, enabled: true, arriveWithinMinutes: 30 };

type Answer<T> = Awaited<ReturnType<typeof call<T>>>;

function data<T>(answer: Answer<T>): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

const outcome = (answer: Answer<unknown>) => [answer.status, answer.body.ok ? 'ok' : answer.body.error.code];

let server: RunningTalon | undefined;
let now = local('12:00');

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A Talon whose clock the test moves, with phones allowed by `rules`; answers the admin's token. */
async function officeWith(rules: RemoteJoinSettings | null, options: StartOptions = {}): Promise<{ talon: RunningTalon; admin: string }> {
  server = await startTalon({ clock: () => now, ...options });
  const admin = await server.login('admin');
  if (rules) data(await call(server, officeApi('/channels/remote-join'), { method: 'PUT', token: admin, body: rules }));
  return { talon: server, admin };
}

const join = (talon: RunningTalon, serviceId: string, phoneId = PHONE, extra: object = {}) =>
  call<JoinReceipt>(talon, officeApi('/public/join'), { body: { serviceId, phoneId, language: 'en', ...extra } });

describe('joining the queue from a phone', () => {
  it("lets an admin set the rules, and keeps them from anyone else's hands", async () => {
    now = local('12:00');
    const { talon, admin } = await officeWith(null);
    expect(data(await call<RemoteJoinSettings>(talon, officeApi('/channels/remote-join'), { token: admin }))).toEqual(DEFAULT_REMOTE_JOIN_SETTINGS);
    expect(outcome(await call(talon, officeApi('/channels/remote-join'), { method: 'PUT', body: RULES }))).toEqual([401, 'unauthenticated']);
    expect(outcome(await call(talon, officeApi('/channels/remote-join'), { method: 'PUT', token: admin, body: { ...RULES, ticketsPerPhonePerDay: 0 } }))).toEqual([
      400,
      'invalid-input',
    ]);
    data(await call(talon, officeApi('/channels/remote-join'), { method: 'PUT', token: admin, body: RULES }));
    expect(data(await call<RemoteJoinSettings>(talon, officeApi('/channels/remote-join'), { token: admin }))).toEqual(RULES);
  });

  it('refuses every service while the office has phones off', async () => {
    now = local('12:00');
    const { talon } = await officeWith(null);
    const info = data(await call<JoinInfo>(talon, officeApi('/public/join')));
    expect(info.services.map((s) => s.refusal)).toEqual(['join-off', 'join-off', 'join-off']);
    expect(outcome(await join(talon, 'documents'))).toEqual([409, 'join-off']);
  });

  it('issues a phone ticket numbered like the kiosk\'s, waiting for "I\'m here", with the phone\'s id kept from the public', async () => {
    now = local('12:00');
    const { talon, admin } = await officeWith(RULES);
    const info = data(await call<JoinInfo>(talon, officeApi('/public/join')));
    expect(info.services.map((s) => [s.id, s.refusal])).toEqual([
      ['certificates', null],
      ['documents', null],
      ['consultation', null],
    ]);
    expect(info.rules).toMatchObject({ enabled: true, requireArrival: true, arriveWithinMinutes: 30 });
    expect(info.joinUrl).toMatch(/\/join\/\?office=main$/);

    const kiosk = data(await call<{ ticket: Ticket }>(talon, officeApi('/tickets'), { deviceKey: talon.deviceKey('kiosk'), body: { serviceId: 'documents' } }));
    const receipt = data(await join(talon, 'documents'));
    expect(receipt.code).toBe(`Д${kiosk.ticket.number + 1}`);
    expect(receipt.awaitingArrival).toEqual({ until: now + 30 * MINUTE });

    const live = data(await call<LiveTicket>(talon, officeApi(`/tickets/${receipt.ticketId}`)));
    expect(live.ticket).toMatchObject({ source: 'phone', status: 'postponed', print: 'not-requested', awaitingArrival: { until: now + 30 * MINUTE } });
    expect(JSON.stringify(live)).not.toContain(PHONE);
    const hall = data(await call<QueueSnapshot>(talon, officeApi('/snapshot')));
    expect(JSON.stringify(hall)).not.toContain(PHONE);
    const staff = data(await call<QueueSnapshot>(talon, officeApi('/snapshot'), { token: admin }));
    expect(staff.tickets.find((t) => t.id === receipt.ticketId)?.phoneId).toBe(PHONE);
  });

  it('answers bad input with 400 and an unknown service with 404, issuing nothing', async () => {
    now = local('12:00');
    const { talon, admin } = await officeWith(RULES);
    const before = data(await call<QueueSnapshot>(talon, officeApi('/snapshot'), { token: admin })).tickets.length;
    expect(outcome(await join(talon, 'documents', 'short'))).toEqual([400, 'invalid-input']);
    expect(outcome(await call(talon, officeApi('/public/join'), { body: { serviceId: 'documents', phoneId: PHONE, extra: 1 } }))).toEqual([400, 'invalid-input']);
    expect(outcome(await join(talon, 'no-such-service'))).toEqual([404, 'not-found']);
    expect(data(await call<QueueSnapshot>(talon, officeApi('/snapshot'), { token: admin })).tickets.length).toBe(before);
  });

  it("gives phones only their share of a service's daily limit", async () => {
    now = local('12:00');
    const { talon, admin } = await officeWith({ ...RULES, services: { documents: { enabled: true, phoneShare: 0.5 } } });
    const { services } = data(await call<{ services: Service[] }>(talon, officeApi('/config'), { token: admin }));
    const documents = services.find((s) => s.id === 'documents')!;
    data(await call(talon, officeApi('/config/services/documents'), { method: 'PUT', token: admin, body: { ...documents, dailyLimit: 4 } }));

    data(await join(talon, 'documents', PHONE));
    data(await join(talon, 'documents', OTHER_PHONE));
    expect(outcome(await join(talon, 'documents', 'phone-cccccccccccccccc'))).toEqual([409, 'phone-share-reached']);
    const info = data(await call<JoinInfo>(talon, officeApi('/public/join')));
    expect(info.services.find((s) => s.id === 'documents')?.refusal).toBe('phone-share-reached');
    // The kiosk still has the rest of the day's tickets; once they are gone too, the page says so.
    expect(outcome(await call(talon, officeApi('/tickets'), { deviceKey: talon.deviceKey('kiosk'), body: { serviceId: 'documents' } }))).toEqual([200, 'ok']);
    expect(outcome(await call(talon, officeApi('/tickets'), { deviceKey: talon.deviceKey('kiosk'), body: { serviceId: 'documents' } }))).toEqual([200, 'ok']);
    const full = data(await call<JoinInfo>(talon, officeApi('/public/join')));
    expect(full.services.find((s) => s.id === 'documents')?.refusal).toBe('phone-share-reached');
    data(await call(talon, officeApi('/channels/remote-join'), { method: 'PUT', token: admin, body: { ...RULES, services: { documents: { enabled: true, phoneShare: 1 } } } }));
    const none = data(await call<JoinInfo>(talon, officeApi('/public/join')));
    expect(none.services.find((s) => s.id === 'documents')?.refusal).toBe('daily-limit-reached');
    expect(outcome(await join(talon, 'documents', 'phone-dddddddddddddddd'))).toEqual([409, 'daily-limit-reached']);
  });

  it('stops a phone at its tickets for the day, finished ones included, and hands a retry its ticket back', async () => {
    now = local('12:00');
    const { talon, admin } = await officeWith({ ...RULES, ticketsPerPhonePerDay: 2 });
    const first = data(await join(talon, 'documents', PHONE, { requestId: 'tap-00000001' }));
    expect(data(await join(talon, 'documents', PHONE, { requestId: 'tap-00000001' })).ticketId).toBe(first.ticketId);
    // Another phone's same request id is a request of its own.
    expect(data(await join(talon, 'documents', OTHER_PHONE, { requestId: 'tap-00000001' })).ticketId).not.toBe(first.ticketId);
    data(await call(talon, officeApi(`/tickets/${first.ticketId}/cancel`), { token: admin, body: {} }));
    data(await join(talon, 'certificates', PHONE));
    expect(outcome(await join(talon, 'consultation', PHONE))).toEqual([429, 'phone-limit-reached']);
  });

  it('refuses outside the hours, and takes phones the set minutes before opening with time to arrive from the opening', async () => {
    now = local('07:50');
    const { talon } = await officeWith({ ...RULES, minutesBeforeOpening: 30 }, { officeHours: true });
    const closed = data(await call<JoinInfo>(talon, officeApi('/public/join')));
    expect(closed.services.every((s) => s.refusal === 'office-closed')).toBe(true);
    expect(outcome(await join(talon, 'documents'))).toEqual([409, 'office-closed']);
    now = local('08:10');
    const early = data(await join(talon, 'documents'));
    expect(early.awaitingArrival).toEqual({ until: local('08:30') + 30 * MINUTE });
    now = local('17:20');
    expect(outcome(await join(talon, 'documents', OTHER_PHONE))).toEqual([409, 'office-closed']);
  });

  it("lets a service keep phones until opening while the others follow the office's minutes before it", async () => {
    now = local('08:00');
    const documentsAtOpening = { ...RULES.defaultRule, minutesBeforeOpening: 0 };
    const { talon } = await officeWith({ ...RULES, minutesBeforeOpening: 60, services: { documents: documentsAtOpening } }, { officeHours: true });
    const info = data(await call<JoinInfo>(talon, officeApi('/public/join')));
    expect(Object.fromEntries(info.services.map((s) => [s.id, s.refusal]))).toMatchObject({ documents: 'office-closed', certificates: null });
    expect(outcome(await join(talon, 'documents'))).toEqual([409, 'office-closed']);
    data(await join(talon, 'certificates'));
  });

  it('calls a phone ticket only once its visitor says "I\'m here", and only its own phone may say it', async () => {
    now = local('12:00');
    const { talon, admin } = await officeWith(RULES);
    data(await call(talon, officeApi('/counters/booth-1/open'), { token: admin, body: {} }));
    const receipt = data(await join(talon, 'documents'));
    expect(outcome(await call(talon, officeApi('/counters/booth-1/call-next'), { token: admin, body: {} }))).toEqual([409, 'queue-empty']);

    const arrived = officeApi(`/public/tickets/${receipt.ticketId}/arrived`);
    expect(outcome(await call(talon, arrived, { body: { phoneId: OTHER_PHONE } }))).toEqual([404, 'not-found']);
    expect(outcome(await call(talon, arrived, { body: {} }))).toEqual([400, 'invalid-input']);
    const here = data(await call<{ ticket: Ticket }>(talon, arrived, { body: { phoneId: PHONE } }));
    expect(here.ticket).toMatchObject({ id: receipt.ticketId, status: 'waiting' });
    expect(here.ticket.awaitingArrival).toBeUndefined();
    expect(here.ticket.phoneId).toBeUndefined();
    // Said again (the entrance QR scanned twice): still fine, nothing changes.
    expect(data(await call<{ ticket: Ticket }>(talon, arrived, { body: { phoneId: PHONE } })).ticket.status).toBe('waiting');

    const called = data(await call<{ ticket: Ticket }>(talon, officeApi('/counters/booth-1/call-next'), { token: admin, body: {} }));
    expect(called.ticket.id).toBe(receipt.ticketId);
  });

  it('drops a phone ticket as a no-show once its time to arrive is over', async () => {
    now = local('12:00');
    const { talon } = await officeWith(RULES);
    const receipt = data(await join(talon, 'documents'));
    const queue = new PhoneQueue({
      db: talon.db,
      officeId: talon.office,
      engine: talon.engine,
      settings: createChannelSettingsStore(talon.db, talon.office),
      publicUrl: () => talon.url,
    });
    now = local('12:29');
    expect(await queue.sweep()).toBe(0);
    now = local('12:30');
    expect(await queue.sweep()).toBe(1);
    const live = data(await call<LiveTicket>(talon, officeApi(`/tickets/${receipt.ticketId}`)));
    expect(live.ticket).toMatchObject({ status: 'finished', outcome: 'no-show' });
    expect(outcome(await call(talon, officeApi(`/public/tickets/${receipt.ticketId}/arrived`), { body: { phoneId: PHONE } }))).toEqual([404, 'not-found']);
  });

  it("never writes the phone's id to the log, joining, arriving or refused", async () => {
    now = local('12:00');
    const lines: string[] = [];
    const { talon } = await officeWith({ ...RULES, ticketsPerPhonePerDay: 1 }, { logger: createLogger({ write: (line: string) => void lines.push(line) }, 'info') });
    const receipt = data(await join(talon, 'documents'));
    expect(outcome(await join(talon, 'documents'))).toEqual([429, 'phone-limit-reached']);
    data(await call(talon, officeApi(`/public/tickets/${receipt.ticketId}/arrived`), { body: { phoneId: PHONE } }));
    expect(lines.some((line) => line.includes('/public/join'))).toBe(true);
    expect(lines.join('')).not.toContain(PHONE);
  });

  it('limits joining per address', async () => {
    now = local('12:00');
    const { talon } = await officeWith(RULES);
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push(outcome(await join(talon, 'documents', 'x')));
    expect(answers.slice(0, 20).every(([status]) => status === 400)).toBe(true);
    expect(answers[20]).toEqual([429, 'rate-limited']);
  });
});
