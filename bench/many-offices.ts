// Scale on one machine (issue #11): the same measurements in office `main` of a server that runs
// that office alone, then of a server that runs 200 offices, each with 10 hall screens connected and
// the other offices busy at 2,000 visitors a day. Also the server's memory, and whether a busy
// office slows another office's commands.
import { officeApiPath, type OfficeId } from '../common/protocol';
import { call } from '../test/support/talon-server';
import { jsonPoster } from './http-client';
import { measure } from './issue-tickets';
import { connectScreens, nextCallArrivals, type Screen } from './screens';
import { benchServer, type BenchServer } from './server-process';
import { ms, summarize } from './stats';

const OFFICES = 200;
const SCREENS_PER_OFFICE = 10;
const VISITORS_PER_DAY = 2000;
/** A working day of the busy offices, over which their visitors arrive. */
const DAY_HOURS = 9;
/** Tickets waiting in every office when the measurements start, as at a busy mid-morning. */
const WAITING = 40;
const ISSUING_CLIENTS = 10;
const CALLS = 100;
const SERVICES = ['documents', 'certificates', 'consultation'];
const MEASURED: OfficeId = 'main';
/** How long main issues beside an idle, then a flooded office-2. */
const NEIGHBOUR_SECONDS = 20;

type Post = ReturnType<typeof jsonPoster>;

/** Where the run is, on stderr: the whole section takes minutes and prints only at the end. */
const progress = (step: string) => process.stderr.write(`[many offices ${new Date().toISOString().slice(11, 19)}] ${step}\n`);

async function ok(answer: Promise<{ status: number; body: { ok: boolean } }>): Promise<void> {
  const { body } = await answer;
  if (!body.ok) throw new Error(JSON.stringify(body));
}

/** Every office gets its booth-1 opened and WAITING tickets, 50 offices at a time. */
async function bringOfficesToMidMorning(post: Post, offices: readonly OfficeId[]): Promise<void> {
  for (let i = 0; i < offices.length; i += 50) {
    await Promise.all(
      offices.slice(i, i + 50).map(async (office) => {
        await ok(post(officeApiPath(office, '/counters/booth-1/open'), {}));
        for (let t = 0; t < WAITING; t++) await ok(post(officeApiPath(office, '/tickets'), { serviceId: SERVICES[t % SERVICES.length] }));
      }),
    );
  }
}

/**
 * The other offices' day: visitors issued at their daily rate, each called and served at booth-1
 * right away; each office's commands one after another, as at its one booth. Returns a stop that
 * resolves with how many visits were made and how many failed (a failure is counted, not thrown, so
 * one refused command does not stop an office's day).
 */
function busyDay(post: Post, offices: readonly OfficeId[]): () => Promise<{ visits: number; failed: number }> {
  const perSecond = (offices.length * VISITORS_PER_DAY) / (DAY_HOURS * 3600);
  const chains = new Map<OfficeId, Promise<void>>();
  let visits = 0;
  let failed = 0;
  let next = 0;
  const visit = async (office: OfficeId) => {
    try {
      await ok(post(officeApiPath(office, '/tickets'), { serviceId: SERVICES[visits % SERVICES.length] }));
      await ok(post(officeApiPath(office, '/counters/booth-1/call-next'), {}));
      await ok(post(officeApiPath(office, '/counters/booth-1/finish'), {}));
      visits++;
    } catch {
      failed++;
    }
  };
  const started = performance.now();
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
    for (; next < due; next++) {
      const office = offices[next % offices.length]!;
      chains.set(office, (chains.get(office) ?? Promise.resolve()).then(() => visit(office)));
    }
  }, 50);
  return async () => {
    clearInterval(timer);
    await Promise.all(chains.values());
    return { visits, failed };
  };
}

/** From "call next" at main's booth-1 to the event at each of main's screens. */
async function callToScreens(post: Post, screens: readonly Screen[]): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const arrivals = nextCallArrivals(screens);
    const sent = performance.now();
    await ok(post(officeApiPath(MEASURED, '/counters/booth-1/call-next'), {}));
    for (const at of await arrivals) samples.push(at - sent);
    await ok(post(officeApiPath(MEASURED, '/counters/booth-1/finish'), {}));
  }
  return samples;
}

