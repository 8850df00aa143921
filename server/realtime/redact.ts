// What the hall may see: no staff comments, no who-granted-what, no phone's id. Staff get everything.
import type { QueueEvent, QueueSnapshot, Ticket } from '../../common/protocol';

export function publicTicket(ticket: Ticket): Ticket {
  const priority = ticket.priority.kind === 'category' ? { ...ticket.priority, grantedBy: '', reason: '' } : ticket.priority;
  const { request: _private, phoneId: _phone, ...rest } = ticket;
  return { ...rest, comment: null, priority };
}

export function publicEvent(event: QueueEvent): QueueEvent {
  return event.ticket ? { ...event, ticket: publicTicket(event.ticket) } : event;
}

export function publicSnapshot(snapshot: QueueSnapshot): QueueSnapshot {
  return { ...snapshot, tickets: snapshot.tickets.map(publicTicket) };
}
