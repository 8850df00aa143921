// Telling visitors about their tickets: the tickets that have contacts (a push subscription, a phone
// for SMS, an e-mail) are looked at, and messages are queued for every channel of theirs: "N people
// ahead" once, when N first comes down to the office's aheadThreshold; "your turn, window N" for each
// call — its dedupe key names the call (calledAt), so a recall is told again and a repeated look is
// not. The outbox's unique key keeps a message once however many looks, on however many nodes, offer it.
//
// A look runs after each batch this node's engine commits (the batch's calls, and "N ahead"), and the
// queue is not told in the commit's own transaction: so that a call is told even when the node that
// committed it dies before its look, or the look fails, every node also looks at the *committed state*
// — at start, after taking in another node's writes (catch-up) and every DISPATCH_EVERY_MS — for a call
// of the last QUEUE_NEWS_STALE_MS not yet known to be told, and then queues what the outbox lacks.
// A look is one read, whatever the number of tickets: the office's live ticket contacts of the last
// day and a half (index visitor_contacts_watched, by creation time, not every contact the
// personal-data period keeps) with their queued ticket news (the outbox's unique contact key). A call
// once seen told is not looked up again, so an idle office reads nothing.
// "N ahead" missed the same way is offered again by the office's next batch, on whichever node.
// Looks run one at a time; batches that come during one are looked at together.
import type { MessageFacts, OfficeId, QueueEvent, Ticket } from '../../common/protocol';
import { localized } from '../../common/ui/localized-text';
import { peopleAhead } from '../domain/estimates';
import type { QueueEngine } from '../engine/queue-engine';
import { logger } from '../observability/logger';
import type { Database, Queryable } from '../store/database';
import { officeLock } from '../store/office-lock';
import { DISPATCH_EVERY_MS, QUEUE_NEWS_STALE_MS } from './dispatcher';
import type { OfficeNotify } from './office-notify';
import { enqueueForSubject } from './outbox-store';

/** A ticket lives one service day; its contacts are younger than this. */
const TICKET_CONTACT_WINDOW_MS = 36 * 60 * 60 * 1000;
const AHEAD_KEY = 'ticket-ahead';

export interface TicketWatchDeps {
  db: Pick<Database, 'read' | 'transaction'>;
  engine: Pick<QueueEngine, 'officeId' | 'onEvents' | 'onCaughtUp' | 'currentState' | 'currentConfig' | 'now'>;
  notify: Pick<OfficeNotify, 'settings' | 'wake'>;
  /** How often the committed state is looked at for a call not told yet; tests shorten it. */
  lookEveryMs?: number;
}

interface Message {
  ticketId: string;
  facts: MessageFacts;
  dedupeKey: string;
  /** When the news happened: a call queued late goes stale as soon after the call as one queued at once. */
  at: number;
}

/** A watched ticket's live contacts, and for each ticket news key how many of them have it queued. */
interface Watched {
  contacts: Set<string>;
  queued: Map<string, number>;
}

/** Starts watching the office; returns the stop, which resolves once a look in progress has ended. */
export function watchTickets(deps: TicketWatchDeps): () => Promise<void> {
  const { db, engine, notify } = deps;
  const officeId = engine.officeId;
  let waiting: QueueEvent[] = [];
  let asked = false;
  /** The look in progress, if any: the stop waits for it, so the database closes after it. */
  let looking: Promise<void> | null = null;
  /** The recent calls (settledKey) the last look found told, or nobody to tell: no need to look them up again. */
  let settled = new Set<string>();

  const look = async (events: readonly QueueEvent[]): Promise<void> => {
    const watched = await watchedTickets(db.read, officeId, engine.now() - TICKET_CONTACT_WINDOW_MS);
    const recent = recentCalls(engine);
    const messages = [...callNews([...calledIn(events), ...recent], watched, engine), ...(await aheadNews(watched, engine, notify))];
    if (messages.length > 0) {
      await db.transaction(async (tx) => {
        for (const m of messages) await enqueueForSubject(tx, officeId, { kind: 'ticket', id: m.ticketId }, m.facts, m.dedupeKey, m.at);
      }, officeLock(officeId));
      notify.wake();
    }
    settled = new Set(recent.map(settledKey));
  };

  const lookWhileAsked = async (): Promise<void> => {
    while (asked) {
      asked = false;
      const events = waiting;
      waiting = [];
      try {
        await look(events);
      } catch (error) {
        // Its calls stay unsettled: the next look (at the latest DISPATCH_EVERY_MS away) offers them again.
        logger.error({ err: error, officeId }, 'ticket watch failed');
      }
    }
    looking = null;
  };

  const ask = (events: readonly QueueEvent[] = []): void => {
    waiting.push(...events);
    asked = true;
    looking ??= lookWhileAsked();
  };
  /** Without events, a look is needed only for a recent call not known to be told: no read otherwise. */
  const lookIfUntold = (): void => {
    if (recentCalls(engine).some((ticket) => !settled.has(settledKey(ticket)))) ask();
  };

  const stopEvents = engine.onEvents(ask);
  const stopCatchUp = engine.onCaughtUp(lookIfUntold);
  const timer = setInterval(lookIfUntold, deps.lookEveryMs ?? DISPATCH_EVERY_MS);
  timer.unref();
  lookIfUntold();
  return async () => {
    clearInterval(timer);
    stopEvents();
    stopCatchUp();
    await looking;
  };
}

