// One office's appointment book: booking, moving and cancelling visits, checking visitors in, and
// marking those who never came. A code names a booking within its office only. Every booking and
// move counts the slot's bookings and writes inside one write transaction, and transactions run one
// at a time, so no slot is ever overbooked however many people book at once. Check-ins run one at a
// time too, so a code checked in twice gets one ticket. Every booking gets a manage token for its
// visitor (kept only as its SHA-256); the notices of a change are written in the change's own
// transaction, and the staff hear of it only after it committed. The settings are kept in memory: a
// node that saves them tells the other nodes (settingsSaved), and each of those reloads them from
// the database (reloadSettings), so every node books and sweeps no-shows by the same rules.
import { createHash, randomBytes } from 'node:crypto';
import {
  appointmentSettingsSchema,
  type Appointment,
  type AppointmentSettings,
  type BookAppointmentInput,
  type BookingInfo,
  type CheckInResult,
  type LocalDate,
  type ManageBookingInput,
  type MoveAppointmentInput,
  type SlotView,
  type Ticket,
  type OfficeId,
} from '../../common/protocol';
import { appointmentCode, isAppointmentCode, normalizeAppointmentCode } from '../../common/appointment-codes';
import { bookableDays, bookableServices, serviceSlots } from '../domain/booking';
import { checkInDecision, isNoShow, issueCheckInTicket, type CheckInRules } from '../domain/check-in';
import { canBook, type Slot } from '../domain/slots';
import { localDate } from '../../common/time/calendar';
import type { QueueEngine, Who } from '../engine/queue-engine';
import { fail } from '../http/respond';
import { NO_APPOINTMENT_NOTICES, type AppointmentNotices } from '../notify/appointment-notices';
import * as store from '../store/appointments-store';
import type { Database, Queryable } from '../store/database';
import { officeLock } from '../store/office-lock';
import { actorLabel, findTicket } from '../store/queue-store';

/** Who books: staff may take any slot still ahead; the public page keeps a lead time and a per-phone cap. */
export type Audience = 'staff' | 'public';

/** Who cancels: the visitor from the manage page, or a member of staff (stored as 'user:<id>'). */
export type Canceller = 'visitor' | Who;

/** A booking just made, and the token of its manage link: returned this once, stored only hashed. */
export interface Booked {
  appointment: Appointment;
  manageToken: string;
}

export type AppointmentQuery = { day: LocalDate } | { phone: string } | { code: string };

export interface AppointmentBookDeps {
  db: Database;
  /** The office whose bookings this book holds; its engine is that office's queue. */
  officeId: OfficeId;
  engine: QueueEngine;
  newId: () => string;
  /** Random bytes for booking codes; tests may pass their own. */
  randomByte?: () => number;
  /** Messages to the visitor about a change, written inside its transaction; none by default. */
  notices?: AppointmentNotices;
  /** Told after a change committed, with the days whose bookings changed (the staff's live views). */
  changed?: (days: LocalDate[]) => void;
  /** Told after this node saved the settings (the other nodes hear of it on the cluster bus). */
  settingsSaved?: () => void;
}

// A collision is one in millions; retrying a few times makes giving up practically impossible.
const CODE_ATTEMPTS = 10;

function cryptoByte(): number {
  return randomBytes(1)[0]!;
}

const MANAGE_TOKEN_BYTES = 16;

export function manageTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** People write their number with or without the country code: the shorter must end the longer. */
function samePhone(stored: string, given: string): boolean {
  const [a, b] = [store.phoneDigits(stored), store.phoneDigits(given)];
  return a.length >= b.length ? a.endsWith(b) : b.endsWith(a);
}

