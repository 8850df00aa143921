// Hall screens for the benchmarks: socket.io-client connections to one office's namespace with a
// display's key, as a hall full of screens would be on the network — in this process, or for many
// offices in a child process of their own.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import { officeNamespace, type ClientToServerEvents, type OfficeId, type ServerToClientEvents } from '../common/protocol';

export type Screen = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects `count` screens, 50 at a time, each resolved once it has the office's snapshot. */
export async function connectScreens(url: string, officeId: OfficeId, deviceKey: string, count: number): Promise<Screen[]> {
  const screens: Screen[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () => {
      const socket: Screen = io(`${url}${officeNamespace(officeId)}`, { auth: { deviceKey }, transports: ['websocket'], forceNew: true });
      screens.push(socket);
      return new Promise<void>((resolve) => socket.once('queue:snapshot', () => resolve()));
    });
    await Promise.all(batch);
  }
  return screens;
}

/** Resolves with the instant each screen receives the next `ticket-called` event. */
export function nextCallArrivals(screens: readonly Screen[]): Promise<number[]> {
  return Promise.all(
    screens.map(
      (socket) =>
        new Promise<number>((resolve) => {
          const onEvent = (event: { kind: string }) => {
            if (event.kind !== 'ticket-called') return;
            socket.off('queue:event', onEvent);
            resolve(performance.now());
          };
          socket.on('queue:event', onEvent);
        }),
    ),
  );
}

/**
 * Screens for many offices in a child process (screens-process.ts); resolves once all are connected,
 * with a stop that closes them.
 */
export async function connectScreensElsewhere(url: string, offices: readonly { office: OfficeId; key: string }[], perOffice: number): Promise<{ count: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'screens-process.ts'), url, String(perOffice)], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(offices.map((o) => `${o.office} ${o.key}`).join('\n'));
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the screens process ended (${String(code)}) before its screens were connected`);
  });
  const [line] = (await Promise.race([once(createInterface({ input: child.stdout }), 'line'), exited])) as [string];
  // It ends when stopped: that is no failure any more.
  exited.catch(() => undefined);
  const count = Number(/^ready (\d+)$/.exec(line)?.[1]);
  if (!Number.isFinite(count)) throw new Error(`screens process: ${line}`);
  return { count, stop: () => child.kill('SIGKILL') };
}
