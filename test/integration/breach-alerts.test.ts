// The live monitor's breach prediction reaches the booths over socket.io: booth staff are told which
// services have visitors predicted to miss the target, as it changes; consultants and devices are not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceBreachRisk } from '../../common/protocol/analytics';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { connectClient, type TestClient } from '../support/socket-client';

let server: RunningTalon;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTalon();
});

afterAll(async () => {
  clients.forEach((c) => c.close());
  await server.close();
});

async function listener(auth: { token?: string; deviceKey?: string }): Promise<{ client: TestClient; pushes: ServiceBreachRisk[][] }> {
  const client = await connectClient(server.url, auth);
  clients.push(client);
  const pushes: ServiceBreachRisk[][] = [];
  client.socket.on('alerts:breach-risk', (risks) => pushes.push(risks));
  return { client, pushes };
}

describe('breach alerts on the booth panel', () => {
  it('tell booth staff which services will miss the target, live, and nobody else', async () => {
    const operatorToken = await server.login('operator1');
    const operator = await listener({ token: operatorToken });
    const consultant = await listener({ token: await server.login('consultant') });
    const display = await listener({ deviceKey: server.deviceKey('display') });

    // No booth serves documents yet, so a waiting visitor cannot be called within the target.
    const issued = await call<{ ticket: { code: string } }>(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, token: operatorToken });
    if (!issued.body.ok) throw new Error(issued.body.error.message);
    const code = issued.body.data.ticket.code;
    await expect.poll(() => operator.pushes.at(-1)).toEqual([{ serviceId: 'documents', atRisk: 1, breached: 0, codes: [code] }]);

    // Called: nobody is at risk any more, and the booth hears so.
    await call(server, officeApi('/counters/booth-1/open'), { body: {}, token: operatorToken });
    await call(server, officeApi('/counters/booth-1/call-next'), { body: {}, token: operatorToken });
    await expect.poll(() => operator.pushes.at(-1)).toEqual([]);

    // A round trip on each other socket: anything sent to it before now has arrived.
    for (const other of [consultant, display]) {
      expect((await other.client.socket.emitWithAck('queue:resync')).ok).toBe(true);
      expect(other.pushes).toEqual([]);
    }
  });
});
