// "Your turn" is queued after the call's commit, not in its transaction (ticket-watch.ts); these prove
// that a committed call is told all the same: when the look after the commit fails, the watch's next
// look tells it; when the calling node never looks (it died right after the commit), a node that starts
// afterwards, or (PostgreSQL) another node taking the call in, tells it — once per contact. Real engines
// on the real database; the failure is injected into the watch's reads.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Ticket } from '../../common/protocol';
import { callNext, openCounter } from '../../server/domain/counter-commands';
import { issueTicket } from '../../server/domain/ticket-commands';
import { QueueEngine, type Who } from '../../server/engine/queue-engine';
import { createChannelSettingsStore } from '../../server/notify/channel-settings-store';
import { addContact } from '../../server/notify/contacts-store';
import { QUEUE_NEWS_STALE_MS } from '../../server/notify/dispatcher';
import { watchTickets } from '../../server/notify/ticket-watch';
import { logger } from '../../server/observability/logger';
import { loadConfig } from '../../server/store/config-store';
import type { Database, Queryable } from '../../server/store/database';
import { migrate } from '../../server/store/migrate';
import { seedSingleOffice, SINGLE_OFFICE_ID as OFFICE } from '../../server/store/seed';
import { freshDatabase, onlyOn } from '../support/test-database';

let db: Database;
let now = Date.now();
let ids = 0;
const stops: (() => Promise<void>)[] = [];
/** The watch's period here: short, so that a test waits little for its next look. */
const LOOK_EVERY_MS = 10;
const kiosk: Who = { actor: { kind: 'device', id: 'kiosk', deviceKind: 'kiosk' } };
const operator: Who = { actor: { kind: 'user', id: 'operator', role: 'operator' } };

beforeEach(async () => {
  now = Date.now();
  ({ db } = await freshDatabase('talon-watch-'));
  await migrate(db);
  await seedSingleOffice(db, now, { allDay: true });
});

afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
  vi.useRealTimers();
  vi.restoreAllMocks();
  await db.close();
});

/** One node's engine of the office. */
async function node(): Promise<QueueEngine> {
  return QueueEngine.load(db, OFFICE, (await loadConfig(db, OFFICE))!, () => now, () => `ticket-${++ids}`);
}

/** A reader whose reads fail while `broken` is set, as a database cut off for a moment would. */
interface Breakable {
  read: Queryable;
  broken: boolean;
  reads: number;
}

function breakable(read: Queryable): Breakable {
  const state: Breakable = {
    broken: false,
    reads: 0,
    read: {
      ...read,
      engine: read.engine,
      all: <T>(sql: string, params?: (string | number | null)[]) => {
        state.reads += 1;
        return state.broken ? Promise.reject(new Error('the database is out of reach')) : read.all<T>(sql, params);
      },
    },
  };
  return state;
}

function watch(engine: QueueEngine, read: Queryable = db.read): void {
  const watchDb = { read, transaction: db.transaction.bind(db) };
  stops.push(watchTickets({ db: watchDb, engine, notify: { settings: createChannelSettingsStore(db, OFFICE), wake: () => undefined }, lookEveryMs: LOOK_EVERY_MS }));
}

/** A ticket with an SMS and an e-mail contact, and an open booth. */
async function watchedTicket(engine: QueueEngine): Promise<Ticket> {
  const ticket = await engine.execute(kiosk, (s, c, x) => issueTicket(s, c, { serviceId: 'documents', source: 'kiosk' }, x));
  await db.transaction(async (tx) => {
    const contact = { subjectKind: 'ticket' as const, subjectId: ticket.id, language: 'en' as const, keepUntil: now + 86_400_000 };
    await addContact(tx, OFFICE, { ...contact, channel: 'sms', address: '+10000000000' }, now);
    await addContact(tx, OFFICE, { ...contact, channel: 'email', address: 'visitor@example.org' }, now);
  });
  await engine.execute(operator, (s, c, x) => openCounter(s, c, { counterId: 'booth-1' }, x));
  return ticket;
}

const callNextAt = (engine: QueueEngine): Promise<unknown> => engine.execute(operator, (s, c, x) => callNext(s, c, { counterId: 'booth-1' }, x));

async function queuedCalls(): Promise<{ dedupe_key: string; created_at: number; facts: string }[]> {
  return db.read.all("SELECT dedupe_key, created_at, facts FROM outbox WHERE kind = 'ticket-called' ORDER BY contact_id");
}

async function expectToldOnce(ticket: Ticket, calledAt: number): Promise<void> {
  await expect.poll(async () => (await queuedCalls()).length).toBe(2);
  const rows = await queuedCalls();
  // For each contact, once; it goes stale counting from the call, however late it was queued.
  expect(rows.map((r) => [r.dedupe_key, Number(r.created_at)])).toEqual([
    [`ticket-called:${calledAt}`, calledAt],
    [`ticket-called:${calledAt}`, calledAt],
  ]);
  expect(JSON.parse(rows[0]!.facts)).toMatchObject({ kind: 'ticket-called', ticketId: ticket.id, ticketCode: ticket.code, counterNumber: 1 });
}

it('tells a call whose look after the commit failed, at the next look', async () => {
  const engine = await node();
  const reader = breakable(db.read);
  // Each look while the reader is broken logs its failure: kept out of the test's output, and checked.
  const failed = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
  watch(engine, reader.read);
  const ticket = await watchedTicket(engine);
  reader.broken = true;
  const readsBefore = reader.reads;
  await callNextAt(engine);
  // A look after the call's commit has read, and failed; nothing was queued.
  await expect.poll(() => reader.reads).toBeGreaterThan(readsBefore);
  expect(await queuedCalls()).toEqual([]);
  expect(failed).toHaveBeenCalledWith(expect.anything(), 'ticket watch failed');
  reader.broken = false;
  await expectToldOnce(ticket, engine.currentState.tickets.get(ticket.id)!.calledAt!);
});

it('tells, when a node starts, a call the node that committed it never looked at', async () => {
  const caller = await node();
  const ticket = await watchedTicket(caller);
  await callNextAt(caller);
  const calledAt = caller.currentState.tickets.get(ticket.id)!.calledAt!;
  // The caller died right after its commit (it has no watch). On SQLite this is its restart.
  watch(await node());
  await expectToldOnce(ticket, calledAt);
});

it('does not tell, nor even look up, a call older than queue news is worth', async () => {
  const caller = await node();
  await watchedTicket(caller);
  await callNextAt(caller);
  now += QUEUE_NEWS_STALE_MS + 1;
  const reader = breakable(db.read);
  // Only the watch's period is faked (the database keeps real time), to let its looks come at once.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  watch(await node(), reader.read);
  // The look at start and each periodic look alike: a read would start before advancing returns.
  vi.advanceTimersByTime(10 * LOOK_EVERY_MS);
  expect(reader.reads).toBe(0);
  expect(await queuedCalls()).toEqual([]);
});

onlyOn('postgres')('several nodes', () => {
  it('another node tells a call it takes in from the journal when the calling node never looked', async () => {
    const [caller, other] = [await node(), await node()];
    watch(other);
    const ticket = await watchedTicket(caller);
    await callNextAt(caller);
    const calledAt = caller.currentState.tickets.get(ticket.id)!.calledAt!;
    // What the cluster bus's "office moved" news makes every other node do (follow-cluster.ts).
    await other.upToDate();
    await expectToldOnce(ticket, calledAt);
  });
});
