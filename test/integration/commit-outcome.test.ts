// A COMMIT whose answer is lost: PostgreSQL may have applied it although the client saw an error
// (the connection broke during COMMIT). The engine must then take the batch as committed — answer,
// publish once — and never decide it again; a transaction that really failed still changes nothing.
// The app's db.transaction is wrapped for one call, as queue-realtime.test.ts does for a failing disk.
import { describe, expect, it } from 'vitest';
import { MAIN_OFFICE } from '../support/talon-server';
import { connectClient, type TestClient } from '../support/socket-client';
import { useServerAndClients } from '../support/server-and-clients';
import type { Database } from '../../server/store/database';

const env = useServerAndClients();

async function client(auth: { token?: string; deviceKey?: string } = {}): Promise<TestClient> {
  const c = await connectClient(env.server.url, auth);
  env.clients.push(c);
  return c;
}

/** The next transaction runs for real and commits, or not at all, and then its caller is told it failed. */
function failNextTransaction(db: Database, commitFirst: boolean): void {
  const real = db.transaction.bind(db);
  db.transaction = (async (work, options) => {
    db.transaction = real;
    if (commitFirst) await real(work, options);
    throw new Error('Connection terminated unexpectedly');
  }) as Database['transaction'];
}

async function journalSeqs(db: Database): Promise<number[]> {
  return (await db.read.all<{ seq: number }>('SELECT seq FROM journal WHERE office_id = ? ORDER BY seq', [MAIN_OFFICE])).map((r) => r.seq);
}

async function setUp() {
  const staff = await client({ token: await env.server.login('operator1') });
  const kiosk = await client({ deviceKey: env.server.deviceKey('kiosk') });
  const first = await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'documents', language: 'uk' });
  const second = await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'documents', language: 'uk' });
  expect((await staff.socket.emitWithAck('counter:open', { counterId: 'booth-1' })).ok).toBe(true);
  await staff.waitFor((events) => events.length >= 3);
  staff.events.length = 0;
  return { staff, first: first.ok ? first.data.ticket : undefined, second: second.ok ? second.data.ticket : undefined };
}

describe('a commit whose answer is lost', () => {
  it('answers the command with its real result and publishes it once, deciding nothing twice', async () => {
    const { staff, first, second } = await setUp();
    const before = await journalSeqs(env.server.db);
    failNextTransaction(env.server.db, true);

    const called = await staff.socket.emitWithAck('counter:call-next', { counterId: 'booth-1' });

    expect(called.ok && called.data.ticket?.id).toBe(first?.id);
    await staff.waitFor((events) => events.length >= 1);
    const calls = await env.server.db.read.all<{ ticket_id: string }>("SELECT ticket_id FROM journal WHERE office_id = ? AND kind = 'ticket-called'", [MAIN_OFFICE]);
    expect(calls.map((c) => c.ticket_id)).toEqual([first?.id]);
    const seqs = await journalSeqs(env.server.db);
    expect(seqs).toEqual([...before, before.at(-1)! + 1]);
    // The engine goes on from the seq the batch wrote: the next command follows without a gap.
    expect((await staff.socket.emitWithAck('counter:start', { counterId: 'booth-1' })).ok).toBe(true);
    await staff.waitFor((events) => events.length >= 2);
    expect(staff.events.map((e) => [e.kind, e.seq])).toEqual([
      ['ticket-called', before.at(-1)! + 1],
      ['ticket-started', before.at(-1)! + 2],
    ]);
    expect(await journalSeqs(env.server.db)).toEqual([...before, before.at(-1)! + 1, before.at(-1)! + 2]);
    const waiting = await staff.socket.emitWithAck('queue:resync');
    expect(waiting.ok && waiting.data.tickets.find((t) => t.id === second?.id)?.status).toBe('waiting');
  });
});

describe('a commit that really fails', () => {
  it('is answered "nothing was done" and changes nothing', async () => {
    const { staff, first } = await setUp();
    const before = await journalSeqs(env.server.db);
    failNextTransaction(env.server.db, false);

    const called = await staff.socket.emitWithAck('counter:call-next', { counterId: 'booth-1' });

    expect(called.ok).toBe(false);
    expect(!called.ok && called.error).toMatchObject({ code: 'internal', message: 'The change could not be saved; nothing was done' });
    expect(await journalSeqs(env.server.db)).toEqual(before);
    const state = await staff.socket.emitWithAck('queue:resync');
    expect(state.ok && state.data.tickets.find((t) => t.id === first?.id)?.status).toBe('waiting');
    expect(staff.events).toEqual([]);
  });
});