/** One client issuing in main, one ticket after another, for `seconds` (a slowed office must not stall the run). */
async function issueOneByOne(post: Post, seconds: number): Promise<number[]> {
  const samples: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const t0 = performance.now();
    await ok(post(officeApiPath(MEASURED, '/tickets'), { serviceId: SERVICES[samples.length % SERVICES.length] }));
    samples.push(performance.now() - t0);
  }
  return samples;
}

interface Figures {
  issuing: { perSecond: number; p50: number; p99: number };
  call: { p50: number; p99: number; n: number };
  rssStarted: number;
  rssScreens: number;
  screens: number;
  busyDay: { visits: number; failed: number };
}

async function measureOn(server: BenchServer, token: string): Promise<Figures> {
  const post = jsonPoster(server.url, { Authorization: `Bearer ${token}` }, 50);
  const rssStarted = server.rssMiB();
  progress(`${server.offices.length} offices started; opening booths and issuing ${WAITING} tickets in each`);
  await bringOfficesToMidMorning(post, server.offices);
  progress(`connecting ${SCREENS_PER_OFFICE} screens to each office`);
  const screens: Screen[] = [];
  for (const office of server.offices) screens.push(...(await connectScreens(server.url, office, server.deviceKey(office, 'display'), SCREENS_PER_OFFICE)));
  await new Promise((r) => setTimeout(r, 500));
  const rssScreens = server.rssMiB();
  progress('measuring issuing and calls in main');
  const stopBusyDay = busyDay(post, server.offices.filter((o) => o !== MEASURED));
  let issued: Awaited<ReturnType<typeof measure>>;
  let calls: number[];
  let busy: Figures['busyDay'];
  try {
    const issuingPost = jsonPoster(server.url, { Authorization: `Bearer ${token}` }, ISSUING_CLIENTS);
    issued = await measure(ISSUING_CLIENTS, async (serviceId) => ok(issuingPost(officeApiPath(MEASURED, '/tickets'), { serviceId })));
    calls = await callToScreens(post, screens.slice(0, SCREENS_PER_OFFICE));
  } finally {
    busy = await stopBusyDay();
    screens.forEach((s) => s.close());
  }
  const s = summarize(issued.samples);
  const call = summarize(calls);
  return {
    issuing: { perSecond: issued.perSecond, p50: s.p50, p99: s.p99 },
    call: { p50: call.p50, p99: call.p99, n: call.n },
    rssStarted,
    rssScreens,
    screens: screens.length,
    busyDay: busy,
  };
}

/**
 * Office-2 issuing from `clients` loops, each waiting `pauseMs` between tickets (0: as fast as it
 * can), until the returned stop; the stop resolves with the rate reached and the tickets issued.
 */
function neighbourIssuing(server: BenchServer, token: string, clients: number, pauseMs: number): () => Promise<{ perSecond: number; issued: number }> {
  const post = jsonPoster(server.url, { Authorization: `Bearer ${token}` }, clients);
  const neighbour = server.offices[1]!;
  let running = true;
  let issued = 0;
  const started = performance.now();
  const loops = Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (running) {
        await ok(post(officeApiPath(neighbour, '/tickets'), { serviceId: SERVICES[c % SERVICES.length] }));
        issued++;
        if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
      }
    }),
  );
  return async () => {
    running = false;
    await loops;
    return { perSecond: issued / ((performance.now() - started) / 1000), issued };
  };
}

/** Main's one-by-one issuing while office-2 is idle, in a rush (10 kiosks, a ticket every 0.5 s each) and flooded by 50 clients. */
async function busyNeighbour(server: BenchServer, token: string, seconds = NEIGHBOUR_SECONDS): Promise<string[]> {
  const post = jsonPoster(server.url, { Authorization: `Bearer ${token}` }, 2);
  progress('a busy neighbour');
  const rows = ['| office-2 | main: tickets | p50 | p99 |', '| --- | --- | --- | --- |'];
  const quiet = summarize(await issueOneByOne(post, seconds));
  rows.push(`| idle | ${quiet.n} | ${ms(quiet.p50)} | ${ms(quiet.p99)} |`);
  for (const [label, clients, pauseMs] of [['in a rush: 10 clients, a ticket every 0.5 s each', 10, 500], ['flooded: 50 clients as fast as they can', 50, 0]] as const) {
    const stop = neighbourIssuing(server, token, clients, pauseMs);
    await new Promise((r) => setTimeout(r, 1000));
    const main = summarize(await issueOneByOne(post, seconds));
    const neighbour = await stop();
    rows.push(`| ${label}: ${Math.round(neighbour.perSecond)} tickets/s | ${main.n} | ${ms(main.p50)} | ${ms(main.p99)} |`);
  }
  return rows;
}

