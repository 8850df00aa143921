// From a counter's "call next" request to the event arriving at every one of N connected display
// clients (all in this process, as a hall full of screens would be on the network), and the
// server's memory with 1,000 connected clients.
import { officeApi, call } from '../test/support/talon-server';
import { connectScreens, nextCallArrivals } from './screens';
import { benchServer } from './server-process';
import { ms, summarize } from './stats';

const OFFICE = 'main';

export async function benchCallToDisplay(displays = 500, calls = 100): Promise<string> {
  const server = await benchServer();
  try {
    const displayKey = server.deviceKey(OFFICE, 'display');
    const token = await server.token('operator1');
    const rssBefore = server.rssMiB();
    const clients = await connectScreens(server.url, OFFICE, displayKey, displays);
    await call(server, officeApi('/counters/booth-1/open'), { body: {}, token });
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      await call(server, officeApi('/tickets'), { body: { serviceId: 'documents' }, token });
      const arrivals = nextCallArrivals(clients);
      const sent = performance.now();
      const res = await call(server, officeApi('/counters/booth-1/call-next'), { body: {}, token });
      if (!res.body.ok) throw new Error(JSON.stringify(res.body.error));
      for (const at of await arrivals) samples.push(at - sent);
      await call(server, officeApi('/counters/booth-1/finish'), { body: {}, token });
    }
    const s = summarize(samples);
    const more = await connectScreens(server.url, OFFICE, displayKey, 1000 - displays);
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
