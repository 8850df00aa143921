// A ticket's id is its visitor's secret: with it they add an SMS or e-mail contact to the ticket. So
// nothing the hall or the internet receives carries one — the anonymous snapshot, the public socket's
// snapshot, events and resyncs, a hall display's, a print agent's — while staff keep theirs, a kiosk
// those it issued, and the live
// ticket page, which holds its id, still finds its own ticket in the public events by its reference.
// Analysts, who read reports about visitors rather than serve them, see tickets by reference too.
import { describe, expect, it } from 'vitest';
import type { LiveTicket, QueueSnapshot, Ticket } from '../../common/protocol';
import type { LiveMonitor, LongWait } from '../../common/protocol/analytics';
import { activeContacts } from '../../server/notify/contacts-store';
import { ticketRef } from '../../server/realtime/redact';
import { useServerAndClients } from '../support/server-and-clients';
import { connectClient, type TestClient } from '../support/socket-client';
import { call, MAIN_OFFICE, officeApi } from '../support/talon-server';

const env = useServerAndClients();
const ANALYST_PASSWORD = 'an-analyst-password';

async function client(auth: { token?: string; deviceKey?: string } = {}): Promise<TestClient> {
  const c = await connectClient(env.server.url, auth);
  env.clients.push(c);
  return c;
}

