// Offices keep to themselves. A person acts in an office only with the role they hold there: an
// operator of office A can do nothing in office B (REST and Socket.IO), a device of A is refused in
// B, an office admin of A changes neither B nor B's people, a regional admin does everything
// everywhere, and a regional analyst reads every office's analytics but commands and edits nothing.
// Each office numbers its tickets and sequences its events on its own; an archived office is gone
// from the list and its routes and namespace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Office, OfficeRole, OfficeSummary, OrganisationRole, QueueEvent, QueueSnapshot, StaffOffice, Ticket, User } from '../../common/protocol';
import type { CreatedDevice } from '../../common/protocol/admin-schemas';
import { demoOffice } from '../../db/demo-office';
import { middayClock } from '../support/midday-clock';
import { addCopyOfMain, NORTH } from '../support/second-office';
import { connectClient, type TestClient } from '../support/socket-client';
import { call, MAIN_OFFICE, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const A = MAIN_OFFICE;
const B = NORTH.id;
const PASSWORD = 'a-password-for-office-tests';

type Answer<T> = Awaited<ReturnType<typeof call<T>>>;

function data<T>(answer: Answer<T>): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

/** Status and error code, to compare a refusal in one line. */
const outcome = (answer: Answer<unknown>) => [answer.status, answer.body.ok ? 'ok' : answer.body.error.code];

/** A running organisation with office main and a copy of it, `north`, under its own name and address. */
async function organisationWithTwoOffices(): Promise<{ server: RunningTalon; regionalAdmin: string }> {
  const server = await startTalon({ clock: middayClock(demoOffice({ allDay: true }).timeZone) });
  const regionalAdmin = await server.login('admin');
  await addCopyOfMain(server, regionalAdmin);
  return { server, regionalAdmin };
}

async function createPerson(server: RunningTalon, token: string, login: string, offices: OfficeRole[], organisationRole: OrganisationRole | null = null): Promise<User> {
  return data(await call<User>(server, '/api/users', { token, body: { login, name: login, password: PASSWORD, offices, organisationRole } }));
}

/** Refused at the handshake: the error Socket.IO's client reports, with the server's code in `data`. */
async function handshakeRefusal(url: string, auth: { token?: string; deviceKey?: string }, office: string): Promise<unknown> {
  const client = await connectClient(url, auth, office).catch((error: { data?: { code?: string } }) => error);
  if ('socket' in (client as object)) {
    (client as TestClient).close();
    return 'connected';
  }
  return (client as { data?: { code?: string } }).data?.code;
}

describe('people and devices of one office in another', () => {
  let server: RunningTalon;
  let regionalAdmin: string;
  let operatorA: string;
  let adminA: string;
  let operatorB: string;
  let analyst: string;
  let people: Record<'adminA' | 'operatorB' | 'shared' | 'analyst', User>;
  let kioskA: string;
  let kioskB: string;
  let ticketOfB: Ticket;

  beforeAll(async () => {
    ({ server, regionalAdmin } = await organisationWithTwoOffices());
    people = {
      adminA: await createPerson(server, regionalAdmin, 'admin-of-main', [{ officeId: A, role: 'admin' }]),
      operatorB: await createPerson(server, regionalAdmin, 'operator-of-north', [{ officeId: B, role: 'operator' }]),
      shared: await createPerson(server, regionalAdmin, 'in-both', [
        { officeId: A, role: 'operator' },
        { officeId: B, role: 'consultant' },
      ]),
      analyst: await createPerson(server, regionalAdmin, 'regional-analyst', [], 'regional-analyst'),
    };
    operatorA = await server.login('operator1');
    adminA = await server.login('admin-of-main', PASSWORD);
    operatorB = await server.login('operator-of-north', PASSWORD);
    analyst = await server.login('regional-analyst', PASSWORD);
    kioskA = server.deviceKey('kiosk');
    kioskB = data(await call<CreatedDevice>(server, officeApi('/devices', B), { token: regionalAdmin, body: { kind: 'kiosk', name: 'North kiosk', zone: 'hall' } })).key;
    ticketOfB = data(await call<{ ticket: Ticket }>(server, officeApi('/tickets', B), { deviceKey: kioskB, body: { serviceId: 'documents' } })).ticket;
  });

  afterAll(() => server.close());

  it("starts a copied office with the original's services and booths, but none of its tickets, devices or people", async () => {
    const original = data(await call<{ services: { id: string }[]; counters: { id: string }[] }>(server, officeApi('/config', A), { token: regionalAdmin }));
    const copy = data(await call<{ office: Office; services: { id: string }[]; counters: { id: string }[] }>(server, officeApi('/config', B), { token: regionalAdmin }));
    expect(copy.services.map((s) => s.id)).toEqual(original.services.map((s) => s.id));
    expect(copy.counters.map((c) => c.id)).toEqual(original.counters.map((c) => c.id));
    expect(copy.office.name).toEqual(NORTH.name);
    expect(data(await call<{ name: string }[]>(server, officeApi('/devices', B), { token: regionalAdmin })).map((d) => d.name)).toEqual(['North kiosk']);
    const { tickets } = data(await call<{ tickets: Ticket[] }>(server, officeApi('/snapshot', B), { token: regionalAdmin }));
    expect(tickets.map((t) => t.id)).toEqual([ticketOfB.id]);
    const inB = data(await call<User[]>(server, '/api/users', { token: regionalAdmin })).filter((u) => u.offices.some((r) => r.officeId === B));
    expect(inB.map((u) => u.login).sort()).toEqual(['in-both', 'operator-of-north']);
  });

  it('an operator of A works the queue in A and can do none of it in B', async () => {
    const attempts: [string, { method?: string; body?: unknown }][] = [
      ['/counters/booth-1/open', { body: {} }],
      ['/tickets', { body: { serviceId: 'documents' } }],
      ['/counters/booth-1/call-next', { body: {} }],
      ['/journal', {}],
      ['/device-presence', {}],
      ['/snapshot', {}],
    ];
    for (const [path, init] of attempts) {
      expect([path, outcome(await call(server, officeApi(path, A), { ...init, token: operatorA }))]).toEqual([path, [200, 'ok']]);
      expect([path, outcome(await call(server, officeApi(path, B), { ...init, token: operatorA }))]).toEqual([path, [403, 'forbidden']]);
    }
    expect(outcome(await call(server, officeApi(`/tickets/${ticketOfB.id}`, B), { token: operatorA }))).toEqual([403, 'forbidden']);
    // Nothing happened in B: no booth opened and its one ticket is still waiting.
    const north = data(await call<QueueSnapshot>(server, officeApi('/snapshot', B), { token: operatorB }));
    expect(north.counterStates.filter((c) => c.status !== 'closed')).toEqual([]);
    expect(north.tickets.map((t) => [t.id, t.status])).toEqual([[ticketOfB.id, 'waiting']]);
  });

  it("finds no ticket of B through A's routes", async () => {
    expect(outcome(await call(server, officeApi(`/tickets/${ticketOfB.id}`, A), { token: operatorA }))).toEqual([404, 'not-found']);
    expect(outcome(await call(server, officeApi(`/tickets/${ticketOfB.id}/cancel`, A), { token: operatorA, body: {} }))[0]).toBe(404);
    expect(outcome(await call(server, officeApi(`/tickets/${ticketOfB.id}`, B)))).toEqual([200, 'ok']);
  });

  it("an operator of A is refused at the handshake of B's namespace, and joins A's", async () => {
    expect(await handshakeRefusal(server.url, { token: operatorA }, B)).toBe('forbidden');
    const inA = await connectClient(server.url, { token: operatorA }, A);
    const opened = await inA.socket.timeout(5000).emitWithAck('counter:open', { counterId: 'booth-2' });
    expect(opened.ok).toBe(true);
    inA.close();
  });

  it("is, with only a browser's session cookie, the public in B: B's public routes answer, its staff routes say 403", async () => {
    const cookie = `talon_session=${operatorA}`;
    const asCookie = async (path: string, init: { method?: string; body?: string } = {}) => {
      const response = await fetch(`${server.url}${officeApi(path, B)}`, {
        method: init.method ?? 'GET',
        headers: { cookie, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
        ...(init.body ? { body: init.body } : {}),
      });
      return response.status;
    };
    expect(await asCookie('/public/booking')).toBe(200);
    expect(await asCookie(`/tickets/${ticketOfB.id}`)).toBe(200);
    expect(await asCookie('/counters/booth-1/open', { method: 'POST', body: '{}' })).toBe(403);
    expect(await asCookie('/journal')).toBe(403);
  });

  it('a device of A is refused in B, over REST and at the handshake', async () => {
    expect(outcome(await call(server, officeApi('/services', A), { deviceKey: kioskA }))).toEqual([200, 'ok']);
    expect(outcome(await call(server, officeApi('/services', B), { deviceKey: kioskA }))).toEqual([403, 'forbidden']);
    expect(outcome(await call(server, officeApi('/tickets', B), { deviceKey: kioskA, body: { serviceId: 'documents' } }))).toEqual([403, 'forbidden']);
    expect(await handshakeRefusal(server.url, { deviceKey: kioskA }, B)).toBe('forbidden');
    expect(await handshakeRefusal(server.url, { deviceKey: kioskB }, A)).toBe('forbidden');
    const me = data(await call<{ kind: string; device: { officeId: string } }>(server, '/api/auth/me', { deviceKey: kioskB }));
    expect(me.device.officeId).toBe(B);
  });

  it('an office admin of A edits A and its people, but neither B nor B’s people, and grants no role in B', async () => {
    const { office } = data(await call<{ office: Office }>(server, officeApi('/config', A), { token: adminA }));
    expect(outcome(await call(server, officeApi('/config/office', A), { method: 'PUT', token: adminA, body: office }))).toEqual([200, 'ok']);
    expect(outcome(await call(server, `/api/offices/${A}`, { method: 'PATCH', token: adminA, body: { phones: office.phones } }))).toEqual([200, 'ok']);

    const northBefore = data(await call<{ office: Office }>(server, officeApi('/config', B), { token: regionalAdmin })).office;
    expect(outcome(await call(server, officeApi('/config', B), { token: adminA }))).toEqual([403, 'forbidden']);
    expect(outcome(await call(server, officeApi('/config/office', B), { method: 'PUT', token: adminA, body: { ...northBefore, name: { ru: 'Захвачено' } } }))).toEqual([403, 'forbidden']);
    expect(outcome(await call(server, `/api/offices/${B}`, { method: 'PATCH', token: adminA, body: { name: { ru: 'Захвачено' } } }))).toEqual([403, 'forbidden']);
    expect(outcome(await call(server, `/api/offices/${B}/archive`, { token: adminA, body: {} }))).toEqual([403, 'forbidden']);
    expect(outcome(await call(server, '/api/offices', { token: adminA, body: { id: 'mine', copyFrom: A } }))).toEqual([403, 'forbidden']);
    expect(outcome(await call(server, officeApi('/devices', B), { token: adminA, body: { kind: 'kiosk', name: 'Sneaky kiosk' } }))).toEqual([403, 'forbidden']);
    expect(data(await call<{ office: Office }>(server, officeApi('/config', B), { token: regionalAdmin })).office).toEqual(northBefore);

    // People: only those with a role in A are theirs to see and change.
    const listed = data(await call<User[]>(server, '/api/users', { token: adminA })).map((u) => u.login);
    expect(listed).toContain('in-both');
    expect(listed).toContain('operator1');
    expect(listed).not.toContain('operator-of-north');
    expect(listed).not.toContain('regional-analyst');
    expect(listed).not.toContain('admin');
    const northOperator = people.operatorB;
    expect(outcome(await call(server, `/api/users/${northOperator.id}`, { method: 'PATCH', token: adminA, body: { name: 'Renamed' } }))).toEqual([404, 'not-found']);
    expect(outcome(await call(server, `/api/users/${northOperator.id}/password`, { token: adminA, body: { password: 'taken-over-password' } }))).toEqual([404, 'not-found']);
    expect(outcome(await call(server, '/api/users', { token: adminA, body: { login: 'new-in-north', name: 'N', password: PASSWORD, offices: [{ officeId: B, role: 'operator' }] } }))).toEqual([403, 'forbidden']);
    expect(outcome(await call(server, `/api/users/${people.shared.id}`, { method: 'PATCH', token: adminA, body: { offices: [{ officeId: B, role: 'admin' }] } }))).toEqual([403, 'forbidden']);
    expect(outcome(await call(server, `/api/users/${people.shared.id}`, { method: 'PATCH', token: adminA, body: { organisationRole: 'regional-admin' } }))).toEqual([403, 'forbidden']);
    // Taking back the role in A leaves the role in B as it was.
    const shared = data(await call<User>(server, `/api/users/${people.shared.id}`, { method: 'PATCH', token: adminA, body: { offices: [] } }));
    expect(shared.offices).toEqual([{ officeId: B, role: 'consultant' }]);
    const everyone = data(await call<User[]>(server, '/api/users', { token: regionalAdmin }));
    expect(everyone.find((u) => u.id === northOperator.id)).toEqual(northOperator);
  });

  it("loses B's live queue the moment their role in B is taken back, and keeps A", async () => {
    const leaving = await createPerson(server, regionalAdmin, 'leaving-north', [
      { officeId: A, role: 'operator' },
      { officeId: B, role: 'operator' },
    ]);
    const token = await server.login('leaving-north', PASSWORD);
    const inB = await connectClient(server.url, { token }, B);
    const cut = new Promise<string>((resolve) => inB.socket.once('disconnect', (reason) => resolve(reason)));
    data(await call<User>(server, `/api/users/${leaving.id}`, { method: 'PATCH', token: regionalAdmin, body: { offices: [{ officeId: A, role: 'operator' }] } }));
    await cut;
    inB.close();
    expect(await handshakeRefusal(server.url, { token }, B)).toBe('forbidden');
    expect(outcome(await call(server, officeApi('/counters/booth-2/open', B), { token, body: {} }))).toEqual([403, 'forbidden']);
    const inA = await connectClient(server.url, { token }, A);
    expect(inA.snapshots).toHaveLength(1);
    inA.close();
  });

  it('a regional admin configures, commands and staffs both offices', async () => {
    for (const office of [A, B]) {
      const { office: document } = data(await call<{ office: Office }>(server, officeApi('/config', office), { token: regionalAdmin }));
      expect([office, outcome(await call(server, officeApi('/config/office', office), { method: 'PUT', token: regionalAdmin, body: document }))]).toEqual([office, [200, 'ok']]);
      expect([office, outcome(await call(server, officeApi('/counters/booth-4/open', office), { token: regionalAdmin, body: {} }))]).toEqual([office, [200, 'ok']]);
      expect([office, outcome(await call(server, officeApi('/tickets', office), { token: regionalAdmin, body: { serviceId: 'consultation' } }))]).toEqual([office, [200, 'ok']]);
      expect([office, outcome(await call(server, officeApi('/devices', office), { token: regionalAdmin }))]).toEqual([office, [200, 'ok']]);
      expect([office, outcome(await call(server, officeApi('/analytics/live', office), { token: regionalAdmin }))]).toEqual([office, [200, 'ok']]);
    }
    const renamed = data(await call<User>(server, `/api/users/${people.operatorB.id}`, { method: 'PATCH', token: regionalAdmin, body: { name: 'Operator of north' } }));
    expect(renamed.name).toBe('Operator of north');
    const promoted = data(await call<User>(server, `/api/users/${people.adminA.id}`, { method: 'PATCH', token: regionalAdmin, body: { offices: [{ officeId: A, role: 'admin' }, { officeId: B, role: 'manager' }] } }));
    expect(promoted.offices).toEqual([{ officeId: A, role: 'admin' }, { officeId: B, role: 'manager' }]);
    data(await call<User>(server, `/api/users/${people.adminA.id}`, { method: 'PATCH', token: regionalAdmin, body: { offices: [{ officeId: A, role: 'admin' }] } }));
  });

  it("a regional analyst reads both offices' analytics, and neither commands nor edits anything", async () => {
    for (const office of [A, B]) {
      expect([office, outcome(await call(server, officeApi('/analytics/peak-hours', office), { token: analyst }))]).toEqual([office, [200, 'ok']]);
      expect([office, outcome(await call(server, officeApi('/analytics/live', office), { token: analyst }))]).toEqual([office, [200, 'ok']]);
      const refused: [string, { method?: string; body?: unknown }][] = [
        ['/counters/booth-1/open', { body: {} }],
        ['/tickets', { body: { serviceId: 'documents' } }],
        ['/config', {}],
        ['/config/office', { method: 'PUT', body: {} }],
        ['/devices', {}],
        ['/journal', {}],
      ];
      for (const [path, init] of refused) {
        expect([office, path, outcome(await call(server, officeApi(path, office), { ...init, token: analyst }))]).toEqual([office, path, [403, 'forbidden']]);
      }
    }
    expect(outcome(await call(server, '/api/users', { token: analyst }))).toEqual([403, 'forbidden']);
    expect(outcome(await call(server, `/api/offices/${A}`, { method: 'PATCH', token: analyst, body: { name: { ru: 'Иначе' } } }))).toEqual([403, 'forbidden']);
    expect(outcome(await call(server, '/api/offices', { token: analyst, body: { id: 'analysts', copyFrom: A } }))).toEqual([403, 'forbidden']);
    // Over Socket.IO the analyst watches the hall's view and runs no command.
    const watching = await connectClient(server.url, { token: analyst }, B);
    const attempt = await watching.socket.timeout(5000).emitWithAck('counter:open', { counterId: 'booth-2' });
    expect(!attempt.ok && attempt.error.code).toBe('forbidden');
    watching.close();
  });

  it('answers /api/auth/me with the offices a person works in and their role in each', async () => {
    const me = async (token: string) => data(await call<{ user: User }>(server, '/api/auth/me', { token })).user;
    expect(await me(regionalAdmin)).toMatchObject({ organisationRole: 'regional-admin', offices: [{ officeId: A, role: 'admin' }, { officeId: B, role: 'admin' }] });
    expect(await me(analyst)).toMatchObject({ organisationRole: 'regional-analyst', offices: [{ officeId: A, role: 'analyst' }, { officeId: B, role: 'analyst' }] });
    expect(await me(operatorA)).toMatchObject({ organisationRole: null, offices: [{ officeId: A, role: 'operator' }] });
    expect(await me(operatorB)).toMatchObject({ organisationRole: null, offices: [{ officeId: B, role: 'operator' }] });
  });

  it('lists for the public every open office, and for a signed-in person the offices they work in with their role there', async () => {
    const list = async (token?: string) => data(await call<(OfficeSummary | StaffOffice)[]>(server, '/api/offices', token ? { token } : {}));
    const everyone = await list();
    expect(everyone.map((o) => o.id)).toEqual([A, B]);
    expect(everyone[1]).toEqual({ id: B, name: NORTH.name, address: NORTH.address, timeZone: expect.any(String), archived: false });
    expect(everyone.every((o) => !('role' in o))).toBe(true);

    const roles = (offices: (OfficeSummary | StaffOffice)[]) => offices.map((o) => [o.id, (o as StaffOffice).role]);
    expect(roles(await list(operatorA))).toEqual([[A, 'operator']]);
    expect(roles(await list(operatorB))).toEqual([[B, 'operator']]);
    expect(roles(await list(await server.login('in-both', PASSWORD)))).toEqual([[B, 'consultant']]);
    expect(roles(await list(regionalAdmin))).toEqual([[A, 'admin'], [B, 'admin']]);
    expect(roles(await list(analyst))).toEqual([[A, 'analyst'], [B, 'analyst']]);
  });
});

describe('two offices side by side', () => {
  let server: RunningTalon;
  let regionalAdmin: string;

  beforeAll(async () => {
    ({ server, regionalAdmin } = await organisationWithTwoOffices());
  });

  afterAll(() => server.close());

  it('number their tickets independently, each service from 100', async () => {
    const issue = async (office: string) =>
      data(await call<{ ticket: Ticket }>(server, officeApi('/tickets', office), { token: regionalAdmin, body: { serviceId: 'documents' } })).ticket;
    const first = [await issue(A), await issue(B)];
    const second = [await issue(A), await issue(A), await issue(B)];
    expect(first.map((t) => t.number)).toEqual([100, 100]);
    expect(first[0]!.code).toBe(first[1]!.code);
    expect(first[0]!.id).not.toBe(first[1]!.id);
    expect(second.map((t) => t.number)).toEqual([101, 102, 101]);
  });

  it('sequence their events independently and without gaps, each to its own namespace only', async () => {
    const watchers: Record<string, TestClient> = {
      [A]: await connectClient(server.url, { token: regionalAdmin }, A),
      [B]: await connectClient(server.url, { token: regionalAdmin }, B),
    };
    const command = (office: string, path: string, body: unknown = {}) => call<{ ticket?: Ticket }>(server, officeApi(path, office), { token: regionalAdmin, body });
    const issuedIn: Record<string, string[]> = { [A]: [], [B]: [] };
    // Interleaved: the two offices' commands arrive one after the other.
    for (const office of [A, B, A, B]) issuedIn[office]!.push(data(await command(office, '/tickets', { serviceId: 'certificates' })).ticket!.id);
    for (const office of [A, B]) data(await command(office, '/counters/booth-3/open'));
    for (const office of [B, A]) data(await command(office, '/counters/booth-3/call-next'));
    await watchers[A]!.waitFor((events) => events.length >= 4);
    await watchers[B]!.waitFor((events) => events.length >= 4);

    for (const office of [A, B]) {
      const { snapshots, events } = watchers[office]!;
      const seqs = events.map((e: QueueEvent) => e.seq);
      const from = snapshots[0]!.seq;
      expect([office, seqs]).toEqual([office, seqs.map((_, i) => from + 1 + i)]);
      const ticketIds = events.flatMap((e) => (e.ticket ? [e.ticket.id] : []));
      const other = office === A ? B : A;
      expect([office, ticketIds.filter((id) => issuedIn[other]!.includes(id))]).toEqual([office, []]);
      watchers[office]!.close();
    }
    // In the journal too: each office's seqs run 1, 2, 3 … on their own.
    for (const office of [A, B]) {
      const rows = await server.db.read.all<{ seq: number }>('SELECT seq FROM journal WHERE office_id = ? ORDER BY seq', [office]);
      expect([office, rows.map((r) => r.seq)]).toEqual([office, rows.map((_, i) => i + 1)]);
    }
  });

  it('lose an archived office from the public list, its routes and its namespace, and keep its id taken', async () => {
    data(await call<OfficeSummary>(server, '/api/offices', { token: regionalAdmin, body: { id: 'spare', copyFrom: A } }));
    expect(data(await call<OfficeSummary[]>(server, '/api/offices')).map((o) => o.id)).toEqual([A, B, 'spare']);
    const watcher = await connectClient(server.url, { token: regionalAdmin }, 'spare');
    const disconnected = new Promise<void>((resolve) => watcher.socket.once('disconnect', () => resolve()));

    const archived = data(await call<OfficeSummary>(server, '/api/offices/spare/archive', { token: regionalAdmin, body: {} }));
    expect(archived).toMatchObject({ id: 'spare', archived: true });
    await disconnected;
    watcher.close();
    expect(data(await call<OfficeSummary[]>(server, '/api/offices')).map((o) => o.id)).toEqual([A, B]);
    expect(data(await call<StaffOffice[]>(server, '/api/offices', { token: regionalAdmin })).map((o) => o.id)).toEqual([A, B]);
    expect(outcome(await call(server, officeApi('/services', 'spare')))).toEqual([404, 'office-not-found']);
    expect(outcome(await call(server, officeApi('/config', 'spare'), { token: regionalAdmin }))).toEqual([404, 'office-not-found']);
    expect(await handshakeRefusal(server.url, { token: regionalAdmin }, 'spare')).not.toBe('connected');
    expect(outcome(await call(server, '/api/offices', { token: regionalAdmin, body: { id: 'spare', copyFrom: A } }))).toEqual([409, 'conflict']);
  });

  it('answer 404 office-not-found for an office that never existed', async () => {
    expect(outcome(await call(server, officeApi('/services', 'nowhere')))).toEqual([404, 'office-not-found']);
    expect(outcome(await call(server, officeApi('/tickets', 'nowhere'), { token: regionalAdmin, body: { serviceId: 'documents' } }))).toEqual([404, 'office-not-found']);
  });
});
