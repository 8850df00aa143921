// Scale on one machine (issue #11): the same measurements in office `main` of a server that runs
// that office alone, then of a server that runs 200 offices, each with 10 hall screens connected and
// the other offices busy at 2,000 visitors a day. Also the server's memory, and whether a busy
// office slows another office's commands.
import { officeApiPath, type OfficeId } from '../common/protocol';
import { call } from '../test/support/talon-server';
import { jsonPoster } from './http-client';
import { measure } from './issue-tickets';
import { connectScreens, connectScreensElsewhere, nextCallArrivals, type Screen } from './screens';
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
/** Rounds of measurement on each server, and main's tickets issued in each. */
const ROUNDS = 6;
const ISSUED_PER_ROUND = 1000;
const SERVICES = ['documents', 'certificates', 'consultation'];
/** Main's booths open during the rounds: booth-1 calls for the timing; all four serve the line back between rounds. */
const SERVING_BOOTHS = ['booth-1', 'booth-2', 'booth-3', 'booth-4'];
const MEASURED: OfficeId = 'main';
/** How long main issues beside an idle office-2, then beside its rush. */
const NEIGHBOUR_SECONDS = 20;
/**
 * … and beside its flood: shorter, because a quiet machine floods at up to ~2,200 tickets/s and office-2's
 * three services run out of the day's numbers (3 × 9,900) after about 13 s; from then on the flood
 * would be of cheap refusals, not of commands.
 */
const FLOOD_SECONDS = 10;

type Post = ReturnType<typeof jsonPoster>;

/** What a flooded office answers that is not a failure of the bench. */
const FLOOD_REFUSALS = new Set(['office-busy', 'numbers-exhausted']);

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

/** A server brought to mid-morning with its screens connected, ready for rounds of measurement. */
interface Hall {
  server: BenchServer;
  post: Post;
  issuingPost: Post;
  /** Main's screens, in this process: the ones timed. */
  screens: Screen[];
  /** The other offices' screens, in a process of their own. */
  elsewhere: { count: number; stop: () => void } | null;
  rssStarted: number;
  rssScreens: number;
}

async function prepareHall(server: BenchServer): Promise<Hall> {
  const token = await server.token('admin');
  const post = jsonPoster(server.url, { Authorization: `Bearer ${token}` }, 50);
  const rssStarted = server.rssMiB();
  progress(`${server.offices.length} offices started; opening booths and issuing ${WAITING} tickets in each`);
  await bringOfficesToMidMorning(post, server.offices);
  for (const booth of SERVING_BOOTHS.slice(1)) await ok(post(officeApiPath(MEASURED, `/counters/${booth}/open`), {}));
  progress(`connecting ${SCREENS_PER_OFFICE} screens to each office`);
  const screens = await connectScreens(server.url, MEASURED, server.deviceKey(MEASURED, 'display'), SCREENS_PER_OFFICE);
  const others = server.offices.filter((o) => o !== MEASURED).map((office) => ({ office, key: server.deviceKey(office, 'display') }));
  const elsewhere = others.length > 0 ? await connectScreensElsewhere(server.url, others, SCREENS_PER_OFFICE) : null;
  await new Promise((r) => setTimeout(r, 500));
  const issuingPost = jsonPoster(server.url, { Authorization: `Bearer ${token}` }, ISSUING_CLIENTS);
  return { server, post, issuingPost, screens, elsewhere, rssStarted, rssScreens: server.rssMiB() };
}

const screenCount = (hall: Hall) => hall.screens.length + (hall.elsewhere?.count ?? 0);

interface Round {
  issued: { samples: number[]; perSecond: number };
  calls: number[];
  busyDay: { visits: number; failed: number };
}

/**
 * Serves `count` of main's tickets at its open booths, oldest first: after a round, the ones it
 * issued, so every round starts with the same line. Without it the line grows by thousands a round
 * and issuing slows round by round (the wait estimate looks at every ticket waiting), whatever the offices.
 */
async function serveOldest(post: Post, count: number): Promise<void> {
  let left = count;
  await Promise.all(
    SERVING_BOOTHS.map(async (booth) => {
      while (left > 0) {
        left--;
        await ok(post(officeApiPath(MEASURED, `/counters/${booth}/call-next`), {}));
        await ok(post(officeApiPath(MEASURED, `/counters/${booth}/finish`), {}));
      }
    }),
  );
}

/**
 * Issuing and calls in main, while the server's other offices wait with their lines (`othersWork`
 * false) or work their day (true).
 */
