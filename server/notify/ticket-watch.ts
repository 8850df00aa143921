// Telling visitors about their tickets: after each batch this node's engine commits, the tickets
// that have contacts (a push subscription, a phone for SMS, an e-mail) are looked at, and messages
// are queued for every channel of theirs: "N people ahead" once, when N first comes down to the
// office's aheadThreshold; "your turn, window N" for each call — its dedupe key names the call
// (calledAt), so a recall is told again and a repeated look is not. Only the node that committed a
// batch hears its events (queue-engine.ts), and the outbox's unique key keeps a message once even if
// two looks offer it. Looks run one at a time; batches that come during one are looked at together.
import type { MessageFacts, OfficeId, QueueEvent, Ticket } from '../../common/protocol';
import { localized } from '../../common/ui/localized-text';
import { peopleAhead } from '../domain/estimates';
import type { QueueEngine } from '../engine/queue-engine';
import { logger } from '../observability/logger';
import type { Database, Queryable } from '../store/database';
import { officeLock } from '../store/office-lock';
import type { OfficeNotify } from './office-notify';
import { enqueueForSubject } from './outbox-store';

/** A ticket lives one service day; its contacts are younger than this. */
const TICKET_CONTACT_WINDOW_MS = 36 * 60 * 60 * 1000;

export interface TicketWatchDeps {
  db: Database;
  engine: Pick<QueueEngine, 'officeId' | 'onEvents' | 'currentState' | 'currentConfig' | 'now'>;
  notify: Pick<OfficeNotify, 'settings' | 'wake'>;
}

interface Message {
  ticketId: string;
  facts: MessageFacts;
  dedupeKey: string;
}

/** Starts watching the office's committed events; returns the stop. */
export function watchTickets(deps: TicketWatchDeps): () => void {
  const { db, engine, notify } = deps;
  const officeId = engine.officeId;
  let waiting: QueueEvent[] = [];
  let looking = false;
  /** Tickets this node already queued "N ahead" for: spares a write that the outbox would refuse anyway. */
  let toldAhead = new Set<string>();

  const look = async (): Promise<void> => {
    looking = true;
    try {
      while (waiting.length > 0) {
        const events = waiting;
        waiting = [];
        const watched = await ticketsWithContacts(db.read, officeId, engine.now() - TICKET_CONTACT_WINDOW_MS);
        toldAhead = new Set([...toldAhead].filter((id) => watched.has(id)));
        if (watched.size === 0) continue;
        const messages = [...calls(events, watched, engine), ...(await aheadNews(watched, toldAhead, engine, notify))];
        if (messages.length === 0) continue;
        const now = engine.now();
        await db.transaction(async (tx) => {
          for (const m of messages) await enqueueForSubject(tx, officeId, { kind: 'ticket', id: m.ticketId }, m.facts, m.dedupeKey, now);
        }, officeLock(officeId));
        for (const m of messages) if (m.facts.kind === 'ticket-ahead') toldAhead.add(m.ticketId);
        notify.wake();
      }
    } catch (error) {
      // The next batch looks again; a call missed here is still on the live page.
      logger.error({ err: error, officeId }, 'ticket watch failed');
    } finally {
      looking = false;
    }
  };

  return engine.onEvents((events) => {
    waiting.push(...events);
    if (!looking) void look();
  });
}

async function ticketsWithContacts(q: Queryable, officeId: OfficeId, since: number): Promise<Set<string>> {
  const rows = await q.all<{ subject_id: string }>(
    `SELECT DISTINCT subject_id FROM visitor_contacts
     WHERE office_id = ? AND subject_kind = 'ticket' AND stopped_at IS NULL AND created_at >= ?`,
    [officeId, since],
  );
  return new Set(rows.map((row) => row.subject_id));
}

/** Each call (or recall) of a watched ticket in the batch, as its counter says it. */
function calls(events: readonly QueueEvent[], watched: ReadonlySet<string>, engine: TicketWatchDeps['engine']): Message[] {
  const messages: Message[] = [];
  for (const { kind, ticket } of events) {
    if ((kind !== 'ticket-called' && kind !== 'ticket-recalled') || !ticket || !watched.has(ticket.id) || ticket.calledAt === null) continue;
    const counter = ticket.counterId ? engine.currentConfig.counters.get(ticket.counterId) : undefined;
    // The number is what visitors are told; a name (in the office's language) only for a booth without one.
    const { defaultLanguage } = engine.currentConfig.office;
    const counterName = counter ? localized(counter.name, defaultLanguage, defaultLanguage) : null;
    messages.push({
      ticketId: ticket.id,
      facts: { kind: 'ticket-called', ticketId: ticket.id, ticketCode: ticket.code, counterNumber: counter?.number ?? null, counterName },
      dedupeKey: `ticket-called:${ticket.calledAt}`,
    });
  }
  return messages;
}

/** "N people ahead" for each watched waiting ticket that has come down to the threshold (0: the office sends none). */
async function aheadNews(watched: ReadonlySet<string>, told: ReadonlySet<string>, engine: TicketWatchDeps['engine'], notify: TicketWatchDeps['notify']): Promise<Message[]> {
  const candidates: Ticket[] = [];
  for (const id of watched) {
    const ticket = engine.currentState.tickets.get(id);
    if (ticket?.status === 'waiting' && !told.has(id)) candidates.push(ticket);
  }
  if (candidates.length === 0) return [];
  const { aheadThreshold } = await notify.settings.get('messages');
  if (aheadThreshold === 0) return [];
  const messages: Message[] = [];
  for (const ticket of candidates) {
    const ahead = peopleAhead(engine.currentState, ticket);
    // Nobody ahead: the call itself comes next, and says more.
    if (ahead < 1 || ahead > aheadThreshold) continue;
    messages.push({ ticketId: ticket.id, facts: { kind: 'ticket-ahead', ticketId: ticket.id, ticketCode: ticket.code, ahead }, dedupeKey: 'ticket-ahead' });
  }
  return messages;
}
