// Checking in a booked visitor: whether the arrival time allows it, and the ticket it gives. Early
// arrivals get a booked ticket and are called at their time (call-order.ts); after the grace period
// the office's policy decides: a walk-in ticket or a refusal. A code checked in twice gets its first
// ticket back, never a second one.
import type { Appointment, LateArrivalPolicy, Ticket } from '../../common/protocol';
import { failure, success, type Outcome } from './outcome';
import type { CommandContext, QueueConfig, QueueState } from './state';
import { issueTicket } from './ticket-commands';

const MINUTE = 60_000;

export interface CheckInRules {
  earlyMinutes: number;
  graceMinutes: number;
  lateArrival: LateArrivalPolicy;
}

export type CheckInDecision =
  | { kind: 'booked' }
  | { kind: 'walk-in'; lateMinutes: number }
  | { kind: 'already-checked-in' }
  | { kind: 'cancelled' }
  | { kind: 'too-early'; opensAt: number }
  | { kind: 'too-late'; lateMinutes: number };

type Timing = Pick<Appointment, 'status' | 'slotStart' | 'slotEnd'>;

/** When a booked visitor who has not come counts as a no-show: the later of slot end and grace end. */
export function noShowAt(appointment: Pick<Appointment, 'slotStart' | 'slotEnd'>, graceMinutes: number): number {
  return Math.max(appointment.slotEnd, appointment.slotStart + graceMinutes * MINUTE);
}

export function isNoShow(appointment: Timing, graceMinutes: number, now: number): boolean {
  return appointment.status === 'booked' && now >= noShowAt(appointment, graceMinutes);
}

export function checkInDecision(appointment: Timing, rules: CheckInRules, now: number): CheckInDecision {
  if (appointment.status === 'checked-in') return { kind: 'already-checked-in' };
  if (appointment.status === 'cancelled') return { kind: 'cancelled' };
  const opensAt = appointment.slotStart - rules.earlyMinutes * MINUTE;
  if (now < opensAt) return { kind: 'too-early', opensAt };
  // A visitor marked no-show by the sweep is past the grace period by definition, so late rules apply.
  if (appointment.status === 'booked' && now <= appointment.slotStart + rules.graceMinutes * MINUTE) return { kind: 'booked' };
  const lateMinutes = Math.floor((now - appointment.slotStart) / MINUTE);
  return rules.lateArrival === 'walk-in' ? { kind: 'walk-in', lateMinutes } : { kind: 'too-late', lateMinutes };
}

export interface CheckInTicket {
  ticket: Ticket;
  repeated: boolean;
}

/**
 * Issues the check-in ticket: booked priority on time, an ordinary ticket when late. A booked
 * ticket already open for the appointment is handed back unchanged, so a check-in repeated after a
 * crash between issuing and recording it still yields one ticket.
 */
export function issueCheckInTicket(
  state: QueueState,
  config: QueueConfig,
  appointment: Pick<Appointment, 'id' | 'serviceId' | 'slotStart' | 'language'>,
  as: 'booked' | 'walk-in',
  ctx: CommandContext,
): Outcome<CheckInTicket> {
  const open = [...state.tickets.values()].find((t) => t.priority.kind === 'booked' && t.priority.appointmentId === appointment.id);
  if (open) return success(state, [], { ticket: open, repeated: true });
  const booked = as === 'booked';
  const issued = issueTicket(
    state,
    config,
    {
      serviceId: appointment.serviceId,
      language: appointment.language,
      source: 'appointment',
      ...(booked ? { priority: { kind: 'booked', appointmentId: appointment.id, slotStart: appointment.slotStart } } : {}),
      // The booking promised this slot; only a late visitor joins the walk-ins under the kiosk's hours.
      ignoreHours: booked,
      // Checked in at a kiosk: the visitor takes a paper ticket like everyone else.
      print: ctx.actor.kind === 'device' && ctx.actor.deviceKind === 'kiosk',
    },
    ctx,
  );
  return issued.ok ? { ...issued, value: { ticket: issued.value, repeated: false } } : failure(issued.error);
}
