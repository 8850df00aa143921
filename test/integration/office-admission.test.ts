// Issue #11: two offices' queues never wait on each other. A flood in one office is admitted only up
// to its engine's bound — the excess is refused at once with 'office-busy' and changes nothing — and
// another office's command is decided and committed without waiting for the flooded office's backlog.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ApiFailure } from '../../server/http/respond';
import { issueTicket } from '../../server/domain/ticket-commands';
import { MAX_BATCH, MAX_QUEUED, type QueueEngine, type Who } from '../../server/engine/queue-engine';
import { addCopyOfMain, NORTH } from '../support/second-office';
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

it("decides another office's command without waiting for the flooded office's backlog", async () => {
  const finished: string[] = [];
  const flood = Array.from({ length: MAX_QUEUED }, () => issue(north).then(() => finished.push('north')));
  const mine = issue(main).then(() => finished.push('main'));
  await Promise.all([...flood, mine]);
  // Main's commit shares at most the writer's next group with north: it is answered after north's
  // batch already being written and at most one more of north's batches, not after all of them.
  expect(finished.indexOf('main')).toBeLessThanOrEqual(1 + MAX_BATCH);
  expect(finished.filter((f) => f === 'north')).toHaveLength(MAX_QUEUED);
});