const within = (many: number, one: number, higherIsBetter: boolean) => {
  const change = (many - one) / one;
  const worse = higherIsBetter ? -change : change;
  return `${change >= 0 ? '+' : ''}${(change * 100).toFixed(0)} % (${worse <= 0.1 ? 'within' : 'not within'} 10 %)`;
};

export async function benchManyOffices(): Promise<string> {
  const single = await benchServer(1);
  let one: Figures;
  try {
    one = await measureOn(single, await single.token('admin'));
    progress(`one office: ${JSON.stringify(one)}`);
  } finally {
    await single.kill9();
  }
  const region = await benchServer(OFFICES);
  let many: Figures;
  let neighbour: string[];
  try {
    const token = await region.token('admin');
    many = await measureOn(region, token);
    progress(`${OFFICES} offices: ${JSON.stringify(many)}`);
    neighbour = await busyNeighbour(region, token);
  } finally {
    await region.kill9();
  }
  return [
    `Office main measured alone, then as one of ${OFFICES} offices (copies of it) with ${SCREENS_PER_OFFICE} hall screens connected to each and the`,
    `other ${OFFICES - 1} busy at ${VISITORS_PER_DAY.toLocaleString('en')} visitors a day over ${DAY_HOURS} hours (each visit issued, called and finished),`,
    `every office starting with ${WAITING} tickets waiting. Issuing: ${ISSUING_CLIENTS} REST clients; call: "call next" to the event at main's ${SCREENS_PER_OFFICE} screens.`,
    '',
    '| | 1 office | 200 offices | change |',
    '| --- | --- | --- | --- |',
    `| issuing, tickets/s | ${Math.round(one.issuing.perSecond)} | ${Math.round(many.issuing.perSecond)} | ${within(many.issuing.perSecond, one.issuing.perSecond, true)} |`,
    `| issuing p50 / p99 | ${ms(one.issuing.p50)} / ${ms(one.issuing.p99)} | ${ms(many.issuing.p50)} / ${ms(many.issuing.p99)} | p99 ${within(many.issuing.p99, one.issuing.p99, false)} |`,
    `| call → screens p50 / p99 | ${ms(one.call.p50)} / ${ms(one.call.p99)} | ${ms(many.call.p50)} / ${ms(many.call.p99)} | p99 ${within(many.call.p99, one.call.p99, false)} |`,
    `| server memory (RSS) after start | ${one.rssStarted.toFixed(0)} MiB | ${many.rssStarted.toFixed(0)} MiB | |`,
    `| … with every screen connected | ${one.rssScreens.toFixed(0)} MiB (${one.screens} screens) | ${many.rssScreens.toFixed(0)} MiB (${many.screens} screens) | |`,
    '',
    `The other offices made ${many.busyDay.visits} visits meanwhile (${many.busyDay.failed} failed).`,
    '',
    `A busy office and its neighbour: main issues one ticket after another (one client) for ${NEIGHBOUR_SECONDS} s each while office-2 is idle, in a rush, and flooded.`,
    '',
    ...neighbour,
  ].join('\n');
}

/**
 * The neighbour part alone, on a server of two offices (main and office-2) with no screens: the
 * quick way to see whether a flooded office slows another (`npm run bench "neighbour"`).
 */
export async function benchBusyNeighbour(seconds = NEIGHBOUR_SECONDS): Promise<string> {
  const server = await benchServer(2);
  try {
    const rows = await busyNeighbour(server, await server.token('admin'), seconds);
    return [`Two offices on one server, no screens: main issues one ticket after another (one client) for ${seconds} s each while office-2 is idle, in a rush, and flooded.`, '', ...rows].join('\n');
  } finally {
    await server.kill9();
  }
}
