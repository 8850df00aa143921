// E-mail for real: the office's SMTP server is an smtp-server started by the test (fake-smtp-server.ts), and what it
// receives is read back with mailparser — the subject and text in the visitor's language, the page
// link, the stop link in the text and as List-Unsubscribe with one-click POST (which works), a
// booking's calendar entry (.ics) that adds, and then cancels, the visit, and the day-before reminder.
import type { ParsedMail } from 'mailparser';
import { afterEach, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import type { BookingReceipt, MailSettings, MessageFacts, MessageSettings, Ticket } from '../../common/protocol';
import { addDays, localDate, zonedToEpoch } from '../../common/time/calendar';
import { sweepBookingReminders } from '../../server/notify/booking-reminders';
import { addContact } from '../../server/notify/contacts-store';
import { enqueueForSubject } from '../../server/notify/outbox-store';
import { officeLock } from '../../server/store/office-lock';
import { startFakeSmtpServer, type FakeSmtpServer } from '../support/fake-smtp-server';
import { call, MAIN_OFFICE, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

let server: RunningTalon | undefined;
let smtp: FakeSmtpServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  await smtp?.close();
  smtp = undefined;
});

function data<T>(answer: { body: { ok: true; data: T } | { ok: false; error: { code: string } } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

async function start() {
  const mail = (smtp = await startFakeSmtpServer());
  let now = Date.now();
  server = await startTalon({ clock: () => now, publicUrl: 'https://queue.example.org' });
  // Midday on the office's clock: outside its quiet hours.
  const { timeZone } = server.engine.currentConfig.office;
  now = zonedToEpoch(localDate(now, timeZone), '12:00', timeZone);
  const admin = await server.login('admin');
  const settings: MailSettings = { enabled: true, host: '127.0.0.1', port: mail.port, secure: false, user: '', password: '', from: 'Client service <noreply@example.org>' };
  data(await call(server, officeApi('/channels/mail'), { method: 'PUT', body: settings, token: admin }));
  return { server, admin, mail, now: () => now, setNow: (at: number) => void (now = at) };
}

async function sendAll(server: RunningTalon, subject: { kind: 'ticket' | 'appointment'; id: string }, facts: MessageFacts, key: string, at: number) {
  await server.db.transaction((tx) => enqueueForSubject(tx, MAIN_OFFICE, subject, facts, key, at), officeLock(MAIN_OFFICE));
  await server.talon.notify.dispatcher.settle();
}

const waitFor = async (mails: ParsedMail[], count: number) => expect.poll(() => mails.length, { timeout: 10_000 }).toBe(count);

it('tells a visitor their turn by e-mail, with the page and a stop link that works in one click', async () => {
  const { server, mail, now } = await start();
  const ticket = data(await call<{ ticket: Ticket }>(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: server.deviceKey('kiosk') })).ticket;
  const asked = await call(server, officeApi(`/public/tickets/${ticket.id}/contacts`), { body: { channel: 'email', email: 'visitor@example.org', consent: true } });
  expect(JSON.stringify(asked.body)).not.toContain('visitor@example.org');
  await sendAll(server, { kind: 'ticket', id: ticket.id }, { kind: 'ticket-called', ticketId: ticket.id, ticketCode: ticket.code, counterNumber: 3, counterName: null }, 'ticket-called:1', now());
  await waitFor(mail.received, 1);

  const message = mail.received[0]!;
  expect(message.to).toMatchObject({ text: 'visitor@example.org' });
  expect(message.subject).toBe(translate(ticket.language, 'messages.ticketCalledSubject', { code: ticket.code }));
  expect(message.text).toContain(translate(ticket.language, 'messages.ticketCalledAt', { code: ticket.code, counter: 3 }));
  expect(message.text).toContain(`https://queue.example.org/t/${ticket.id}?office=${MAIN_OFFICE}`);
  const stopLink = /https:\/\/queue\.example\.org\/stop\/\?lang=[a-z]{2}#([A-Za-z0-9_-]+)/.exec(message.text ?? '');
  expect(stopLink).not.toBeNull();
  const header = (name: string) => message.headerLines.find((h) => h.key === name)?.line.replace(/\s+/g, ' ');
  expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  const oneClick = /<([^>]+)>/.exec(header('list-unsubscribe') ?? '');
  const oneClickUrl = new URL(oneClick![1]!);
  expect(oneClickUrl.pathname).toBe('/api/stop');
  expect(oneClickUrl.searchParams.get('t')).toBe(stopLink![1]);

  // The mail client's one click, as RFC 8058 has it: a form POST to that address (here, this server).
  const response = await fetch(`${server.url}${oneClickUrl.pathname}${oneClickUrl.search}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(await response.json()).toEqual({ ok: true, data: { stopped: true } });
  await sendAll(server, { kind: 'ticket', id: ticket.id }, { kind: 'ticket-called', ticketId: ticket.id, ticketCode: ticket.code, counterNumber: 3, counterName: null }, 'ticket-called:2', now());
  expect(mail.received).toHaveLength(1);
});

it('sends a booking confirmation with its calendar entry and manage link, and a cancellation that removes the entry', async () => {
  const { server, mail, now } = await start();
  const contact = await server.db.transaction(
    (tx) => addContact(tx, MAIN_OFFICE, { subjectKind: 'appointment', subjectId: 'appt-1', channel: 'email', address: 'booker@example.org', language: 'uk', keepUntil: now() + 86_400_000 }, now()),
    officeLock(MAIN_OFFICE),
  );
  expect(contact.channel).toBe('email');
  const slotStart = now() + 2 * 86_400_000;
  const booking = { appointmentId: 'appt-1', code: 'ACD347', serviceId: 'documents', slotStart, slotEnd: slotStart + 15 * 60_000 };
  await sendAll(server, { kind: 'appointment', id: 'appt-1' }, { kind: 'booking-confirmed', ...booking, manageToken: 'tok3n-for-the-manage-link' }, 'booking-confirmed', now());
  await waitFor(mail.received, 1);
  const confirmation = mail.received[0]!;
  expect(confirmation.subject).toMatch(/^Запис ACD347: /);
  expect(confirmation.text).toContain(`https://queue.example.org/book/manage/?office=${MAIN_OFFICE}#tok3n-for-the-manage-link`);
  const invite = calendarPart(confirmation);
  expect(invite).toContain('METHOD:REQUEST');
  expect(invite).toContain('UID:appt-1@talon');
  expect(invite).toContain(`DTSTART:${icsUtc(slotStart)}`);

  await sendAll(server, { kind: 'appointment', id: 'appt-1' }, { kind: 'booking-cancelled', ...booking }, 'booking-cancelled', now());
  await waitFor(mail.received, 2);
  const cancellation = mail.received[1]!;
  expect(cancellation.subject).toBe('Запис ACD347 скасовано');
  expect(calendarPart(cancellation)).toContain('METHOD:CANCEL');
  expect(calendarPart(cancellation)).toContain('STATUS:CANCELLED');
});

it('reminds of tomorrow’s booking at the office’s reminder hour, with its code, calendar entry and stop links', async () => {
  const { server, admin, mail, setNow } = await start();
  const { timeZone } = server.engine.currentConfig.office;
  // Asked before the clock moves on: the admin's session would have ended by then.
  const { reminderHour } = data(await call<MessageSettings>(server, officeApi('/channels/messages'), { token: admin }));
  // A Tuesday, so that Wednesday's slots are open whatever day the test runs on.
  const today = '2030-01-15';
  setNow(zonedToEpoch(today, '12:00', timeZone));
  const slotStart = zonedToEpoch(addDays(today, 1), '10:00', timeZone);
  const booking = { serviceId: 'documents', slotStart, name: 'Olga Kravets', phone: '+7 900 123 45 67', language: 'en', email: 'booker@example.org', notify: { email: true }, consent: true };
  const { code } = data(await call<BookingReceipt>(server, officeApi('/public/appointments'), { body: booking }));
  await server.talon.notify.dispatcher.settle();
  await waitFor(mail.received, 1);

  const office = server.talon.office(MAIN_OFFICE)!;
  const sweep = () => sweepBookingReminders({ db: server.db, officeId: MAIN_OFFICE, engine: office.engine, notify: office.notify });
  setNow(zonedToEpoch(today, reminderHour * 60, timeZone));
  expect(await sweep()).toBe(1);
  await server.talon.notify.dispatcher.settle();
  await waitFor(mail.received, 2);

  const reminder = mail.received[1]!;
  expect(reminder.to).toMatchObject({ text: 'booker@example.org' });
  expect(reminder.subject).toMatch(/^Reminder: .+, 10:00$/);
  expect(reminder.text).toContain(`Code ${code}.`);
  const invite = calendarPart(reminder);
  expect(invite).toContain('METHOD:REQUEST');
  expect(invite).toContain(`DTSTART:${icsUtc(slotStart)}`);
  const stopLink = /https:\/\/queue\.example\.org\/stop\/\?lang=en#([A-Za-z0-9_-]+)/.exec(reminder.text ?? '');
  expect(stopLink).not.toBeNull();
  const unsubscribe = reminder.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  expect(unsubscribe).toContain(`<https://queue.example.org/api/stop?t=${stopLink![1]}>`);
});

it('holds a booking e-mail during the office’s quiet hours, and sends it when they end', async () => {
  const { server, mail, now, setNow } = await start();
  const { timeZone } = server.engine.currentConfig.office;
  const today = localDate(now(), timeZone);
  setNow(zonedToEpoch(today, '23:30', timeZone));
  await server.db.transaction(
    (tx) => addContact(tx, MAIN_OFFICE, { subjectKind: 'appointment', subjectId: 'appt-2', channel: 'email', address: 'late@example.org', language: 'en', keepUntil: now() + 86_400_000 }, now()),
    officeLock(MAIN_OFFICE),
  );
  const slotStart = now() + 86_400_000;
  await sendAll(server, { kind: 'appointment', id: 'appt-2' }, { kind: 'booking-moved', appointmentId: 'appt-2', code: 'ACD349', serviceId: 'documents', slotStart, slotEnd: slotStart + 900_000 }, 'booking-moved:1', now());
  expect(mail.received).toHaveLength(0);
  const morning = zonedToEpoch(addDays(today, 1), '08:00', timeZone);
  expect(await server.db.read.get('SELECT status, next_attempt_at AS "nextAttemptAt", attempts FROM outbox')).toEqual({ status: 'pending', nextAttemptAt: morning, attempts: 0 });
  setNow(morning);
  await server.talon.notify.dispatcher.settle();
  await waitFor(mail.received, 1);
  expect(mail.received[0]!.subject).toMatch(/^Booking ACD349 moved: /);
});

it('sends a booking confirmation at once during the office’s quiet hours: the visitor has just booked and waits for it', async () => {
  const { server, mail, now, setNow } = await start();
  const { timeZone } = server.engine.currentConfig.office;
  setNow(zonedToEpoch(localDate(now(), timeZone), '23:30', timeZone));
  await server.db.transaction(
    (tx) => addContact(tx, MAIN_OFFICE, { subjectKind: 'appointment', subjectId: 'appt-3', channel: 'email', address: 'night@example.org', language: 'en', keepUntil: now() + 86_400_000 }, now()),
    officeLock(MAIN_OFFICE),
  );
  const slotStart = now() + 86_400_000;
  await sendAll(server, { kind: 'appointment', id: 'appt-3' }, { kind: 'booking-confirmed', appointmentId: 'appt-3', code: 'ACD350', serviceId: 'documents', slotStart, slotEnd: slotStart + 900_000, manageToken: 'tok3n-at-night' }, 'booking-confirmed', now());
  await waitFor(mail.received, 1);
  expect(mail.received[0]!.text).toContain('#tok3n-at-night');
  expect(await server.db.read.get('SELECT status, attempts FROM outbox')).toEqual({ status: 'sent', attempts: 1 });
});

it('sends the admin a test e-mail through the saved server', async () => {
  const { server, admin, mail } = await start();
  expect(data(await call(server, officeApi('/channels/mail/test'), { body: { to: 'admin@example.org' }, token: admin }))).toEqual({ sent: true });
  await waitFor(mail.received, 1);
  expect(mail.received[0]!.subject).toBe(translate(server.engine.currentConfig.office.defaultLanguage, 'messages.testSubject'));
});

function calendarPart(mail: ParsedMail): string {
  const part = mail.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
  if (!part) throw new Error('no calendar entry in the message');
  return part.content.toString('utf8');
}

/** 20261203T090000Z */
function icsUtc(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
