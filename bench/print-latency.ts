// From a tap on the kiosk (POST /api/tickets) to the last byte of the ticket at the printer: the
// real server, the real print agent and the fake network printer, all on loopback in this process.
// Taps come one at a time, spread over 20 kiosks sharing the agent (each kiosk is rate-limited the
// way a real one is), so the figure is the latency of one ticket, not of a backlog.
import { join } from 'node:path';
import { startPrintAgent } from '../printer/agent';
import { startFakePrinter } from '../test/support/fake-printer';
import { call, officeApi, startTalon } from '../test/support/talon-server';
import { ms, summarize } from './stats';

const TICKETS = 200;
const KIOSKS = 20;
const SERVICES = ['certificates', 'documents', 'consultation'];
/** GS V 66 0: the feed-and-cut that ends every ticket (printer/escpos/escpos-commands.ts). */
const CUT = [0x1d, 0x56, 66, 0];

/** Counts cuts in a growing byte stream, scanning each byte once. */
function cutCounter(): (printed: Uint8Array) => number {
  let scanned = 0;
  let cuts = 0;
  return (printed) => {
    for (; scanned + CUT.length <= printed.length; scanned++) {
      if (CUT.every((byte, i) => printed[scanned + i] === byte)) cuts++;
    }
    return cuts;
  };
}

export async function benchPrintLatency(): Promise<string> {
  const server = await startTalon();
  const printer = await startFakePrinter('online');
  const agent = startPrintAgent({
    server: server.url,
    key: server.deviceKey('print-agent'),
    printer: printer.connection,
    model: 'epson',
    paper: '80mm',
    jobsFile: join(server.dataDir, 'printed-jobs.jsonl'),
    log: () => undefined,
  });
  try {
    await agent.connected();
    const admin = await server.login('admin');
    const kioskKeys: string[] = [];
    for (let k = 0; k < KIOSKS; k++) {
      const created = await call<{ key: string }>(server, officeApi('/devices'), { body: { kind: 'kiosk', name: `Bench kiosk ${k}`, zone: 'hall' }, token: admin });
      if (!created.body.ok) throw new Error(JSON.stringify(created.body.error));
      kioskKeys.push(created.body.data.key);
    }
    const cuts = cutCounter();
    const samples: number[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const t0 = performance.now();
      const issued = await call(server, officeApi('/tickets'), { body: { serviceId: SERVICES[i % SERVICES.length] }, deviceKey: kioskKeys[i % KIOSKS] });
      if (!issued.body.ok) throw new Error(JSON.stringify(issued.body.error));
      await printer.waitForPrinted((printed) => cuts(printed) >= i + 1);
      samples.push(performance.now() - t0);
    }
    const s = summarize(samples);
    return [
      '| tickets | p50 | p99 | max |',
      '| --- | --- | --- | --- |',
      `| ${s.n} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} |`,
      '',
      'Tap (POST /api/tickets by a kiosk) to the last byte of the ticket at a loopback ESC/POS printer, through the server, the print agent and its status check (DLE EOT).',
    ].join('\n');
  } finally {
    await agent.stop();
    await server.close();
    await printer.close();
  }
}
