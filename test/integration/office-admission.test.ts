// Issue #11: two offices' queues never wait on each other. A flood in one office is admitted only up
// to its engine's bound — the excess is refused at once with 'office-busy' and changes nothing — and
// another office's command is decided and committed without waiting for the flooded office's backlog.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../server/http/respond';
import { issueTicket } from '../../server/domain/ticket-commands';
import { MAX_BATCH, MAX_QUEUED, type QueueEngine, type Who } from '../../server/engine/queue-engine';
import { officeLock } from '../../server/store/office-lock';
import { addCopyOfMain, NORTH } from '../support/second-office';
import { onlyOn } from '../support/test-database';
import { startTalon, type RunningTalon } from '../support/talon-server';

let server: RunningTalon;
let main: QueueEngine;
let north: QueueEngine;

const operator: Who = { actor: { kind: 'user', id: 'operator', role: 'operator' } };

beforeEach(async () => {
  server = await startTalon();
  await addCopyOfMain(server, await server.login('admin'));
  main = server.engine;
  north = server.talon.office(NORTH.id)!.engine;
});

afterEach(async () => {
  await server.close();
});

const issue = (engine: QueueEngine) =>
  engine.execute(operator, (state, config, ctx) => issueTicket(state, config, { serviceId: 'documents', source: 'staff', ignoreHours: true }, ctx));

const ticketsIn = (engine: QueueEngine) => engine.currentState.tickets.size;

it("refuses a flooded office's commands beyond its bound with 'office-busy', and they change nothing", async () => {
  const before = ticketsIn(north);
  const flood = Array.from({ length: MAX_QUEUED + 50 }, () => issue(north));
  const answers = await Promise.allSettled(flood);
  const issued = answers.filter((a) => a.status === 'fulfilled');
  const refused = answers.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
  // The first command went straight to the writer; MAX_QUEUED more waited; the rest were refused.
  expect(issued).toHaveLength(MAX_QUEUED + 1);
  expect(refused).toHaveLength(49);
  for (const r of refused) {
    expect(r.reason).toBeInstanceOf(ApiFailure);
    expect((r.reason as ApiFailure).error).toMatchObject({ code: 'office-busy', details: { limit: MAX_QUEUED } });
  }
  // Only the admitted commands made tickets, in memory and on disk alike.
  expect(ticketsIn(north) - before).toBe(MAX_QUEUED + 1);
  const onDisk = await server.db.read.get<{ n: number }>('SELECT count(*) AS n FROM tickets WHERE office_id = ?', [NORTH.id]);
  expect(onDisk?.n).toBe(ticketsIn(north));
  // Once the backlog is written, the office takes commands again.
  await expect(issue(north)).resolves.toMatchObject({ serviceId: 'documents', status: 'waiting' });
});

// One writer for every office: main's commit joins the writer's next group, so it is answered after
// north's batch already being written and at most one more of north's batches, not after all of them.
onlyOn('sqlite')("another office's command, on the one writer", () => {
  it("is decided without waiting for the flooded office's backlog", async () => {
    const finished: string[] = [];
    const flood = Array.from({ length: MAX_QUEUED }, () => issue(north).then(() => finished.push('north')));
    const mine = issue(main).then(() => finished.push('main'));
    await Promise.all([...flood, mine]);
    expect(finished.indexOf('main')).toBeLessThanOrEqual(1 + MAX_BATCH);
    expect(finished.filter((f) => f === 'north')).toHaveLength(MAX_QUEUED);
  });
});

// Each office has a lock of its own, and offices commit side by side: the order they finish in under
// load proves nothing. With north's lock held elsewhere, none of its backlog can commit, and main's
// command must be committed all the same.
onlyOn('postgres')("another office's command, under its own lock", () => {
  it('is committed while the flooded office cannot commit at all', async () => {
    const finished: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let northLocked!: () => void;
    const locked = new Promise<void>((resolve) => (northLocked = resolve));
    const holder = server.db.transaction(async () => {
      northLocked();
      await held;
    }, officeLock(NORTH.id));
    await locked;
    const flood = Array.from({ length: MAX_QUEUED }, () => issue(north).then(() => finished.push('north')));
    await issue(main);
    expect(finished).toEqual([]);
    release();
    await holder;
    await Promise.all(flood);
    expect(finished).toHaveLength(MAX_QUEUED);
  });
});
