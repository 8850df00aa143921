// `npm run bench`: runs every benchmark and prints a Markdown section for docs/benchmarks.md.
import { cpus, totalmem } from 'node:os';
import { benchAnalytics } from './analytics';
import { benchAnnouncements } from './announcements';
import { benchCallToDisplay } from './call-to-display';
import { benchIssue } from './issue-tickets';
import { benchBusyNeighbour, benchManyOffices } from './many-offices';
import { benchNodes } from './nodes';
import { benchPhonePush } from './phone-push';
import { benchPrintLatency } from './print-latency';
import { benchRegionReport } from './region-report';

// The servers the benchmarks start log only warnings: a JSON line per request would cost the figures
// and fill the memory of the process that keeps their output (test/support/talon-process.ts).
process.env.TALON_LOG_LEVEL ??= 'warn';

const only = process.argv[2];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const sections: [string, () => Promise<string>][] = [
  ['Durable ticket issuing (REST and Socket.IO)', benchIssue],
  ['Call to hall displays', () => benchCallToDisplay()],
  ['Analytics reports over a year', benchAnalytics],
  ['Kiosk tap to printed ticket', benchPrintLatency],
  ['Announcements', benchAnnouncements],
  ['Scale: 200 offices on one server', benchManyOffices],
  ['A busy neighbour: two offices on one server', () => benchBusyNeighbour()],
  ['Scale: the regional report over a year of 200 offices', benchRegionReport],
  ['Several nodes: SQLite, PostgreSQL, two nodes on PostgreSQL', benchNodes],
  ['Phone visitors: call to push, and the ticket watch', benchPhonePush],
];

console.log(`## Run of ${new Date().toISOString().slice(0, 10)} — ${machine}\n`);
for (const [title, run] of sections) {
  if (only && !title.toLowerCase().includes(only.toLowerCase())) continue;
  console.log(`### ${title}\n\n${await run()}\n`);
}
process.exit(0);
