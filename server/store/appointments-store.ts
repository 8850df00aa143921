// The appointments table and the appointment settings document, one office's at a time: every
// function takes the office right after the query handle, and booking codes are unique per office.
// snake_case rows are mapped to `Appointment` here and nowhere else. Writes take the caller's
// transaction, so a capacity check and the booking it allows are one atomic step.
import {
  DEFAULT_APPOINTMENT_SETTINGS,
  storedAppointmentSettingsSchema,
  type Appointment,
  type AppointmentSettings,
  type AppointmentStatus,
  type Lang,
  type LocalDate,
  type OfficeId,
} from '../../common/protocol';
import type { Queryable } from './database';

interface AppointmentRow {
  id: string;
  code: string;
  service_id: string;
  day: string;
  slot_start: number;
  slot_end: number;
  name: string;
  phone: string;
  language: string;
  status: AppointmentStatus;
  ticket_id: string | null;
  checked_in_at: number | null;
  created_at: number;
  created_by: string;
  cancelled_by: string | null;
  cancelled_at: number | null;
  cancelled_by_name: string | null;
}

function fromRow(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    code: row.code,
    serviceId: row.service_id,
    day: row.day,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    name: row.name,
    phone: row.phone,
    language: row.language as Lang,
    status: row.status,
    ticketId: row.ticket_id,
    checkedInAt: row.checked_in_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
    cancelledBy: row.cancelled_by,
    cancelledAt: row.cancelled_at,
    ...(row.cancelled_by_name !== null ? { cancelledByName: row.cancelled_by_name } : {}),
  };
}

export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

// Who cancelled, by name for the staff's lists: 'user:<id>' is looked up in the people's list.
const SELECT = "SELECT *, (SELECT name FROM users WHERE 'user:' || users.id = appointments.cancelled_by) AS cancelled_by_name FROM appointments WHERE office_id = ?";
// The newest bookings a search returns: a day of a busy office, or a phone's whole history, fits.
const SEARCH_LIMIT = 500;

/** Bookings that hold a place, per slot start, for one service on one day. */
export async function bookedCounts(q: Queryable, officeId: OfficeId, serviceId: string, day: LocalDate, exceptId?: string): Promise<Map<number, number>> {
  const rows = await q.all<{ slot_start: number; n: number }>(
    `SELECT slot_start, COUNT(*) AS n FROM appointments
     WHERE office_id = ? AND service_id = ? AND day = ? AND status <> 'cancelled' AND id <> ? GROUP BY slot_start`,
    [officeId, serviceId, day, exceptId ?? ''],
  );
  return new Map(rows.map((r) => [r.slot_start, r.n]));
}

