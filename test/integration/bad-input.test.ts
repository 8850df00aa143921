// Bad input of every kind gets its clear error code, and the queue stays exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

let server: RunningTalon;
let operator: string;
let kiosk: string;

beforeAll(async () => {
  server = await startTalon();
  operator = await server.login('operator1');
  kiosk = server.deviceKey('kiosk');
  await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey: kiosk });
  await call(server, officeApi('/counters/booth-1/open'), { body: {}, token: operator });
});

afterAll(() => server.close());

async function snapshotSeq(): Promise<number> {
  const res = await call<{ seq: number }>(server, officeApi('/snapshot'), { token: operator });
  if (!res.body.ok) throw new Error('snapshot failed');
  return res.body.data.seq;
}

async function expectRefused(
  request: () => Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }>,
  status: number,
  code: string,
): Promise<void> {
  const before = await snapshotSeq();
  const { status: got, body } = await request();
  expect(got).toBe(status);
  expect(body.ok).toBe(false);
  expect(body.error?.code).toBe(code);
  expect(body.error?.message.length).toBeGreaterThan(5);
  expect(await snapshotSeq()).toBe(before);
}

describe('bad input', () => {
  it('refuses malformed JSON', () =>
    expectRefused(() => call(server, officeApi('/tickets'), { rawBody: '{"serviceId": ', deviceKey: kiosk }), 400, 'invalid-input'));

  it('refuses wrong types', () =>
    expectRefused(() => call(server, officeApi('/tickets'), { body: { serviceId: 42 }, deviceKey: kiosk }), 400, 'invalid-input'));

  it('refuses unknown fields', () =>
    expectRefused(() => call(server, officeApi('/tickets'), { body: { serviceId: 'documents', number: 7 }, deviceKey: kiosk }), 400, 'invalid-input'));

  it('refuses an unknown service', () =>
    expectRefused(() => call(server, officeApi('/tickets'), { body: { serviceId: 'nope' }, deviceKey: kiosk }), 404, 'not-found'));

  it('refuses an unknown counter', () =>
    expectRefused(() => call(server, officeApi('/counters/booth-99/call-next'), { body: {}, token: operator }), 404, 'not-found'));

  it('refuses an oversized body', () =>
    expectRefused(
      () => call(server, officeApi('/tickets'), { rawBody: JSON.stringify({ serviceId: 'x'.repeat(100_000) }), deviceKey: kiosk }),
      400,
      'invalid-input',
    ));

  it('refuses an action in the wrong state', () =>
    expectRefused(() => call(server, officeApi('/counters/booth-1/start'), { body: {}, token: operator }), 409, 'counter-idle'));

  it('refuses a transfer with neither service nor counter', async () => {
    await expectRefused(() => call(server, officeApi('/counters/booth-1/transfer'), { body: { comment: 'x' }, token: operator }), 400, 'invalid-input');
  });

  it('refuses a visitor without credentials at a counter', () =>
    expectRefused(() => call(server, officeApi('/counters/booth-1/call-next'), { body: {} }), 401, 'unauthenticated'));

  it('refuses a kiosk calling visitors', () =>
    expectRefused(() => call(server, officeApi('/counters/booth-1/call-next'), { body: {}, deviceKey: kiosk }), 403, 'forbidden'));

  it('refuses an operator changing the office configuration', () =>
    expectRefused(
      () => call(server, officeApi('/config/services/documents'), { method: 'PUT', body: { name: { en: 'x' }, prefix: 'Д' }, token: operator }),
      403,
      'forbidden',
    ));

  it('refuses another operator at an open counter', async () => {
    const other = await server.login('operator2');
    await expectRefused(() => call(server, officeApi('/counters/booth-1/call-next'), { body: {}, token: other }), 409, 'counter-taken');
  });

  it('refuses a revoked device', async () => {
    const admin = await server.login('admin');
    const created = await call<{ device: { id: string }; key: string }>(server, officeApi('/devices'), {
      body: { kind: 'kiosk', name: 'Second kiosk', zone: 'hall' },
      token: admin,
    });
    if (!created.body.ok) throw new Error(JSON.stringify(created.body));
    const { device, key } = created.body.data;
    expect((await call(server, officeApi('/tickets'), { body: { serviceId: 'certificates' }, deviceKey: key })).status).toBe(200);
    expect((await call(server, officeApi(`/devices/${device.id}/revoke`), { body: {}, token: admin })).status).toBe(200);
    await expectRefused(() => call(server, officeApi('/tickets'), { body: { serviceId: 'certificates' }, deviceKey: key }), 403, 'device-revoked');
  });

  it('refuses an invalid office configuration and keeps the old one', async () => {
    const admin = await server.login('admin');
    const res = await call(server, officeApi('/config/office'), { method: 'PUT', body: { name: {}, timeZone: 'Mars/Olympus' }, token: admin });
    expect(res.status).toBe(400);
    const config = await call<{ office: { timeZone: string } }>(server, officeApi('/config'), { token: admin });
    expect(config.body.ok && config.body.data.office.timeZone).toBe('Asia/Irkutsk');
  });

  it('answers an unknown API path with not-found in the same shape', async () => {
    const res = await call(server, '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(!res.body.ok && res.body.error.code).toBe('not-found');
  });
});

describe('a service no counter serves', () => {
  it('is marked on the kiosk list and refused with service-not-served-now', async () => {
    const admin = await server.login('admin');
    const put = await call(server, officeApi('/config/services/orphan'), {
      method: 'PUT',
      token: admin,
      body: { name: { ru: 'Архив', en: 'Archive' }, prefix: 'А' },
    });
    expect(put.status).toBe(200);
    const list = await call<{ services: { service: { id: string }; served: boolean }[] }>(server, officeApi('/services'));
    expect(list.body.ok && list.body.data.services.find((s) => s.service.id === 'orphan')?.served).toBe(false);
    await expectRefused(() => call(server, officeApi('/tickets'), { body: { serviceId: 'orphan' }, deviceKey: kiosk }), 409, 'service-not-served-now');
  });
});

describe('a kiosk retrying a tap', () => {
  it('gets the same ticket for the same request id, and a new one for a new id', async () => {
    const first = await call<{ ticket: { id: string; code: string } }>(server, officeApi('/tickets'), { body: { serviceId: 'consultation', requestId: 'tap-5f1c2a90' }, deviceKey: kiosk });
    const again = await call<{ ticket: { id: string; code: string } }>(server, officeApi('/tickets'), { body: { serviceId: 'consultation', requestId: 'tap-5f1c2a90' }, deviceKey: kiosk });
    const other = await call<{ ticket: { id: string; code: string } }>(server, officeApi('/tickets'), { body: { serviceId: 'consultation', requestId: 'tap-77d0e413' }, deviceKey: kiosk });
    if (!first.body.ok || !again.body.ok || !other.body.ok) throw new Error('issuing failed');
    expect(again.body.data.ticket.id).toBe(first.body.data.ticket.id);
    expect(other.body.data.ticket.id).not.toBe(first.body.data.ticket.id);
  });
});