export class AppointmentBook {
  private checkInTail: Promise<unknown> = Promise.resolve();
  // Saves and reloads one at a time: a reload that read the settings before this node's save must
  // not overwrite the saved ones after it.
  private settingsTail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly deps: AppointmentBookDeps,
    private settings: AppointmentSettings,
  ) {}

  static async load(deps: AppointmentBookDeps): Promise<AppointmentBook> {
    return new AppointmentBook(deps, await store.loadAppointmentSettings(deps.db.read, deps.officeId));
  }

  get currentSettings(): AppointmentSettings {
    return this.settings;
  }

  async saveSettings(settings: AppointmentSettings): Promise<AppointmentSettings> {
    const valid = appointmentSettingsSchema.parse(settings) as AppointmentSettings;
    await this.serially(async () => {
      await this.deps.db.transaction((tx) => store.saveAppointmentSettings(tx, this.deps.officeId, valid, this.deps.engine.now()), officeLock(this.deps.officeId));
      this.settings = valid;
    });
    this.deps.settingsSaved?.();
    return valid;
  }

  /** Another node saved the settings: this node's book adopts what is stored now. */
  reloadSettings(): Promise<void> {
    return this.serially(async () => {
      this.settings = await store.loadAppointmentSettings(this.deps.db.read, this.deps.officeId);
    });
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const result = this.settingsTail.then(work, work);
    this.settingsTail = result.catch(() => undefined);
    return result;
  }

  /** What the booking page needs; the channels offered are the notices' business (public-booking-routes.ts adds them). */
  info(): Omit<BookingInfo, 'channels'> {
    const config = this.deps.engine.currentConfig;
    const { name, timeZone, languages, defaultLanguage } = config.office;
    return {
      office: { name, timeZone, languages, defaultLanguage },
      services: bookableServices(config, this.settings).map((s) => ({ id: s.id, name: s.name, slotMinutes: s.expectedServiceMinutes })),
      days: bookableDays(config, this.settings, this.today()),
    };
  }

  async slots(serviceId: string, date: LocalDate, audience: Audience): Promise<SlotView[]> {
    const slots = await this.slotsOn(this.deps.db.read, serviceId, date, audience);
    return slots.map(({ start, end, free }) => ({ start, end, free }));
  }

  async book(input: BookAppointmentInput, who: Who, audience: Audience): Promise<Booked> {
    const { engine, db, officeId } = this.deps;
    const service = engine.currentConfig.services.get(input.serviceId);
    if (!service) fail('not-found', `No service ${input.serviceId}`);
    if (!service.active) fail('service-inactive', 'This service is not available');
    const manageToken = randomBytes(MANAGE_TOKEN_BYTES).toString('base64url');
    const booked = await db.transaction(async (tx) => {
      const now = engine.now();
      if (audience === 'public' && (await store.heldByPhone(tx, officeId, input.phone, now)) >= this.settings.publicBookingsPerPhone) {
        fail('conflict', 'This phone number already holds as many bookings as allowed', { reason: 'phone-limit' });
      }
      const slot = await this.freeSlot(tx, input.serviceId, input.slotStart, audience);
      const appointment: Appointment = {
        id: this.deps.newId(),
        code: await this.freshCode(tx),
        serviceId: input.serviceId,
        day: this.dayOf(slot.start),
        slotStart: slot.start,
        slotEnd: slot.end,
        name: input.name,
        phone: input.phone,
        language: input.language ?? engine.currentConfig.office.defaultLanguage,
        status: 'booked',
        ticketId: null,
        checkedInAt: null,
        createdAt: now,
        createdBy: actorLabel(who.actor),
        cancelledBy: null,
        cancelledAt: null,
      };
      await store.insertAppointment(tx, officeId, appointment, manageTokenHash(manageToken), now);
      await this.notices.changed(tx, appointment, 'booked', now, { ...input, manageToken });
      return appointment;
    }, officeLock(officeId));
    this.committed(booked.day);
    return { appointment: booked, manageToken };
  }

  /** Staff may move to any service and any time ahead; the visitor keeps the service and the public lead time. */
  async move(id: string, input: MoveAppointmentInput, audience: Audience = 'staff'): Promise<Appointment> {
    const { before, moved } = await this.deps.db.transaction(async (tx) => {
      const now = this.deps.engine.now();
      const appointment = await this.booked(tx, id);
      const serviceId = input.serviceId ?? appointment.serviceId;
      const slot = await this.freeSlot(tx, serviceId, input.slotStart, audience, appointment.id);
      const moved = { ...appointment, serviceId, day: this.dayOf(slot.start), slotStart: slot.start, slotEnd: slot.end };
      await store.reschedule(tx, this.deps.officeId, id, moved, now);
      await this.notices.changed(tx, moved, 'moved', now);
      return { before: appointment, moved };
    }, officeLock(this.deps.officeId));
    this.committed(before.day, moved.day);
    return moved;
  }

  /** Cancelling twice is harmless: the second answers the booking as the first left it. */
  async cancel(id: string, by: Canceller): Promise<Appointment> {
    const { cancelled, changed } = await this.deps.db.transaction(async (tx) => {
      const found = await store.appointmentById(tx, this.deps.officeId, id);
      if (found?.status === 'cancelled') return { cancelled: found, changed: false };
      const booked = await this.booked(tx, id);
      const now = this.deps.engine.now();
      const cancelledBy = by === 'visitor' ? 'visitor' : actorLabel(by.actor);
      await store.cancelBooked(tx, this.deps.officeId, id, cancelledBy, now);
      const cancelled: Appointment = { ...booked, status: 'cancelled', cancelledBy, cancelledAt: now };
      await this.notices.changed(tx, cancelled, 'cancelled', now);
      return { cancelled, changed: true };
    }, officeLock(this.deps.officeId));
    if (changed) this.committed(cancelled.day);
    return cancelled;
  }

  /** The booking a visitor names by its link's token, or by its code and their phone number; null when none matches. */
  async findManaged(input: ManageBookingInput): Promise<Appointment | null> {
    const { db, officeId } = this.deps;
    if ('token' in input) return store.appointmentByManageToken(db.read, officeId, manageTokenHash(input.token));
    const code = normalizeAppointmentCode(input.code);
    const found = isAppointmentCode(code) ? await store.appointmentByCode(db.read, officeId, code) : null;
    return found && samePhone(found.phone, input.phone) ? found : null;
  }

  async byId(id: string): Promise<Appointment> {
    const appointment = await store.appointmentById(this.deps.db.read, this.deps.officeId, id);
    if (!appointment) fail('not-found', 'No such booking');
    return appointment;
  }

  async find(query: AppointmentQuery): Promise<Appointment[]> {
    const { db, officeId } = this.deps;
    if ('day' in query) return store.appointmentsOnDay(db.read, officeId, query.day);
    if ('phone' in query) return store.appointmentsByPhone(db.read, officeId, query.phone);
    const found = await store.appointmentByCode(db.read, officeId, normalizeAppointmentCode(query.code));
    return found ? [found] : [];
  }

  /** Gives the visitor with this code their ticket (the same one every time), or says why not. */
  checkIn(code: string, who: Who): Promise<CheckInResult> {
    const run = () => this.checkInNow(code, who);
    const result = this.checkInTail.then(run, run);
    this.checkInTail = result.catch(() => undefined);
    return result;
  }

  /** Marks booked visitors who never came; returns how many. Runs at startup and every minute. */
  async sweepNoShows(): Promise<number> {
    const { db, officeId, engine } = this.deps;
    const now = engine.now();
    const missed = (await store.awaitedSince(db.read, officeId, now)).filter((a) => isNoShow(a, this.settings.checkInGraceMinutes, now));
    if (missed.length === 0) return 0;
    return db.transaction(async (tx) => {
      let marked = 0;
      // Only from 'booked': a visitor who checked in meanwhile keeps their check-in.
      for (const a of missed) if (await store.changeStatus(tx, officeId, a.id, 'booked', 'no-show', now)) marked++;
      return marked;
    }, officeLock(officeId)).then((marked) => {
      if (marked > 0) this.told(...missed.map((a) => a.day));
      return marked;
    });
  }

  private async checkInNow(rawCode: string, who: Who): Promise<CheckInResult> {
    const { db, officeId, engine } = this.deps;
    const code = normalizeAppointmentCode(rawCode);
    const appointment = isAppointmentCode(code) ? await store.appointmentByCode(db.read, officeId, code) : null;
    if (!appointment) fail('not-found', 'No booking has this code');
    const decision = checkInDecision(appointment, this.checkInRules(), engine.now());
    switch (decision.kind) {
      case 'already-checked-in': {
        const ticket = await this.ticket(appointment.ticketId);
        return { ticket, as: ticket.priority.kind === 'booked' ? 'booked' : 'walk-in', repeated: true, slotStart: appointment.slotStart };
      }
      case 'cancelled':
        return fail('conflict', 'This booking was cancelled', { reason: 'cancelled' });
      case 'too-early':
        return fail('not-due-yet', 'Check-in for this booking has not opened yet', { opensAt: decision.opensAt });
      case 'too-late':
        return fail('conflict', 'The booked time has passed', { reason: 'late', lateMinutes: decision.lateMinutes });
      case 'booked':
      case 'walk-in': {
        const as = decision.kind;
        const issued = await engine.execute(who, (state, config, ctx) => issueCheckInTicket(state, config, appointment, as, ctx));
        await db.transaction((tx) => store.recordCheckIn(tx, officeId, appointment.id, issued.ticket.id, engine.now()), officeLock(officeId));
        this.told(appointment.day);
        return { ticket: issued.ticket, as, repeated: issued.repeated, slotStart: appointment.slotStart };
      }
    }
  }

  private get notices(): AppointmentNotices {
    return this.deps.notices ?? NO_APPOINTMENT_NOTICES;
  }

  private told(...days: LocalDate[]): void {
    this.deps.changed?.([...new Set(days)]);
  }

  /** After a change that wrote notices: they may go now, and the staff hear of it. */
  private committed(...days: LocalDate[]): void {
    this.notices.committed();
    this.told(...days);
  }

  private checkInRules(): CheckInRules {
    const s = this.settings;
    return { earlyMinutes: s.checkInEarlyMinutes, graceMinutes: s.checkInGraceMinutes, lateArrival: s.lateArrival };
  }

  private async ticket(ticketId: string | null): Promise<Ticket> {
    const ticket = (ticketId && (this.deps.engine.currentState.tickets.get(ticketId) ?? (await findTicket(this.deps.db, this.deps.officeId, ticketId)))) || null;
    if (!ticket) fail('internal', 'The booking was checked in but its ticket is missing');
    return ticket;
  }

  private today(): LocalDate {
    return this.dayOf(this.deps.engine.now());
  }

  private dayOf(instant: number): LocalDate {
    return localDate(instant, this.deps.engine.currentConfig.office.timeZone);
  }

  private async slotsOn(q: Queryable, serviceId: string, date: LocalDate, audience: Audience, exceptId?: string): Promise<Slot[]> {
    return serviceSlots(this.deps.engine.currentConfig, this.settings, {
      serviceId,
      date,
      today: this.today(),
      booked: await store.bookedCounts(q, this.deps.officeId, serviceId, date, exceptId),
      now: this.deps.engine.now(),
      leadMinutes: audience === 'public' ? this.settings.publicLeadMinutes : 0,
    });
  }

  /** The slot starting at `start` with room for one more; counted inside the caller's write transaction. */
  private async freeSlot(tx: Queryable, serviceId: string, start: number, audience: Audience, exceptId?: string): Promise<Slot> {
    const slot = (await this.slotsOn(tx, serviceId, this.dayOf(start), audience, exceptId)).find((s) => s.start === start);
    if (!slot) fail('not-found', 'No bookable slot starts at that time');
    if (!canBook(slot)) fail('slot-full', 'This slot is fully booked; choose another time');
    return slot;
  }

  private async booked(tx: Queryable, id: string): Promise<Appointment> {
    const appointment = await store.appointmentById(tx, this.deps.officeId, id);
    if (!appointment) fail('not-found', 'No such booking');
    if (appointment.status !== 'booked') fail('conflict', `The booking is ${appointment.status}; only a booked visit can change`, { status: appointment.status });
    return appointment;
  }

  private async freshCode(tx: Queryable): Promise<string> {
    const randomByte = this.deps.randomByte ?? cryptoByte;
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const code = appointmentCode(randomByte);
      if (!(await store.codeTaken(tx, this.deps.officeId, code))) return code;
    }
    return fail('internal', 'Could not find a free booking code');
  }
}
