// Appointment slots for one service on one date: the office's open periods cut into slots of the
// service's expected duration, each with room for the booths that serve it minus a share kept for
// walk-ins. A slot is never offered, and never booked, beyond that room.
import type { LocalDate, OfficeSchedule } from '../../common/protocol';
import { openPeriods } from './schedule';

const MINUTE = 60_000;
// floor(10 × (1 − 0.9)) must be 1, but binary floating point gives 0.9999999999999998 and would
// round it down to 0; this tolerance is far below any meaningful fraction of a booth.
const ROUNDING_TOLERANCE = 1e-9;

export interface Slot {
  start: number;
  end: number;
  capacity: number;
  booked: number;
  free: number;
}

export interface SlotRequest {
  schedule: OfficeSchedule;
  timeZone: string;
  date: LocalDate;
  /** Length of one slot: the service's expected duration. */
  slotMinutes: number;
  /** How many booths serve the service. */
  countersServing: number;
  /** Share of each slot's room kept for walk-ins, 0–1. */
  walkInShare: number;
  /** Bookings already made, by slot start. */
  booked: ReadonlyMap<number, number>;
  now: number;
  /** Slots starting sooner than this after `now` are no longer offered. */
  minLeadMinutes: number;
}

/** Visitors that may book one slot: the serving booths minus the walk-in share, rounded down. */
export function slotCapacity(countersServing: number, walkInShare: number): number {
  const share = Math.min(1, Math.max(0, walkInShare));
  return Math.max(0, Math.floor(countersServing * (1 - share) + ROUNDING_TOLERANCE));
}

/** The bookable slots of a date, in time order. Slots never overlap a break or run past closing. */
export function computeSlots(request: SlotRequest): Slot[] {
  const { schedule, timeZone, date, slotMinutes, booked, now, minLeadMinutes } = request;
  if (!(slotMinutes > 0)) throw new RangeError(`Slot length must be positive, got ${slotMinutes}`);
  const length = slotMinutes * MINUTE;
  const earliest = now + minLeadMinutes * MINUTE;
  const capacity = slotCapacity(request.countersServing, request.walkInShare);
  const slots: Slot[] = [];
  for (const period of openPeriods(schedule, date, timeZone)) {
    for (let start = period.start; start + length <= period.end; start += length) {
      if (start < earliest) continue;
      const taken = booked.get(start) ?? 0;
      slots.push({ start, end: start + length, capacity, booked: taken, free: Math.max(0, capacity - taken) });
    }
  }
  return slots;
}

/** Whether one more visitor fits in the slot. Check it in the same step that records the booking. */
export function canBook(slot: Pick<Slot, 'capacity' | 'booked'>): boolean {
  return slot.booked < slot.capacity;
}
