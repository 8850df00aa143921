// The day's visitors arriving: tickets numbered per service in the order they are issued, as the
// engine numbers them, booked visitors due shortly before their slot, and the journal's issue rows.
import type { JournalEntry, LocalDate, Priority, Service, Ticket, TicketSource } from '../../common/protocol';
import { MIX } from './demand';
import { Heap } from './heap';
import type { Random } from './random';

const MINUTE = 60_000;
export const QUARTER = 15 * MINUTE;
/** The history's consultant: issues tickets at the desk, grants categories, removes walk-outs. */
export const CONSULTANT = 'hist-consultant';

/** One journal row to be written, as the engine would write it (the database numbers it). */
export type HistoryRow = Omit<JournalEntry, 'seq' | 'code'>;

/** A ticket waiting to be called from `ready` on, in its first queue (leg 0) or after a transfer (leg 1). */
export interface Pending {
  ready: number;
  ticket: Ticket;
  leg: number;
}

export interface Arrivals {
  tickets: Ticket[];
  /** A transfer changes a ticket's service; the tickets table also keeps the one it was issued for. */
  issuedService: Map<string, string>;
  pending: Heap<Pending>;
}

/** `counts[q]` visitors arrive within the quarter hour starting at `quarters[q]`; slots are booked only before `issuingEnds`. */
export function issueArrivals(rand: Random, date: LocalDate, quarters: readonly number[], counts: readonly number[], issuingEnds: number, services: readonly Service[], rows: HistoryRow[]): Arrivals {
  const { between, chance, pick, newId } = rand;
  const numbers = new Map<string, number>();
  const tickets: Ticket[] = [];
  const issuedService = new Map<string, string>();
  const pending = new Heap<Pending>((p) => p.ready);
  quarters.forEach((quarter, q) => {
    // In issue order, so each service's numbers rise with the time of issue, as the engine hands them out.
    const arrivals = Array.from({ length: counts[q]! }, () => Math.round(quarter + between(0, QUARTER))).sort((a, b) => a - b);
    for (const issuedAt of arrivals) {
      const service = pick(services, services.map((s) => MIX[s.id]?.share ?? 0.1));
      const number = (numbers.get(service.id) ?? service.startNumber - 1) + 1;
      numbers.set(service.id, number);
      const slotStart = chance(0.08) ? Math.ceil((issuedAt + between(0, 20) * MINUTE) / QUARTER) * QUARTER : 0;
      // A slot is bookable only while the office still issues tickets.
      const booked = slotStart > 0 && slotStart < issuingEnds;
      const priority: Priority = booked
        ? { kind: 'booked', appointmentId: newId(), slotStart }
        : chance(0.02) ? { kind: 'category', categoryId: 'veteran', grantedBy: CONSULTANT, reason: 'certificate shown' } : { kind: 'normal' };
      const source: TicketSource = booked ? 'appointment' : chance(0.05) ? 'staff' : 'kiosk';
      const ticket: Ticket = {
        id: newId(), serviceId: service.id, serviceDay: date, number, code: `${service.prefix}${number}`, issuedAt, queuedAt: issuedAt,
        source, priority, language: 'ru', status: 'waiting', outcome: null, counterId: null, assignedCounterId: null, calledAt: null,
        startedAt: null, finishedAt: null, recalls: 0, callReason: null, postponedUntil: null, returnToServiceId: null, comment: null,
        print: source === 'kiosk' ? 'printed' : 'not-requested', estimate: null,
      };
      tickets.push(ticket);
      issuedService.set(ticket.id, service.id);
      rows.push({ at: issuedAt, kind: 'ticket-issued', ticketId: ticket.id, counterId: null, serviceId: service.id, actor: source === 'kiosk' ? 'device:hist-kiosk' : `user:${CONSULTANT}`, from: null, to: 'waiting', note: null });
      // Booked visitors become due shortly before their slot, as the engine's lead time allows.
      pending.push({ ready: booked ? Math.max(issuedAt, slotStart - 5 * MINUTE) : issuedAt, ticket, leg: 0 });
    }
  });
  return { tickets, issuedService, pending };
}
