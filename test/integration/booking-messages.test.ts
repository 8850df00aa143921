// Messages about a booking, against the real server: the booking page offers e-mail and SMS only where
// the office has them on; a visitor who asks (with consent) is sent the confirmation, any move or
// cancellation, and the day-before reminder once, in their language, by a recording e-mail sender and
// the real SMS sender through a gateway on loopback. Nothing is sent to a visitor who did not ask.
import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment, BookingInfo, BookingReceipt, MessageKind } from '../../common/protocol';
import { addDays, zonedToEpoch } from '../../common/time/calendar';
import type { ChannelSender, RenderedMessage } from '../../server/notify/channel-sender';
import type { StoredContact } from '../../server/notify/contacts-store';
import { sweepBookingReminders } from '../../server/notify/booking-reminders';
import { startFakeSmsGateway, type FakeSmsGateway } from '../support/fake-sms-gateway';
import { call, MAIN_OFFICE, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const ZONE = 'Asia/Irkutsk';
const TODAY = '2030-01-15';
const TOMORROW = addDays(TODAY, 1);
const local = (time: string, date = TODAY) => zonedToEpoch(date, time, ZONE);
const EMAIL = 'olga.kravets@example.org';

let server: RunningTalon | undefined;
let gateway: FakeSmsGateway | undefined;

afterEach(async () => {
  await server?.close();
  await gateway?.close();
  server = gateway = undefined;
});

interface Mail {
  contact: StoredContact;
  message: RenderedMessage;
}

function recordingMail(): ChannelSender & { sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    channel: 'email',
    sent,
    send: (_office, contact, message) => {
      sent.push({ contact, message });
      return Promise.resolve();
    },
  };
}

