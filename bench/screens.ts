// Hall screens for the benchmarks: socket.io-client connections to one office's namespace with a
// display's key, all in this process, as a hall full of screens would be on the network.
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