function data<T>(answer: { body: { ok: true; data: unknown } | { ok: false; error: unknown } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.body)}`);
  return answer.body.data as T;
}

/**
 * Issues three tickets (two at the kiosk, as it does, with a request id; one by staff), calls,
 * recalls, transfers and serves some, so tickets, counters and recent calls all name tickets.
 */
async function aBusyMorning(staff: TestClient, kiosk: TestClient): Promise<Ticket[]> {
  const issued: Ticket[] = [];
  for (const [by, serviceId] of [[kiosk, 'documents'], [kiosk, 'documents'], [staff, 'certificates']] as const) {
    const answer = await by.socket.emitWithAck('ticket:issue', { serviceId, requestId: `morning-tap-${issued.length}` });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    issued.push(answer.data.ticket);
  }
  for (const command of [
    () => staff.socket.emitWithAck('counter:open', { counterId: 'booth-1' }),
    () => staff.socket.emitWithAck('counter:call-next', { counterId: 'booth-1' }),
    () => staff.socket.emitWithAck('counter:recall', { counterId: 'booth-1' }),
    () => staff.socket.emitWithAck('counter:start', { counterId: 'booth-1' }),
    () => staff.socket.emitWithAck('counter:transfer', { counterId: 'booth-1', toServiceId: 'consultation', comment: 'private note', returnAfter: false }),
    () => staff.socket.emitWithAck('counter:call-next', { counterId: 'booth-1' }),
  ]) {
    const answer = await command();
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  }
  return issued;
}

describe('ticket ids kept from the hall and the public', () => {
  it('never sends a ticket id to an anonymous caller, a hall display or a print agent, by REST or socket, while staff keep them and a kiosk those it issued', async () => {
    const staff = await client({ token: await env.server.login('operator1') });
    const kiosk = await client({ deviceKey: env.server.deviceKey('kiosk') });
    const anonymous = await client();
    const display = await client({ deviceKey: env.server.deviceKey('display') });
    const printAgent = await client({ deviceKey: env.server.deviceKey('print-agent') });
    const tickets = await aBusyMorning(staff, kiosk);
    const lastSeq = Math.max(...staff.events.map((e) => e.seq));
    for (const c of [anonymous, display, printAgent, kiosk]) await c.waitFor((events) => events.some((e) => e.seq === lastSeq));
    const kioskResync = await kiosk.socket.emitWithAck('queue:resync');
    const resync = await anonymous.socket.emitWithAck('queue:resync');
    const late = await client();

    const seenByHall = JSON.stringify([
      anonymous.snapshots,
      anonymous.events,
      resync,
      late.snapshots,
      display.snapshots,
      display.events,
      printAgent.snapshots,
      printAgent.events,
      data<QueueSnapshot>(await call(env.server, officeApi('/snapshot'))),
      data<QueueSnapshot>(await call(env.server, officeApi('/snapshot'), { deviceKey: env.server.deviceKey('display') })),
    ]);
    const seenByStaff = JSON.stringify([staff.events, data<QueueSnapshot>(await call(env.server, officeApi('/snapshot'), { token: await env.server.login('operator1') }))]);
    for (const { id } of tickets) {
      expect(seenByStaff).toContain(id);
      expect(seenByHall).not.toContain(id);
      expect(seenByHall).toContain(ticketRef(id));
    }
    expect(seenByHall).not.toContain('private note');
    // The kiosk follows the printing of the tickets it issued by their ids, and sees others' by reference.
    const [own, alsoOwn, others] = tickets as [Ticket, Ticket, Ticket];
    const seenByKiosk = JSON.stringify([kiosk.snapshots, kiosk.events, kioskResync]);
    expect(kiosk.events.some((e) => e.ticket?.id === own.id)).toBe(true);
    expect(seenByKiosk).toContain(alsoOwn.id);
    expect(seenByKiosk).not.toContain(others.id);
    expect(seenByKiosk).toContain(ticketRef(others.id));
    // The hall still pairs a counter with its ticket and a call with the ticket on screen.
    const hall = late.snapshots[0]!;
    const atBooth = hall.counterStates.find((c) => c.counterId === 'booth-1')!.ticketId;
    expect(hall.tickets.find((t) => t.id === atBooth)?.status).toBe('called');
    expect(hall.recentCalls[0]?.ticketId).toBe(atBooth);
  });

  it('shows an analyst every ticket by its reference, in the live monitor and the longest waits, JSON and CSV', async () => {
    const admin = await env.server.login('admin');
    data(await call(env.server, '/api/users', { token: admin, body: { login: 'analyst-of-main', name: 'analyst-of-main', password: ANALYST_PASSWORD, offices: [{ officeId: MAIN_OFFICE, role: 'analyst' }], organisationRole: null } }));
    const analyst = await env.server.login('analyst-of-main', ANALYST_PASSWORD);
    const staff = await client({ token: await env.server.login('operator1') });
    const kiosk = await client({ deviceKey: env.server.deviceKey('kiosk') });
    const tickets = await aBusyMorning(staff, kiosk);

    const live = data<LiveMonitor>(await call(env.server, officeApi('/analytics/live'), { token: analyst }));
    const waits = data<{ result: LongWait[] }>(await call(env.server, officeApi('/analytics/longest-waits'), { token: analyst }));
    const csv = await (await fetch(`${env.server.url}${officeApi('/analytics/longest-waits?format=csv')}`, { headers: { Authorization: `Bearer ${analyst}` } })).text();
    const seenByAnalyst = JSON.stringify([live, waits, csv]);
    for (const { id } of tickets) expect(seenByAnalyst).not.toContain(id);
    const atBooth = live.counters.find((c) => c.counterId === 'booth-1')!;
    expect(tickets.map((t) => ticketRef(t.id))).toContain(atBooth.ticketRef);
  });

  it('lets the live ticket page, holding its id, find its ticket in the public events by the reference GET /tickets/:id gives', async () => {
    const staff = await client({ token: await env.server.login('operator1') });
    const kiosk = await client({ deviceKey: env.server.deviceKey('kiosk') });
    const page = await client();
    const [mine] = await aBusyMorning(staff, kiosk);
    const live = data<LiveTicket>(await call(env.server, officeApi(`/tickets/${mine!.id}`)));
    expect(live.ticket.id).toBe(mine!.id);
    expect(live.ref).toBe(ticketRef(mine!.id));
    await page.waitFor((events) => events.some((e) => e.kind === 'ticket-called' && e.ticket?.id === live.ref));
  });

  it('gives whoever knows only what the hall shows no way to add a contact to a visitor’s ticket or stop theirs', async () => {
    const admin = await env.server.login('admin');
    data(await call(env.server, officeApi('/channels/sms'), {
      method: 'PUT',
      token: admin,
      body: { enabled: true, method: 'POST', url: 'https://sms.example.org/send', contentType: 'application/json', body: '{"to":"{phone}","text":"{text}"}', headers: {} },
    }));
    const kiosk = await client({ deviceKey: env.server.deviceKey('kiosk') });
    const issued = await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'documents' });
    if (!issued.ok) throw new Error(JSON.stringify(issued.error));
    const { id } = issued.data.ticket;
    data(await call(env.server, officeApi(`/public/tickets/${id}/contacts`), { body: { channel: 'sms', phone: '+7 900 111 11 11', consent: true } }));

    const [onScreen] = data<QueueSnapshot>(await call(env.server, officeApi('/snapshot'))).tickets;
    const attempt = await call(env.server, officeApi(`/public/tickets/${onScreen!.id}/contacts`), { body: { channel: 'sms', phone: '+7 999 666 66 66', consent: true } });
    expect(attempt.status).toBe(404);
    const active = await activeContacts(env.server.db.read, MAIN_OFFICE, 'ticket', id);
    expect(active.map((c) => c.address)).toEqual(['+7 900 111 11 11']);
  });
});
