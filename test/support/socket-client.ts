// A real socket.io-client connection to one office's namespace for tests, collecting what the server pushes.
import { io, type Socket } from 'socket.io-client';
import { officeNamespace, type ClientToServerEvents, type OfficeId, type QueueEvent, type QueueSnapshot, type ServerToClientEvents } from '../../common/protocol';
import { MAIN_OFFICE } from './talon-server';

export interface TestClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  snapshots: QueueSnapshot[];
  events: QueueEvent[];
  /** Resolves once `predicate` holds for the collected events (checked on every new one). */
  waitFor(predicate: (events: QueueEvent[]) => boolean, timeoutMs?: number): Promise<QueueEvent[]>;
  close(): void;
}

/** Where a socket.io-client joins an office's live queue: the server's URL plus the office's namespace. */
export function officeSocketUrl(url: string, office: OfficeId = MAIN_OFFICE): string {
  return `${url}${officeNamespace(office)}`;
}

export async function connectClient(url: string, auth: { token?: string; deviceKey?: string } = {}, office: OfficeId = MAIN_OFFICE): Promise<TestClient> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(officeSocketUrl(url, office), { auth, transports: ['websocket'], forceNew: true });
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
    // A refused handshake is final (Socket.IO does not retry it): close the connection under it too.
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
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
