// From a counter's "call next" request to the event arriving at every one of N connected display
// clients (all in this process, as a hall full of screens would be on the network), and the
// server's memory with 1,000 connected clients.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../common/protocol';
import { call } from '../test/support/talon-server';
import { benchServer } from './server-process';
import { ms, summarize } from './stats';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

async function connectMany(url: string, deviceKey: string, count: number): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () => {
      const socket: Client = io(url, { auth: { deviceKey }, transports: ['websocket'], forceNew: true });
      clients.push(socket);
      return new Promise<void>((resolve) => socket.once('queue:snapshot', () => resolve()));
    });
    await Promise.all(batch);
  }
  return clients;
}

export async function benchCallToDisplay(displays = 500, calls = 100): Promise<string> {
  const server = await benchServer();
  try {
    const displayKey = server.demo.devices.find((d) => d.kind === 'display')!.key;
    const token = await server.token('operator1');
    const rssBefore = server.rssMiB();
    const clients = await connectMany(server.url, displayKey, displays);
    await call(server, '/api/counters/booth-1/open', { body: {}, token });
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      await call(server, '/api/tickets', { body: { serviceId: 'documents' }, token });
      const arrivals = clients.map(
        (socket) =>
          new Promise<number>((resolve) => {
            const onEvent = (event: { kind: string }) => {
              if (event.kind !== 'ticket-called') return;
              socket.off('queue:event', onEvent);
              resolve(performance.now());
            };
            socket.on('queue:event', onEvent);
          }),
      );
      const sent = performance.now();
      const res = await call(server, '/api/counters/booth-1/call-next', { body: {}, token });
      if (!res.body.ok) throw new Error(JSON.stringify(res.body.error));
      for (const at of await Promise.all(arrivals)) samples.push(at - sent);
      await call(server, '/api/counters/booth-1/finish', { body: {}, token });
    }
    const s = summarize(samples);
    const more = await connectMany(server.url, displayKey, 1000 - displays);
    await new Promise((r) => setTimeout(r, 500));
    const rss1000 = server.rssMiB();
    [...clients, ...more].forEach((c) => c.close());
    return [
      `Call next → event at each of ${displays} display clients, ${calls} calls (${s.n} deliveries): p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}.`,
      '',
      `Server memory (RSS): ${rssBefore.toFixed(0)} MiB idle, ${rss1000.toFixed(0)} MiB with 1,000 connected clients.`,
    ].join('\n');
  } finally {
    await server.kill9();
  }
}
