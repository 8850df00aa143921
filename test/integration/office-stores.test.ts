// Two offices in one database, through the stores and engines themselves: each office numbers its
// tickets and its journal on its own, sees only its own rows, and a new office can start as a copy.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueEvent, Ticket } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { callNext, openCounter } from '../../server/domain/counter-commands';
import { issueTicket } from '../../server/domain/ticket-commands';
import { QueueEngine, type Who } from '../../server/engine/queue-engine';
import { loadAppointmentSettings } from '../../server/store/appointments-store';
import { loadConfig, saveService } from '../../server/store/config-store';
import type { Database } from '../../server/store/database';
import { createDevicesStore } from '../../server/store/devices-store';
import { migrate } from '../../server/store/migrate';
import { archiveOffice, copyOffice, getOffice, listOffices } from '../../server/store/offices-store';
import { findTicket, lastSeq } from '../../server/store/queue-store';
import { seedSingleOffice } from '../../server/store/seed';
import { createUsersStore } from '../../server/store/users-store';
import { freshDatabase } from '../support/test-database';

const NOW = zonedToEpoch('2030-01-15', '10:00', 'Asia/Irkutsk');
let db: Database;
let ids = 0;
const newId = () => `ticket-${String(++ids).padStart(4, '0')}`;

beforeEach(async () => {
  ({ db } = await freshDatabase('talon-offices-'));
  await migrate(db);
  await seedSingleOffice(db, NOW, { allDay: true });
  await db.transaction((tx) => copyOffice(tx, 'main', 'second', NOW));
});

afterEach(async () => {
  await db.close();
});

async function engineOf(officeId: string): Promise<QueueEngine> {
  return QueueEngine.load(db, officeId, (await loadConfig(db, officeId))!, () => NOW, newId);
}

const kiosk: Who = { actor: { kind: 'device', id: 'kiosk', deviceKind: 'kiosk' } };
const issue = (engine: QueueEngine, serviceId = 'documents'): Promise<Ticket> =>
  engine.execute(kiosk, (state, config, ctx) => issueTicket(state, config, { serviceId, source: 'kiosk' }, ctx));

describe('two offices side by side', () => {
  it('number their tickets and their journals each from the start, gap-free, however their commands interleave', async () => {
    const [main, second] = await Promise.all([engineOf('main'), engineOf('second')]);
    const seqs = new Map<string, number[]>([['main', []], ['second', []]]);
    for (const engine of [main, second]) engine.onEvents((events: QueueEvent[]) => seqs.get(engine.officeId)!.push(...events.map((e) => e.seq)));

    const tickets = await Promise.all(Array.from({ length: 10 }, (_, i) => issue(i % 3 === 0 ? second : main)));
    const codes = (officeTickets: Ticket[]) => officeTickets.map((t) => t.code).sort();
    expect(codes(tickets.filter((_, i) => i % 3 !== 0))).toEqual(['Д100', 'Д101', 'Д102', 'Д103', 'Д104', 'Д105']);
    expect(codes(tickets.filter((_, i) => i % 3 === 0))).toEqual(['Д100', 'Д101', 'Д102', 'Д103']);
    expect(seqs.get('main')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seqs.get('second')).toEqual([1, 2, 3, 4]);
    expect([await lastSeq(db.read, 'main'), await lastSeq(db.read, 'second')]).toEqual([6, 4]);

    // After a restart each office has its own queue back and goes on with its own numbers.
    const [mainAgain, secondAgain] = await Promise.all([engineOf('main'), engineOf('second')]);
    expect(mainAgain.currentState.tickets.size).toBe(6);
    expect(secondAgain.currentState.tickets.size).toBe(4);
    expect(mainAgain.snapshot().seq).toBe(6);
    expect((await issue(secondAgain)).code).toBe('Д104');
    expect(await lastSeq(db.read, 'second')).toBe(5);
  });

  it('show their own latest calls again after a restart', async () => {
    const [main, second] = await Promise.all([engineOf('main'), engineOf('second')]);
    const operator: Who = { actor: { kind: 'user', id: 'operator', role: 'operator' } };
    for (const engine of [main, second]) {
      await issue(engine);
      await issue(engine);
      await engine.execute(operator, (s, c, x) => openCounter(s, c, { counterId: 'booth-1' }, x));
    }
    await main.execute(operator, (s, c, x) => callNext(s, c, { counterId: 'booth-1' }, x));
    expect(main.recentCalls.map((call) => call.code)).toEqual(['Д100']);

    const [mainAgain, secondAgain] = await Promise.all([engineOf('main'), engineOf('second')]);
    expect(mainAgain.recentCalls).toEqual(main.recentCalls);
    expect(secondAgain.recentCalls).toEqual([]);
  });

  it('find only their own tickets', async () => {
    const ticket = await issue(await engineOf('main'));
    expect(await findTicket(db, 'main', ticket.id)).toMatchObject({ id: ticket.id });
    expect(await findTicket(db, 'second', ticket.id)).toBeNull();
  });
});

