// What each audience may see of the queue. Staff get everything. Whoever holds a ticket's id (its
// visitor, through the printed QR or the live page's link; the kiosk that issued it) sees it without
// staff comments, who granted what, or the phone's id. Everyone else (the hall, anyone on the
// internet, a kiosk for the tickets it did not issue, a print agent, whose print jobs carry the ids it
// needs) never sees an id at all: the id is the visitor's only secret — it lets them add an SMS or
// e-mail contact to the ticket — so the public payloads name each ticket by `ticketRef(id)` instead.
import { createHash } from 'node:crypto';
import type { CallRecord, CounterState, QueueEvent, QueueSnapshot, Ticket } from '../../common/protocol';
import type { Principal } from '../auth/principal';
import { isStaff } from '../auth/permissions';

/** One kiosk, by its device id. */
export type KioskAudience = `kiosk:${string}`;

/** Staff; one kiosk; the hall and everyone else. Each is also the name of its sockets' room. */
export type Audience = 'staff' | 'public' | KioskAudience;

export const isKioskAudience = (room: string): room is KioskAudience => room.startsWith('kiosk:');

/** A kiosk follows the print state of the tickets it issued by their ids; a hall display needs none. */
export function audienceOf(principal: Principal): Audience {
  if (isStaff(principal)) return 'staff';
  if (principal.kind === 'device' && principal.device.kind === 'kiosk') return `kiosk:${principal.device.id}`;
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

/** How a non-staff audience sees a ticket: a kiosk holds the ids of the tickets it issued (`request` says who). */
function ticketFor(audience: Exclude<Audience, 'staff'>): (ticket: Ticket) => Ticket {
  if (audience === 'public') return publicTicket;
  const issuer = `device:${audience.slice('kiosk:'.length)}`;
  return (ticket) => (ticket.request?.actor === issuer ? visitorTicket(ticket) : publicTicket(ticket));
}

function publicCounter(state: CounterState): CounterState {
  return state.ticketId ? { ...state, ticketId: ticketRef(state.ticketId) } : state;
}

function publicCall(call: CallRecord): CallRecord {
  return { ...call, ticketId: ticketRef(call.ticketId) };
}

export function eventFor(audience: Audience, event: QueueEvent): QueueEvent {
  if (audience === 'staff') return event;
  return {
    ...event,
    ...(event.ticket ? { ticket: ticketFor(audience)(event.ticket) } : {}),
    ...(event.counter ? { counter: publicCounter(event.counter) } : {}),
  };
}

export function snapshotFor(audience: Audience, snapshot: QueueSnapshot): QueueSnapshot {
  if (audience === 'staff') return snapshot;
  return {
    ...snapshot,
    tickets: snapshot.tickets.map(ticketFor(audience)),
    counterStates: snapshot.counterStates.map(publicCounter),
    recentCalls: snapshot.recentCalls.map(publicCall),
  };
}