async function measureRound(hall: Hall, othersWork: boolean): Promise<Round> {
  const stopBusyDay = busyDay(hall.post, othersWork ? hall.server.offices.filter((o) => o !== MEASURED) : []);
  let issued: Round['issued'];
  let calls: number[];
  let day: Round['busyDay'];
  try {
    issued = await measure(ISSUING_CLIENTS, async (serviceId) => ok(hall.issuingPost(officeApiPath(MEASURED, '/tickets'), { serviceId })), ISSUED_PER_ROUND);
    calls = await callToScreens(hall.post, hall.screens);
  } finally {
    day = await stopBusyDay();
  }
  // The calls served CALLS of the tickets waiting, oldest first: serve as many more as were issued.
  await serveOldest(hall.post, issued.samples.length - CALLS);
  return { issued, calls, busyDay: day };
}

const median = (values: number[]) => summarize(values).p50;
const pair = (s: { p50: number; p99: number }) => `${ms(s.p50)} / ${ms(s.p99)}`;
const rates = (f: Figures) => f.perSecond.map(Math.round).join(', ');

interface Figures {
  /** Each round's rate, in the order taken. */
  perSecond: number[];
  issuing: ReturnType<typeof summarize>;
  call: ReturnType<typeof summarize>;
  visits: number;
  failed: number;
}

function addUp(rounds: readonly Round[]): Figures {
  return {
    perSecond: rounds.map((r) => r.issued.perSecond),
    issuing: summarize(rounds.flatMap((r) => r.issued.samples)),
    call: summarize(rounds.flatMap((r) => r.calls)),
    visits: rounds.reduce((sum, r) => sum + r.busyDay.visits, 0),
    failed: rounds.reduce((sum, r) => sum + r.busyDay.failed, 0),
  };
}

/**
 * Office-2 issuing from `clients` loops, each waiting `pauseMs` between tickets (0: as fast as it
 * can), until the returned stop; the stop resolves with the rate reached and the tickets issued.
 */
function neighbourIssuing(server: BenchServer, token: string, clients: number, pauseMs: number): () => Promise<{ perSecond: number; issued: number; refused: number }> {
  const post = jsonPoster(server.url, { Authorization: `Bearer ${token}` }, clients);
  const neighbour = server.offices[1]!;
  let running = true;
  let issued = 0;
  let refused = 0;
  const started = performance.now();
  const loops = Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (running) {
        const { body } = await post(officeApiPath(neighbour, '/tickets'), { serviceId: SERVICES[c % SERVICES.length] });
        if (body.ok) issued++;
        // A flood meets the office's admission limit and, on a fast machine, the day's last number: it goes on regardless.
        else if (FLOOD_REFUSALS.has(body.error.code)) refused++;
        else throw new Error(JSON.stringify(body));
        if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
      }
    }),
  );
  // Its failure is thrown by the stop, after main's measurement: unhandled meanwhile, it would end the run and leave the server running.
  loops.catch(() => undefined);
  return async () => {
    running = false;
    await loops;
    return { perSecond: issued / ((performance.now() - started) / 1000), issued, refused };
  };
}

