// A real socket.io-client connection for tests, collecting what the server pushes.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, QueueEvent, QueueSnapshot, ServerToClientEvents } from '../../common/protocol';

export interface TestClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  snapshots: QueueSnapshot[];
  events: QueueEvent[];
  /** Resolves once `predicate` holds for the collected events (checked on every new one). */
  waitFor(predicate: (events: QueueEvent[]) => boolean, timeoutMs?: number): Promise<QueueEvent[]>;
  close(): void;
}

export async function connectClient(url: string, auth: { token?: string; deviceKey?: string } = {}): Promise<TestClient> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { auth, transports: ['websocket'], forceNew: true });
  const snapshots: QueueSnapshot[] = [];
  const events: QueueEvent[] = [];
  const waiters = new Set<() => void>();
  socket.on('queue:snapshot', (s) => {
    snapshots.push(s);
    waiters.forEach((w) => w());
  });
  socket.on('queue:event', (e) => {
    events.push(e);
    waiters.forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('queue:snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    snapshots,
    events,
    waitFor: (predicate, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(events)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(events);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting; got ${events.map((e) => e.kind).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => socket.close(),
  };
}