describe('offices', () => {
  it('start as a copy of another office: its document, services, booths and settings, none of its tickets', async () => {
    await issue(await engineOf('main'));
    const [main, second] = [(await loadConfig(db, 'main'))!, (await loadConfig(db, 'second'))!];
    expect(second).toEqual(main);
    expect(await loadAppointmentSettings(db.read, 'second')).toEqual(await loadAppointmentSettings(db.read, 'main'));
    expect(await db.read.get("SELECT count(*) AS n FROM tickets WHERE office_id = 'second'")).toEqual({ n: 0 });

    // The copy is its own from then on.
    const documents = main.services.get('documents')!;
    await db.transaction((tx) => saveService(tx, 'second', { ...documents, prefix: 'Z' }, NOW));
    expect((await loadConfig(db, 'main'))!.services.get('documents')!.prefix).toBe('Д');
    expect((await loadConfig(db, 'second'))!.services.get('documents')!.prefix).toBe('Z');
  });

  it('refuse a copy under a taken id or from an office that does not exist', async () => {
    expect(await db.transaction((tx) => copyOffice(tx, 'main', 'second', NOW))).toBe('id-taken');
    expect(await db.transaction((tx) => copyOffice(tx, 'nowhere', 'third', NOW))).toBe('source-not-found');
    expect((await listOffices(db.read)).map((o) => o.id)).toEqual(['main', 'second']);
  });

  it('are archived, not deleted', async () => {
    expect(await db.transaction((tx) => archiveOffice(tx, 'second', NOW + 1))).toBe(true);
    expect(await db.transaction((tx) => archiveOffice(tx, 'nowhere', NOW + 1))).toBe(false);
    expect((await listOffices(db.read)).map((o) => [o.id, o.archived])).toEqual([
      ['main', false],
      ['second', true],
    ]);
    expect(await loadConfig(db, 'second')).not.toBeNull();
    expect((await getOffice(db.read, 'second'))?.archived).toBe(true);
  });
});

describe('people and devices across offices', () => {
  it('give a person one role per office; an office admin changes only the roles in their offices', async () => {
    const users = createUsersStore(db);
    const created = await users.create({
      login: 'olga',
      name: 'Olga',
      password: 'a-long-enough-password',
      organisationRole: null,
      offices: [
        { officeId: 'main', role: 'operator' },
        { officeId: 'second', role: 'consultant' },
      ],
    });
    if (created.kind !== 'created') throw new Error(created.kind);
    const updated = await users.update(created.user.id, { offices: { within: ['second'], roles: [{ officeId: 'second', role: 'manager' }] } });
    expect(updated).toMatchObject({
      kind: 'updated',
      user: { offices: [{ officeId: 'main', role: 'operator' }, { officeId: 'second', role: 'manager' }] },
    });
    expect((await users.list({ offices: ['second'] })).map((u) => u.login)).toEqual(['olga']);
    expect(await users.update(created.user.id, { offices: { within: 'all', roles: [{ officeId: 'nowhere', role: 'admin' }] } })).toEqual({
      kind: 'unknown-office',
      officeId: 'nowhere',
    });
    expect((await users.get(created.user.id))?.offices).toHaveLength(2);
  });

  it('keep the last active regional admin', async () => {
    const users = createUsersStore(db);
    const created = await users.create({ login: 'boss', name: 'Boss', password: 'a-long-enough-password', organisationRole: 'regional-admin', offices: [] });
    if (created.kind !== 'created') throw new Error(created.kind);
    expect(await users.update(created.user.id, { organisationRole: null })).toEqual({ kind: 'last-admin' });
    expect(await users.update(created.user.id, { active: false })).toEqual({ kind: 'last-admin' });
  });

  it('list, change and revoke a device only in its own office', async () => {
    const devices = createDevicesStore(db, () => NOW);
    const { device, key } = await devices.create('second', 'kiosk', 'Kiosk', 'hall');
    expect(device.officeId).toBe('second');
    expect((await devices.resolveKey(key))?.officeId).toBe('second');
    expect(await devices.list('main')).toEqual([]);
    expect(await devices.get('main', device.id)).toBeNull();
    expect(await devices.update('main', device.id, { name: 'Renamed' })).toBeNull();
    expect(await devices.revoke('main', device.id)).toBeNull();
    expect(await devices.get('second', device.id)).toMatchObject({ name: 'Kiosk', revoked: false });
  });
});