async function watchedTickets(q: Queryable, officeId: OfficeId, since: number): Promise<Map<string, Watched>> {
  const rows = await q.all<{ subject_id: string; contact_id: string; dedupe_key: string | null }>(
    `SELECT c.subject_id, c.id AS contact_id, o.dedupe_key FROM visitor_contacts c
     LEFT JOIN outbox o ON o.contact_id = c.id AND (o.dedupe_key = '${AHEAD_KEY}' OR o.dedupe_key LIKE 'ticket-called:%')
     WHERE c.office_id = ? AND c.subject_kind = 'ticket' AND c.stopped_at IS NULL AND c.created_at >= ?`,
    [officeId, since],
  );
  const watched = new Map<string, Watched>();
  for (const row of rows) {
    const ticket = watched.get(row.subject_id) ?? { contacts: new Set<string>(), queued: new Map<string, number>() };
    watched.set(row.subject_id, ticket);
    ticket.contacts.add(row.contact_id);
    if (row.dedupe_key !== null) ticket.queued.set(row.dedupe_key, (ticket.queued.get(row.dedupe_key) ?? 0) + 1);
  }
  return watched;
}

/** Whether the ticket has contacts that still lack the message with this key. */
function untold(watched: ReadonlyMap<string, Watched>, ticketId: string, key: string): boolean {
  const ticket = watched.get(ticketId);
  return ticket !== undefined && (ticket.queued.get(key) ?? 0) < ticket.contacts.size;
}

/** The outbox's dedupe key of a call: per contact, so the call time alone tells its calls apart. */
const callKey = (ticket: Ticket): string => `ticket-called:${ticket.calledAt}`;
/** A call among all the office's: two tickets may be called in the same millisecond. */
const settledKey = (ticket: Ticket): string => `${ticket.id}:${callKey(ticket)}`;

/** The committed state's tickets called within the time their "your turn" is still worth sending. */
function recentCalls(engine: TicketWatchDeps['engine']): Ticket[] {
  const since = engine.now() - QUEUE_NEWS_STALE_MS;
  return [...engine.currentState.tickets.values()].filter((t) => t.status === 'called' && t.calledAt !== null && t.calledAt >= since);
}

function calledIn(events: readonly QueueEvent[]): Ticket[] {
  return events.flatMap(({ kind, ticket }) => ((kind === 'ticket-called' || kind === 'ticket-recalled') && ticket?.calledAt != null ? [ticket] : []));
}

/** "Your turn" for each of these calls (or recalls) that a contact of its ticket lacks, as its counter says it. */
function callNews(called: readonly Ticket[], watched: ReadonlyMap<string, Watched>, engine: TicketWatchDeps['engine']): Message[] {
  const messages = new Map<string, Message>();
  for (const ticket of called) {
    const dedupeKey = callKey(ticket);
    if (ticket.calledAt === null || !untold(watched, ticket.id, dedupeKey)) continue;
    const counter = ticket.counterId ? engine.currentConfig.counters.get(ticket.counterId) : undefined;
    // The number is what visitors are told; a name (in the office's language) only for a booth without one.
    const { defaultLanguage } = engine.currentConfig.office;
    const counterName = counter ? localized(counter.name, defaultLanguage, defaultLanguage) : null;
    messages.set(`${ticket.id}:${dedupeKey}`, {
      ticketId: ticket.id,
      facts: { kind: 'ticket-called', ticketId: ticket.id, ticketCode: ticket.code, counterNumber: counter?.number ?? null, counterName },
      dedupeKey,
      at: ticket.calledAt,
    });
  }
  return [...messages.values()];
}

/** "N people ahead" for each watched waiting ticket that has come down to the threshold (0: the office sends none). */
async function aheadNews(watched: ReadonlyMap<string, Watched>, engine: TicketWatchDeps['engine'], notify: TicketWatchDeps['notify']): Promise<Message[]> {
  const candidates: Ticket[] = [];
  for (const id of watched.keys()) {
    const ticket = engine.currentState.tickets.get(id);
    if (ticket?.status === 'waiting' && untold(watched, id, AHEAD_KEY)) candidates.push(ticket);
  }
  if (candidates.length === 0) return [];
  const { aheadThreshold } = await notify.settings.get('messages');
  if (aheadThreshold === 0) return [];
  const messages: Message[] = [];
  const now = engine.now();
  for (const ticket of candidates) {
    const ahead = peopleAhead(engine.currentState, ticket);
    // Nobody ahead: the call itself comes next, and says more.
    if (ahead < 1 || ahead > aheadThreshold) continue;
    messages.push({ ticketId: ticket.id, facts: { kind: 'ticket-ahead', ticketId: ticket.id, ticketCode: ticket.code, ahead }, dedupeKey: AHEAD_KEY, at: now });
  }
  return messages;
}