/** `manageTokenHash`: the SHA-256 (hex) of the visitor's manage link token; the token itself is never stored. */
export async function insertAppointment(tx: Queryable, officeId: OfficeId, a: Appointment, manageTokenHash: string, now: number): Promise<void> {
  await tx.run(
    `INSERT INTO appointments (office_id, id, code, service_id, day, slot_start, slot_end, name, phone, phone_digits, language, status,
       ticket_id, checked_in_at, created_at, created_by, updated_at, manage_token_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [officeId, a.id, a.code, a.serviceId, a.day, a.slotStart, a.slotEnd, a.name, a.phone, phoneDigits(a.phone), a.language, a.status, a.ticketId, a.checkedInAt, a.createdAt, a.createdBy, now, manageTokenHash],
  );
}

export async function codeTaken(q: Queryable, officeId: OfficeId, code: string): Promise<boolean> {
  return (await q.get('SELECT 1 FROM appointments WHERE office_id = ? AND code = ?', [officeId, code])) !== undefined;
}

export async function appointmentById(q: Queryable, officeId: OfficeId, id: string): Promise<Appointment | null> {
  const row = await q.get<AppointmentRow>(`${SELECT} AND id = ?`, [officeId, id]);
  return row ? fromRow(row) : null;
}

export async function appointmentByManageToken(q: Queryable, officeId: OfficeId, manageTokenHash: string): Promise<Appointment | null> {
  const row = await q.get<AppointmentRow>(`${SELECT} AND manage_token_hash = ?`, [officeId, manageTokenHash]);
  return row ? fromRow(row) : null;
}

export async function appointmentByCode(q: Queryable, officeId: OfficeId, code: string): Promise<Appointment | null> {
  const row = await q.get<AppointmentRow>(`${SELECT} AND code = ?`, [officeId, code]);
  return row ? fromRow(row) : null;
}

export async function appointmentsOnDay(q: Queryable, officeId: OfficeId, day: LocalDate): Promise<Appointment[]> {
  return (await q.all<AppointmentRow>(`${SELECT} AND day = ? ORDER BY slot_start, created_at, id LIMIT ${SEARCH_LIMIT}`, [officeId, day])).map(fromRow);
}

/** Bookings whose phone ends with these digits (people leave out or add the country code). */
export async function appointmentsByPhone(q: Queryable, officeId: OfficeId, phone: string): Promise<Appointment[]> {
  const rows = await q.all<AppointmentRow>(`${SELECT} AND phone_digits LIKE ? ORDER BY slot_start DESC, id DESC LIMIT ${SEARCH_LIMIT}`, [
    officeId,
    `%${phoneDigits(phone)}`,
  ]);
  return rows.map(fromRow);
}

/** Future bookings still held by a phone number in this office (the public cap is per office). */
export async function heldByPhone(q: Queryable, officeId: OfficeId, phone: string, now: number): Promise<number> {
  const row = await q.get<{ n: number }>(
    "SELECT COUNT(*) AS n FROM appointments WHERE office_id = ? AND phone_digits = ? AND status = 'booked' AND slot_end > ?",
    [officeId, phoneDigits(phone), now],
  );
  return row?.n ?? 0;
}

export async function reschedule(
  tx: Queryable,
  officeId: OfficeId,
  id: string,
  to: Pick<Appointment, 'serviceId' | 'day' | 'slotStart' | 'slotEnd'>,
  now: number,
): Promise<void> {
  await tx.run('UPDATE appointments SET service_id = ?, day = ?, slot_start = ?, slot_end = ?, updated_at = ? WHERE office_id = ? AND id = ?', [
    to.serviceId,
    to.day,
    to.slotStart,
    to.slotEnd,
    now,
    officeId,
    id,
  ]);
}

/** Moves a booking from one status to another; false when it was no longer in `from` (someone was quicker). */
export async function changeStatus(tx: Queryable, officeId: OfficeId, id: string, from: AppointmentStatus, to: AppointmentStatus, now: number): Promise<boolean> {
  const { changes } = await tx.run('UPDATE appointments SET status = ?, updated_at = ? WHERE office_id = ? AND id = ? AND status = ?', [to, now, officeId, id, from]);
  return changes > 0;
}

/** Cancels a booking still booked, saying who and when; false when it was no longer booked. */
export async function cancelBooked(tx: Queryable, officeId: OfficeId, id: string, by: string, now: number): Promise<boolean> {
  const { changes } = await tx.run(
    "UPDATE appointments SET status = 'cancelled', cancelled_by = ?, cancelled_at = ?, updated_at = ? WHERE office_id = ? AND id = ? AND status = 'booked'",
    [by, now, now, officeId, id],
  );
  return changes > 0;
}

export async function recordCheckIn(tx: Queryable, officeId: OfficeId, id: string, ticketId: string, now: number): Promise<void> {
  await tx.run("UPDATE appointments SET status = 'checked-in', ticket_id = ?, checked_in_at = ?, updated_at = ? WHERE office_id = ? AND id = ?", [
    ticketId,
    now,
    now,
    officeId,
    id,
  ]);
}

/** Booked visitors whose slot has begun: the candidates for a no-show. */
export async function awaitedSince(q: Queryable, officeId: OfficeId, now: number): Promise<Appointment[]> {
  return (await q.all<AppointmentRow>(`${SELECT} AND status = 'booked' AND slot_start <= ? ORDER BY slot_start, id`, [officeId, now])).map(fromRow);
}

export async function loadAppointmentSettings(q: Queryable, officeId: OfficeId): Promise<AppointmentSettings> {
  const row = await q.get<{ data: string }>('SELECT data FROM appointment_settings WHERE office_id = ?', [officeId]);
  return row ? (storedAppointmentSettingsSchema.parse(JSON.parse(row.data)) as AppointmentSettings) : DEFAULT_APPOINTMENT_SETTINGS;
}

export async function saveAppointmentSettings(tx: Queryable, officeId: OfficeId, settings: AppointmentSettings, now: number): Promise<void> {
  await tx.run(
    `INSERT INTO appointment_settings (office_id, data, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (office_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    [officeId, JSON.stringify(settings), now],
  );
}
