// What each audience may see of the queue. Staff get everything. Whoever holds a ticket's id (its
// visitor, through the printed QR or the live page's link; the kiosk that issued it) sees it without
// staff comments, who granted what, or the phone's id. Everyone else (the hall, anyone on the
// internet) never sees an id at all: the id is the visitor's only secret — it lets them add an SMS or
// e-mail contact to the ticket — so the public payloads name each ticket by `ticketRef(id)` instead.
import { createHash } from 'node:crypto';
import type { CallRecord, CounterState, DeviceKind, QueueEvent, QueueSnapshot, Ticket } from '../../common/protocol';
import type { Principal } from '../auth/principal';
import { isStaff } from '../auth/permissions';

/** Staff; devices that issue or print tickets (they know the ids anyway); the hall and everyone else. */
export type Audience = 'staff' | 'ticket-devices' | 'public';

export const AUDIENCES: readonly Audience[] = ['staff', 'ticket-devices', 'public'];

/** A kiosk follows the print state of the ticket it just issued by its id; a hall display needs none. */
const TICKET_DEVICES: readonly DeviceKind[] = ['kiosk', 'print-agent'];

export function audienceOf(principal: Principal): Audience {
  if (isStaff(principal)) return 'staff';
  if (principal.kind === 'device' && TICKET_DEVICES.includes(principal.device.kind)) return 'ticket-devices';
  return 'public';
}

/**
 * The ticket's name in public payloads: stable, unique enough for a day's tickets (96 bits), and
 * only computable by someone who already holds the id.
 */
export function ticketRef(ticketId: string): string {
  return createHash('sha256').update(`talon-ticket-ref:${ticketId}`).digest('base64url').slice(0, 16);
}

/** The ticket as its holder sees it. */
export function visitorTicket(ticket: Ticket): Ticket {
  const priority = ticket.priority.kind === 'category' ? { ...ticket.priority, grantedBy: '', reason: '' } : ticket.priority;
  const { request: _private, phoneId: _phone, ...rest } = ticket;
  return { ...rest, comment: null, priority };
}

function publicTicket(ticket: Ticket): Ticket {
  return { ...visitorTicket(ticket), id: ticketRef(ticket.id) };
}

function publicCounter(state: CounterState): CounterState {
  return state.ticketId ? { ...state, ticketId: ticketRef(state.ticketId) } : state;
}

function publicCall(call: CallRecord): CallRecord {
  return { ...call, ticketId: ticketRef(call.ticketId) };
}

export function eventFor(audience: Audience, event: QueueEvent): QueueEvent {
  if (audience === 'staff') return event;
  const redact = audience === 'public' ? publicTicket : visitorTicket;
  return {
    ...event,
    ...(event.ticket ? { ticket: redact(event.ticket) } : {}),
    ...(event.counter && audience === 'public' ? { counter: publicCounter(event.counter) } : {}),
  };
}

export function snapshotFor(audience: Audience, snapshot: QueueSnapshot): QueueSnapshot {
  if (audience === 'staff') return snapshot;
  if (audience === 'ticket-devices') return { ...snapshot, tickets: snapshot.tickets.map(visitorTicket) };
  return {
    ...snapshot,
    tickets: snapshot.tickets.map(publicTicket),
    counterStates: snapshot.counterStates.map(publicCounter),
    recentCalls: snapshot.recentCalls.map(publicCall),
  };
}
