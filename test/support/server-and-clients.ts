// A fresh server for each test of a file and the socket clients the test opened, all closed after it.
import { afterEach, beforeEach } from 'vitest';
import type { TestClient } from './socket-client';
import { startTalon, type RunningTalon } from './talon-server';

export interface ServerAndClients {
  /** The running server of the current test. */
  server: RunningTalon;
  /** Clients to close after the test: push each one the test opens. */
  clients: TestClient[];
}

export function useServerAndClients(): ServerAndClients {
  const env = { clients: [] } as unknown as ServerAndClients;
  beforeEach(async () => {
    env.server = await startTalon();
  });
  afterEach(async () => {
    env.clients.forEach((c) => c.close());
    env.clients = [];
    await env.server.close();
  });
  return env;
}