function data<T>(answer: { body: { ok: true; data: T } | { ok: false; error: { code: string } } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

async function start(channels: { sms: boolean; email: boolean } = { sms: true, email: true }) {
  let now = local('12:00');
  const mail = recordingMail();
  gateway = await startFakeSmsGateway();
  server = await startTalon({ clock: () => now, senders: [mail] });
  const running = server;
  const admin = await running.login('admin');
  const put = async (kind: string, body: unknown) => data(await call(running, officeApi(`/channels/${kind}`), { method: 'PUT', body, token: admin }));
  if (channels.email) await put('mail', { enabled: true, host: 'smtp.example.org', port: 587, secure: false, user: '', password: '', from: 'Office <noreply@example.org>' });
  if (channels.sms)
    await put('sms', { enabled: true, method: 'POST', url: `${gateway.origin}/send`, contentType: 'application/json', body: '{"to":"{phone}","text":"{text}"}', headers: { 'X-Api-Key': 'k-1' } });
  await put('messages', { aheadThreshold: 3, reminderHour: 18, quietFrom: '21:00', quietUntil: '08:00' });
  const office = running.talon.office(MAIN_OFFICE)!;
  return {
    server: running,
    mail,
    gateway,
    consultant: await running.login('consultant'),
    set: (at: number) => (now = at),
    /** Lets this node's dispatcher send what is due now. */
    settle: () => running.talon.notify.dispatcher.settle(),
    sweep: () => sweepBookingReminders({ db: running.db, officeId: MAIN_OFFICE, engine: office.engine, notify: office.notify }),
  };
}

const visitor = (slotStart: number, overrides: Record<string, unknown> = {}) => ({
  serviceId: 'documents',
  slotStart,
  name: 'Ольга Кравець',
  phone: '+7 (900) 123-45-67',
  language: 'uk',
  ...overrides,
});

const asking = { email: EMAIL, notify: { email: true, sms: true }, consent: true };

async function bookPublic(server: RunningTalon, slotStart: number, overrides: Record<string, unknown> = {}): Promise<BookingReceipt> {
  return data(await call<BookingReceipt>(server, officeApi('/public/appointments'), { body: visitor(slotStart, overrides) }));
}

async function appointmentByCode(server: RunningTalon, token: string, code: string): Promise<Appointment> {
  return data(await call<Appointment[]>(server, officeApi(`/appointments?code=${code}`), { token }))[0]!;
}

/** The kinds of message each channel was handed, in order. */
async function kindsSent(server: RunningTalon): Promise<Record<string, MessageKind[]>> {
  const rows = await server.db.read.all<{ channel: string; kind: MessageKind }>(
    "SELECT c.channel, o.kind FROM outbox o JOIN visitor_contacts c ON c.id = o.contact_id WHERE o.status = 'sent' ORDER BY o.sent_at, o.created_at, o.id",
  );
  const byChannel: Record<string, MessageKind[]> = {};
  for (const { channel, kind } of rows) (byChannel[channel] ??= []).push(kind);
  return byChannel;
}

const smsTexts = (gateway: FakeSmsGateway) => gateway.requests.map((r) => (JSON.parse(r.body) as { to: string; text: string }));

describe('the booking page and its messages', () => {
  it('offers e-mail and SMS only where the office has them on, and never push', async () => {
    const { server } = await start({ sms: false, email: true });
    expect(data(await call<BookingInfo>(server, officeApi('/public/booking'))).channels).toEqual({ push: false, sms: false, email: true });
  });

  it('sends the confirmation by e-mail and SMS in the visitor’s language, with the manage link and a stop link', async () => {
    const { server, mail, gateway, settle, consultant } = await start();
    const receipt = await bookPublic(server, local('14:00'), asking);
    expect(JSON.stringify(receipt)).not.toContain(EMAIL);
    await settle();

    expect(mail.sent).toHaveLength(1);
    const [confirmation] = mail.sent;
    expect(confirmation!.contact).toMatchObject({ channel: 'email', address: EMAIL, language: 'uk', subjectKind: 'appointment' });
    expect(confirmation!.message.text).toContain(receipt.code);
    expect(confirmation!.message.url).toBe(`${new URL(confirmation!.message.url).origin}${receipt.manageUrl}`);
    expect(confirmation!.message.calendar).toMatchObject({ method: 'REQUEST', start: local('14:00'), end: local('14:15') });

    expect(smsTexts(gateway)).toEqual([{ to: '+79001234567', text: expect.stringContaining(receipt.code) }]);
    const [sms] = smsTexts(gateway);
    expect(sms!.text).toMatch(/Стоп: \S+\/stop\/\S*#[\w-]{22}$/);
    expect(sms!.text).toMatch(/січ/);
    expect(gateway.requests[0]!.headers['x-api-key']).toBe('k-1');

    // The token is needed only to write the link: once sent it is no longer kept.
    const facts = await server.db.read.all<{ facts: string }>('SELECT facts FROM outbox');
    expect(facts.map((f) => f.facts).join()).not.toContain(new URL(receipt.manageUrl, 'http://x').hash.slice(1));

    // The staff's view of the booking shows the visitor, not where they asked to be told.
    const stored = await appointmentByCode(server, consultant, receipt.code);
    expect(JSON.stringify(stored)).not.toContain(EMAIL);
  });

  it('tells of a move and a cancellation, each once, on every channel the visitor asked for', async () => {
    const { server, gateway, set, settle, consultant } = await start();
    const receipt = await bookPublic(server, local('14:00'), asking);
    const { id } = await appointmentByCode(server, consultant, receipt.code);
    set(local('12:01'));
    data(await call(server, officeApi(`/appointments/${id}`), { method: 'PATCH', body: { slotStart: local('15:00') }, token: consultant }));
    set(local('12:02'));
    data(await call(server, officeApi(`/appointments/${id}/cancel`), { body: {}, token: consultant }));
    // Cancelling again changes nothing and tells nothing.
    data(await call(server, officeApi(`/appointments/${id}/cancel`), { body: {}, token: consultant }));
    await settle();

    const kinds = ['booking-confirmed', 'booking-moved', 'booking-cancelled'];
    expect(await kindsSent(server)).toEqual({ email: kinds, sms: kinds });
    expect(smsTexts(gateway)).toHaveLength(3);
  });

  it('sends nothing to a visitor who did not ask, and books nothing that asks for news without an address or without consent, public or by a consultant', async () => {
    const { server, mail, gateway, settle, consultant } = await start();
    await bookPublic(server, local('14:00'));
    await bookPublic(server, local('14:15'), { email: EMAIL });
    const refusals = [
      await call(server, officeApi('/public/appointments'), { body: visitor(local('14:30'), { notify: { email: true }, consent: true }) }),
      await call(server, officeApi('/public/appointments'), { body: visitor(local('14:45'), { notify: { sms: true } }) }),
      await call(server, officeApi('/public/appointments'), { body: visitor(local('15:00'), { email: EMAIL, notify: { email: true }, consent: false }) }),
      await call(server, officeApi('/appointments'), { body: visitor(local('15:15'), { email: EMAIL, notify: { email: true, sms: true } }), token: consultant }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    await settle();
    expect(mail.sent).toEqual([]);
    expect(gateway.requests).toEqual([]);
    expect(await server.db.read.all('SELECT id FROM visitor_contacts')).toEqual([]);
    expect(await server.db.read.all('SELECT id FROM appointments WHERE slot_start >= ?', [local('14:30')])).toEqual([]);
  });

  it('takes the e-mail, SMS and language from the staff booking dialog too, and keeps the language when staff move the booking', async () => {
    const { server, mail, gateway, settle, consultant } = await start();
    const booked = data(await call<Appointment>(server, officeApi('/appointments'), { body: visitor(local('14:00'), asking), token: consultant }));
    expect(booked.language).toBe('uk');
    const moved = data(await call<Appointment>(server, officeApi(`/appointments/${booked.id}`), { method: 'PATCH', body: { slotStart: local('15:00') }, token: consultant }));
    expect(moved.language).toBe('uk');
    await settle();
    expect(mail.sent.map((m) => [m.contact.channel, m.contact.language])).toEqual([['email', 'uk'], ['email', 'uk']]);
    // The office speaks Russian first; both texts are Ukrainian ("о 15:00", not "в 15:00").
    expect(smsTexts(gateway).map((sms) => sms.text)).toEqual([expect.stringMatching(/січ.* о 14:00\./), expect.stringMatching(/перенесено на .*січ.* о 15:00\./)]);
  });
});

describe('the day-before reminder', () => {
  it('goes once at the reminder hour to tomorrow’s bookings booked before it, not to cancelled ones', async () => {
    const { server, mail, set, settle, sweep, consultant } = await start({ sms: false, email: true });
    const kept = await bookPublic(server, local('10:00', TOMORROW), { ...asking, phone: '+7 900 000 00 01' });
    const cancelled = await bookPublic(server, local('10:15', TOMORROW), { ...asking, phone: '+7 900 000 00 02' });
    await bookPublic(server, local('10:00', addDays(TODAY, 2)), { ...asking, phone: '+7 900 000 00 03' });
    const { id } = await appointmentByCode(server, consultant, cancelled.code);
    data(await call(server, officeApi(`/appointments/${id}/cancel`), { body: {}, token: consultant }));
    await settle();
    mail.sent.length = 0;

    set(local('17:59'));
    expect(await sweep()).toBe(0);
    set(local('18:00'));
    expect(await sweep()).toBe(1);
    // Every node sweeps every minute: the reminder is still queued once.
    expect(await sweep()).toBe(0);
    await settle();
    expect(mail.sent.map((m) => [m.message.subject.includes(kept.code) || m.message.text.includes(kept.code), m.message.calendar?.start])).toEqual([[true, local('10:00', TOMORROW)]]);

    // Booked after the reminder hour for tomorrow: its confirmation is the reminder.
    set(local('18:30'));
    await bookPublic(server, local('11:00', TOMORROW), { ...asking, phone: '+7 900 000 00 04' });
    expect(await sweep()).toBe(0);
  });

  it('waits for the end of quiet hours, and reminds again of a booking moved to another time', async () => {
    const { server, gateway, set, settle, sweep, consultant } = await start({ sms: true, email: false });
    const receipt = await bookPublic(server, local('10:00', TOMORROW), { notify: { sms: true }, consent: true });
    const { id } = await appointmentByCode(server, consultant, receipt.code);
    await settle();
    expect(gateway.requests).toHaveLength(1);

    set(local('22:00'));
    expect(await sweep()).toBe(1);
    await settle();
    expect(gateway.requests).toHaveLength(1);
    set(local('08:00', TOMORROW));
    await settle();
    expect(smsTexts(gateway).map((s) => s.text.includes(receipt.code))).toEqual([true, true]);

    set(local('08:05', TOMORROW));
    // The night has passed: the consultant signs in again.
    const token = await server.login('consultant');
    const keptUntil = () => server.db.read.get<{ keepUntil: number }>('SELECT keep_until AS "keepUntil" FROM visitor_contacts');
    const before = (await keptUntil())!.keepUntil;
    data(await call(server, officeApi(`/appointments/${id}`), { method: 'PATCH', body: { slotStart: local('10:00', addDays(TODAY, 2)) }, token }));
    // A day later: the contact is kept a day longer too.
    expect(Number((await keptUntil())!.keepUntil) - Number(before)).toBe(24 * 60 * 60_000);
    set(local('18:00', TOMORROW));
    expect(await sweep()).toBe(1);
  });

  it('sends nothing more once the visitor followed the stop link', async () => {
    const { server, gateway, set, settle, sweep } = await start({ sms: true, email: false });
    await bookPublic(server, local('10:00', TOMORROW), { notify: { sms: true }, consent: true });
    await settle();
    const token = /#([\w-]{22})$/.exec(smsTexts(gateway)[0]!.text)![1]!;
    data(await call(server, '/api/stop', { body: { token } }));
    set(local('18:00'));
    expect(await sweep()).toBe(0);
    await settle();
    expect(gateway.requests).toHaveLength(1);
  });
});
