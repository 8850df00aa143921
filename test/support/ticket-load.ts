// Ten clients issuing tickets in one office as fast as they can, for tests that do something to a
// server under load (kill -9 it, back it up) and then check what was acknowledged.
import type { OfficeId } from '../../common/protocol';
import type { TalonProcess } from './talon-process';
import { call, officeApi } from './talon-server';

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
