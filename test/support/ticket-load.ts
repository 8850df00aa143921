// Ten clients issuing tickets in one office as fast as they can, for tests that do something to a
// server under load (kill -9 it, back it up) and then check what was acknowledged.
import { expect } from 'vitest';
import type { OfficeId } from '../../common/protocol';
import type { TalonProcess } from './talon-process';
import { call, officeApi } from './talon-server';
import { openTestDatabase } from './test-database';

export interface TicketLoad {
  /** Every ticket whose issue was acknowledged, in the order the answers came. */
  acknowledged: { id: string; code: string }[];
  /** Resolves once at least `count` tickets have been acknowledged. */
  reached(count: number): Promise<void>;
  /** Stops the clients and waits for their last requests. */
  stop(): Promise<void>;
}

/** Clients sign in as operator1 (a kiosk's key is rate-limited) and cycle through three services. */
export async function issueUnderLoad(server: TalonProcess, office: OfficeId): Promise<TicketLoad> {
  const login = await call<{ token: string }>(server, '/api/auth/login', { body: { login: 'operator1', password: server.demo.staffPassword } });
  const token = login.body.ok ? login.body.data.token : '';
  const acknowledged: TicketLoad['acknowledged'] = [];
  let stopped = false;
  const clients = Array.from({ length: 10 }, async (_, i) => {
    const serviceId = ['documents', 'certificates', 'consultation'][i % 3]!;
    while (!stopped) {
      try {
        const res = await call<{ ticket: { id: string; code: string } }>(server, officeApi('/tickets', office), { body: { serviceId }, token });
        if (res.body.ok) acknowledged.push({ id: res.body.data.ticket.id, code: res.body.data.ticket.code });
      } catch {
        return; // the connection died with the server
      }
    }
  });
  return {
    acknowledged,
    reached: async (count) => {
      while (acknowledged.length < count) await new Promise((r) => setTimeout(r, 20));
    },
    stop: async () => {
      stopped = true;
      await Promise.all(clients);
    },
  };
}

/**
 * The office's tickets in the data folder's database, after checking that every acknowledged ticket
 * is there with the code it was given and that no code was issued twice.
 */
export async function expectAcknowledgedStored(dataDir: string, office: OfficeId, acknowledged: TicketLoad['acknowledged']): Promise<{ id: string; code: string }[]> {
  const db = await openTestDatabase(dataDir);
  const rows = await db.read.all<{ id: string; code: string }>('SELECT id, code FROM tickets WHERE office_id = ?', [office]);
  await db.close();
  const stored = new Map(rows.map((r) => [r.id, r.code]));
  for (const ticket of acknowledged) expect(stored.get(ticket.id)).toBe(ticket.code);
  expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  return rows;
}