/** Main's one-by-one issuing while office-2 is idle, in a rush (10 kiosks, a ticket every 0.5 s each) and flooded by 50 clients. */
async function busyNeighbour(server: BenchServer, token: string, seconds = NEIGHBOUR_SECONDS): Promise<string[]> {
  const post = jsonPoster(server.url, { Authorization: `Bearer ${token}` }, 2);
  progress('a busy neighbour');
  const rows = ['| office-2 | main: tickets | p50 | p99 |', '| --- | --- | --- | --- |'];
  const quiet = summarize(await issueOneByOne(post, seconds));
  rows.push(`| idle | ${quiet.n} | ${ms(quiet.p50)} | ${ms(quiet.p99)} |`);
  const phases = [
    ['in a rush: 10 clients, a ticket every 0.5 s each', 10, 500, seconds],
    ['flooded: 50 clients as fast as they can', 50, 0, FLOOD_SECONDS],
  ] as const;
  for (const [label, clients, pauseMs, phaseSeconds] of phases) {
    const stop = neighbourIssuing(server, token, clients, pauseMs);
    await new Promise((r) => setTimeout(r, 1000));
    const main = summarize(await issueOneByOne(post, phaseSeconds));
    const neighbour = await stop();
    const refused = neighbour.refused > 0 ? ` (${neighbour.refused} refused)` : '';
    rows.push(`| ${label}: ${Math.round(neighbour.perSecond)} tickets/s${refused} | ${main.n} | ${ms(main.p50)} | ${ms(main.p99)} |`);
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
  const region = await benchServer(OFFICES).catch(async (error: unknown) => {
    await single.kill9();
    throw error;
  });
  const halls: Hall[] = [];
  try {
    halls.push(await prepareHall(single), await prepareHall(region));
    const [one, many] = halls as [Hall, Hall];
    const settings = [
      { hall: one, othersWork: false, rounds: [] as Round[] },
      { hall: many, othersWork: false, rounds: [] as Round[] },
      { hall: many, othersWork: true, rounds: [] as Round[] },
    ];
    for (let round = 0; round < ROUNDS; round++) {
      // In order, then the other way round (ABCCBA…).
      for (const setting of round % 2 === 0 ? settings : [...settings].reverse()) {
        progress(`round ${round + 1} of ${ROUNDS}: ${setting.hall.server.offices.length} office(s)${setting.othersWork ? ', the others at work' : ''}`);
        setting.rounds.push(await measureRound(setting.hall, setting.othersWork));
      }
    }
    const [a, b, c] = settings.map((setting) => addUp(setting.rounds)) as [Figures, Figures, Figures];
    const neighbour = await busyNeighbour(region, await region.token('admin'));
    return [
      `Office main on a server that runs it alone and on one that runs ${OFFICES} offices (copies of it), both running at once, with ${SCREENS_PER_OFFICE} hall screens`,
      `connected to each office (main's in the timing process, the others' in a process of their own, as real screens are machines of their own).`,
      `On the second, main is measured while the other ${OFFICES - 1} wait with their lines, and while they work their day at ${VISITORS_PER_DAY.toLocaleString('en')} visitors a day`,
      `over ${DAY_HOURS} hours (each visit issued, called and finished). Every office starts with ${WAITING} tickets waiting; main has ${SERVING_BOOTHS.length} booths open.`,
      `${ROUNDS} rounds of each setting, taken in turn (ABCCBA…), so a drift of the shared machine falls on all alike. A round: ${ISSUING_CLIENTS} REST clients issue`,
      `${ISSUED_PER_ROUND.toLocaleString('en')} tickets in main as fast as they can, then ${CALLS} × "call next" at booth-1 to the event at main's ${SCREENS_PER_OFFICE} screens; between rounds main's line`,
      'is served back to where it was.',
      '',
      `| | 1 office | ${OFFICES} offices, the others waiting | change | ${OFFICES} offices, the others at work | change |`,
      '| --- | --- | --- | --- | --- | --- |',
      `| issuing, tickets/s (median of rounds) | ${Math.round(median(a.perSecond))} | ${Math.round(median(b.perSecond))} | ${within(median(b.perSecond), median(a.perSecond), true)} | ${Math.round(median(c.perSecond))} | ${within(median(c.perSecond), median(a.perSecond), true)} |`,
      `| … round by round | ${rates(a)} | ${rates(b)} | | ${rates(c)} | |`,
      `| issuing p50 / p99 (all rounds) | ${pair(a.issuing)} | ${pair(b.issuing)} | p99 ${within(b.issuing.p99, a.issuing.p99, false)} | ${pair(c.issuing)} | p99 ${within(c.issuing.p99, a.issuing.p99, false)} |`,
      `| call → screens p50 / p99 (all rounds) | ${pair(a.call)} | ${pair(b.call)} | p99 ${within(b.call.p99, a.call.p99, false)} | ${pair(c.call)} | p99 ${within(c.call.p99, a.call.p99, false)} |`,
      `| server memory (RSS) after start | ${one.rssStarted.toFixed(0)} MiB | ${many.rssStarted.toFixed(0)} MiB | | | |`,
      `| … with every screen connected | ${one.rssScreens.toFixed(0)} MiB (${screenCount(one)} screens) | ${many.rssScreens.toFixed(0)} MiB (${screenCount(many)} screens) | | | |`,
      '',
      `The other offices made ${c.visits} visits while main was measured beside them at work (${c.failed} failed).`,
      '',
      `A busy office and its neighbour: main issues one ticket after another (one client) for ${NEIGHBOUR_SECONDS} s while office-2 is idle, ${NEIGHBOUR_SECONDS} s beside its rush and ${FLOOD_SECONDS} s beside its flood.`,
      '',
      ...neighbour,
    ].join('\n');
  } finally {
    for (const hall of halls) {
      hall.screens.forEach((s) => s.close());
      hall.elsewhere?.stop();
    }
    await Promise.all([single.kill9(), region.kill9()]);
  }
}

/**
 * The neighbour part alone, on a server of two offices (main and office-2) with no screens: the
 * quick way to see whether a flooded office slows another (`npm run bench "neighbour"`).
 */
export async function benchBusyNeighbour(seconds = NEIGHBOUR_SECONDS): Promise<string> {
  const server = await benchServer(2);
  try {
    const rows = await busyNeighbour(server, await server.token('admin'), seconds);
    return [`Two offices on one server, no screens: main issues one ticket after another (one client) for ${seconds} s while office-2 is idle, ${seconds} s beside its rush and ${FLOOD_SECONDS} s beside its flood.`, '', ...rows].join('\n');
  } finally {
    await server.kill9();
  }
}
