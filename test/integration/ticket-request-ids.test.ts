// A request id makes a retry safe, and nothing more: it is the sender's own, so it never hands one
// actor another's ticket (whose id opens the visitor's live page), and a retry of a request that
// already succeeded is answered even when the kiosk has used up its issuing rate.
import { afterEach, describe, expect, it } from 'vitest';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

type Issued = { ticket: { id: string; code: string; serviceId: string } };

let server: RunningTalon;

afterEach(() => server.close());

const issue = (body: Record<string, unknown>, auth: { deviceKey?: string; token?: string }) => call<Issued>(server, officeApi('/tickets'), { body, ...auth });

describe('a request id sent again', () => {
  it('by another actor for another service makes that actor its own ticket, never the first one', async () => {
    server = await startTalon();
    const kiosk = { deviceKey: server.deviceKey('kiosk') };
    const operator = { token: await server.login('operator1') };
    const consultant = { token: await server.login('consultant') };
    const first = await issue({ serviceId: 'consultation', requestId: 'tap-5f1c2a90' }, kiosk);
    const stranger = await issue({ serviceId: 'documents', requestId: 'tap-5f1c2a90' }, operator);
    const sameService = await issue({ serviceId: 'consultation', requestId: 'tap-5f1c2a90' }, consultant);
    if (!first.body.ok || !stranger.body.ok || !sameService.body.ok) throw new Error('issuing failed');

    expect(stranger.body.data.ticket.id).not.toBe(first.body.data.ticket.id);
    expect(stranger.body.data.ticket.serviceId).toBe('documents');
    expect(sameService.body.data.ticket.id).not.toBe(first.body.data.ticket.id);
    expect(sameService.body.data.ticket.id).not.toBe(stranger.body.data.ticket.id);
    // Each actor's own retry still finds its own ticket.
    const kioskRetry = await issue({ serviceId: 'consultation', requestId: 'tap-5f1c2a90' }, kiosk);
    expect(kioskRetry.body.ok && kioskRetry.body.data.ticket.id).toBe(first.body.data.ticket.id);
  });

  it('by the same kiosk with different content is refused as a conflict, and issues nothing', async () => {
    server = await startTalon();
    const kiosk = { deviceKey: server.deviceKey('kiosk') };
    const first = await issue({ serviceId: 'consultation', language: 'ru', requestId: 'tap-0c2f9b41' }, kiosk);
    const otherService = await issue({ serviceId: 'documents', language: 'ru', requestId: 'tap-0c2f9b41' }, kiosk);
    const otherLanguage = await issue({ serviceId: 'consultation', language: 'uk', requestId: 'tap-0c2f9b41' }, kiosk);
    const snapshot = await call<{ tickets: unknown[] }>(server, officeApi('/snapshot'), kiosk);

    expect(first.body.ok).toBe(true);
    for (const refused of [otherService, otherLanguage]) {
      expect(refused.status).toBe(409);
      expect(!refused.body.ok && refused.body.error.code).toBe('conflict');
    }
    expect(snapshot.body.ok && snapshot.body.data.tickets).toHaveLength(1);
  });

  it('by a kiosk whose issuing rate is spent gets the ticket its request already made', async () => {
    // A clock that stands still: the kiosk's rate never refills during the test.
    const now = Date.now();
    server = await startTalon({ clock: () => now });
    const kiosk = { deviceKey: server.deviceKey('kiosk') };
    const first = await issue({ serviceId: 'consultation', requestId: 'tap-9a8b7c6d' }, kiosk);
    let spent = false;
    for (let tap = 0; !spent && tap < 50; tap += 1) {
      const next = await issue({ serviceId: 'consultation', requestId: `tap-spend-${tap}` }, kiosk);
      spent = !next.body.ok && next.body.error.code === 'rate-limited';
    }
    expect(spent).toBe(true);

    const retry = await issue({ serviceId: 'consultation', requestId: 'tap-9a8b7c6d' }, kiosk);
    expect(retry.status).toBe(200);
    expect(retry.body.ok && retry.body.data.ticket.id).toBe(first.body.ok && first.body.data.ticket.id);
    // A new request is still limited.
    const fresh = await issue({ serviceId: 'consultation', requestId: 'tap-new-one1' }, kiosk);
    expect(!fresh.body.ok && fresh.body.error.code).toBe('rate-limited');
  });
});
