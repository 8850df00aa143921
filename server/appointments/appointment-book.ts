// One office's appointment book: booking, moving and cancelling visits, checking visitors in, and
// marking those who never came. A code names a booking within its office only. Every booking and
// move counts the slot's bookings and writes inside one write transaction, and transactions run one
// at a time, so no slot is ever overbooked however many people book at once. Check-ins run one at a
// time too, so a code checked in twice gets one ticket.
import { randomBytes } from 'node:crypto';
import {
  appointmentSettingsSchema,
  type Appointment,
  type AppointmentSettings,
  type BookAppointmentInput,
  type BookingInfo,
  type CheckInResult,
  type LocalDate,
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
import * as store from '../store/appointments-store';
import type { Database, Queryable } from '../store/database';
import { officeLock } from '../store/office-lock';
import { actorLabel, findTicket } from '../store/queue-store';

/** Who books: staff may take any slot still ahead; the public page keeps a lead time and a per-phone cap. */
export type Audience = 'staff' | 'public';

export type AppointmentQuery = { day: LocalDate } | { phone: string } | { code: string };

export interface AppointmentBookDeps {
  db: Database;
  /** The office whose bookings this book holds; its engine is that office's queue. */
  officeId: OfficeId;
  engine: QueueEngine;
  newId: () => string;
  /** Random bytes for booking codes; tests may pass their own. */
  randomByte?: () => number;
}

// A collision is one in millions; retrying a few times makes giving up practically impossible.
const CODE_ATTEMPTS = 10;

function cryptoByte(): number {
  return randomBytes(1)[0]!;
}

export class AppointmentBook {
  private checkInTail: Promise<unknown> = Promise.resolve();

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
    await this.deps.db.transaction((tx) => store.saveAppointmentSettings(tx, this.deps.officeId, valid, this.deps.engine.now()), officeLock(this.deps.officeId));
    this.settings = valid;
    return valid;
  }

  info(): BookingInfo {
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

  book(input: BookAppointmentInput, who: Who, audience: Audience): Promise<Appointment> {
    const { engine, db, officeId } = this.deps;
    const service = engine.currentConfig.services.get(input.serviceId);
    if (!service) fail('not-found', `No service ${input.serviceId}`);
    if (!service.active) fail('service-inactive', 'This service is not available');
    return db.transaction(async (tx) => {
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
      };
      await store.insertAppointment(tx, officeId, appointment, now);
      return appointment;
    }, officeLock(officeId));
  }

  move(id: string, input: MoveAppointmentInput): Promise<Appointment> {
    return this.deps.db.transaction(async (tx) => {
      const appointment = await this.booked(tx, id);
      const serviceId = input.serviceId ?? appointment.serviceId;
      const slot = await this.freeSlot(tx, serviceId, input.slotStart, 'staff', appointment.id);
      const moved = { ...appointment, serviceId, day: this.dayOf(slot.start), slotStart: slot.start, slotEnd: slot.end };
      await store.reschedule(tx, this.deps.officeId, id, moved, this.deps.engine.now());
      return moved;
    }, officeLock(this.deps.officeId));
  }

  cancel(id: string): Promise<Appointment> {
    return this.deps.db.transaction(async (tx) => {
      const found = await store.appointmentById(tx, this.deps.officeId, id);
      if (found?.status === 'cancelled') return found;
      const booked = await this.booked(tx, id);
      await store.changeStatus(tx, this.deps.officeId, id, 'booked', 'cancelled', this.deps.engine.now());
      return { ...booked, status: 'cancelled' };
    }, officeLock(this.deps.officeId));
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
    }, officeLock(officeId));
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
        return { ticket: issued.ticket, as, repeated: issued.repeated, slotStart: appointment.slotStart };
      }
    }
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
