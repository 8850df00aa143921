// Several nodes (issue #12): one office (the demo region's first) on one Talon node with SQLite, on
// one node with PostgreSQL and on two nodes sharing one PostgreSQL database, taken in turns on the
// same machine. Durable issuing with 50 REST clients (spread over the nodes), "call next" to the
// event at 500 hall screens (spread over the nodes), and what crossing nodes costs a screen: the
// call is always made on the first node, so on two nodes half the screens hear it through the other.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { officeApiPath, type Service } from '../common/protocol';
import { DEMO_REGION_OFFICES } from '../server/demo';
import { freePort, spawnTalon, type TalonProcess } from '../test/support/talon-process';
import { ADMIN_PASSWORD, call } from '../test/support/talon-server';
import { jsonPoster } from './http-client';
import { measure } from './issue-tickets';
import { connectScreens, nextCallArrivals, type Screen } from './screens';
import { ms, summarize } from './stats';

const OFFICE = DEMO_REGION_OFFICES[0]!.id;
const ISSUING_CLIENTS = 50;
const TICKETS = 3000;
/** One client's tickets one after another, each to the next node: what catching up with the other node costs a command. */
const ONE_BY_ONE = 300;
const SCREENS = 500;
const CALLS = 100;
/** Rounds of each setup, taken in turn (ABC CBA …), each on a fresh cluster and database. */
const ROUNDS = 2;
/** The PostgreSQL server the bench makes its databases on (`talon_bench_<random>`, dropped after). */
const POSTGRES = process.env.TALON_BENCH_DATABASE ?? 'postgres://postgres@127.0.0.1:5432';
const DEMO_FILE = 'demo-credentials.json';

interface Setup {
  label: string;
  engine: 'sqlite' | 'postgres';
  nodes: number;
}

const SETUPS: Setup[] = [
  { label: 'SQLite, one node', engine: 'sqlite', nodes: 1 },
  { label: 'PostgreSQL, one node', engine: 'postgres', nodes: 1 },
  { label: 'PostgreSQL, two nodes', engine: 'postgres', nodes: 2 },
];

const progress = (step: string) => process.stderr.write(`[nodes ${new Date().toISOString().slice(11, 19)}] ${step}\n`);

async function onPostgres(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${POSTGRES}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Cluster {
  nodes: TalonProcess[];
  /** operator1's session: sessions live in the database, so it works on every node. */
  token: string;
  displayKey: string;
  stop(): Promise<void>;
}

async function ok(answer: Promise<{ body: { ok: boolean } }>): Promise<void> {
  const { body } = await answer;
  if (!body.ok) throw new Error(JSON.stringify(body));
}

/**
 * The first node makes the database and the demo; the others start with a copy of its demo file, as
 * an installation gives every node the same settings. The office's numbers go up to 9999 a day (set
 * through the first node), so thousands of tickets fit; every node must see the change before the run.
 */
async function startCluster(setup: Setup): Promise<Cluster> {
  const database = setup.engine === 'postgres' ? `talon_bench_${randomBytes(4).toString('hex')}` : undefined;
  if (database) await onPostgres(`CREATE DATABASE ${database}`);
  const env: Record<string, string> = database ? { TALON_DATABASE_URL: `${POSTGRES}/${database}` } : {};
  const nodes: TalonProcess[] = [];
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.kill9()));
    if (database) await onPostgres(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  };
  try {
    const firstDir = mkdtempSync(join(tmpdir(), 'talon-bench-node-'));
    for (let i = 0; i < setup.nodes; i++) {
      const dataDir = i === 0 ? firstDir : mkdtempSync(join(tmpdir(), 'talon-bench-node-'));
      if (i > 0) copyFileSync(join(firstDir, DEMO_FILE), join(dataDir, DEMO_FILE));
      nodes.push(await spawnTalon(dataDir, await freePort(), { ...env, TALON_NODE_ID: `node-${i + 1}` }));
    }
    const first = nodes[0]!;
    const login = async (name: string) => {
      const res = await call<{ token: string }>(first, '/api/auth/login', { body: { login: name, password: name === 'admin' ? ADMIN_PASSWORD : first.demo.staffPassword } });
      if (!res.body.ok) throw new Error(`login ${name}: ${JSON.stringify(res.body.error)}`);
      return res.body.data.token;
    };
    const admin = await login('admin');
    const config = await call<{ services: Service[] }>(first, officeApiPath(OFFICE, '/config'), { token: admin });
    if (!config.body.ok) throw new Error(JSON.stringify(config.body.error));
    for (const service of config.body.data.services) {
      await ok(call(first, officeApiPath(OFFICE, `/config/services/${service.id}`), { method: 'PUT', token: admin, body: { ...service, endNumber: 9999 } }));
    }
    for (const node of nodes) await untilEveryServiceGoesTo9999(node, admin);
    const displayKey = first.demo.devices.find((d) => d.officeId === OFFICE && d.kind === 'display')!.key;
    return { nodes, token: await login('operator1'), displayKey, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function untilEveryServiceGoesTo9999(node: TalonProcess, admin: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const config = await call<{ services: Service[] }>(node, officeApiPath(OFFICE, '/config'), { token: admin });
    if (config.body.ok && config.body.data.services.every((s) => s.endNumber === 9999)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${node.url} never saw the configuration change made on the first node`);
}

interface Round {
  oneByOne: number[];
  issued: { samples: number[]; perSecond: number };
  /** Deliveries to the screens on the node that took the call, and to those on the other node. */
  sameNode: number[];
  otherNode: number[];
}

/** From "call next" at booth-1 of the first node to the event at every screen; a ticket issued before each call. */
async function callToScreens(cluster: Cluster, screens: Screen[][]): Promise<Pick<Round, 'sameNode' | 'otherNode'>> {
  const post = jsonPoster(cluster.nodes[0]!.url, { Authorization: `Bearer ${cluster.token}` }, 2);
  await ok(post(officeApiPath(OFFICE, '/counters/booth-1/open'), {}));
  const sameNode: number[] = [];
  const otherNode: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    await ok(post(officeApiPath(OFFICE, '/tickets'), { serviceId: 'documents' }));
    const arrivals = screens.map((onNode) => nextCallArrivals(onNode));
    const sent = performance.now();
    await ok(post(officeApiPath(OFFICE, '/counters/booth-1/call-next'), {}));
    const [here, ...elsewhere] = await Promise.all(arrivals);
    sameNode.push(...here!.map((at) => at - sent));
    otherNode.push(...elsewhere.flat().map((at) => at - sent));
    await ok(post(officeApiPath(OFFICE, '/counters/booth-1/finish'), {}));
  }
  return { sameNode, otherNode };
}

/** `clients` clients issuing `tickets` as fast as they can, each request to the next node in turn. */
async function issueThroughAll(cluster: Cluster, clients: number, tickets: number): Promise<Round['issued']> {
  const posts = cluster.nodes.map((node) => jsonPoster(node.url, { Authorization: `Bearer ${cluster.token}` }, clients));
  let next = 0;
  return measure(clients, (serviceId) => ok(posts[next++ % posts.length]!(officeApiPath(OFFICE, '/tickets'), { serviceId })), tickets);
}

/** Screens first, with the line short (a long line makes every call slower, whatever the nodes); then issuing, one by one and at once, with the screens gone. */
async function measureRound(setup: Setup): Promise<Round> {
  const cluster = await startCluster(setup);
  try {
    const perNode = SCREENS / cluster.nodes.length;
    const screens = await Promise.all(cluster.nodes.map((node) => connectScreens(node.url, OFFICE, cluster.displayKey, perNode)));
    const calls = await callToScreens(cluster, screens);
    screens.flat().forEach((screen) => screen.close());
    const oneByOne = (await issueThroughAll(cluster, 1, ONE_BY_ONE)).samples;
    return { ...calls, oneByOne, issued: await issueThroughAll(cluster, ISSUING_CLIENTS, TICKETS) };
  } finally {
    await cluster.stop();
  }
}

const pair = (samples: number[]) => {
  if (samples.length === 0) return '—';
  const s = summarize(samples);
  return `${ms(s.p50)} / ${ms(s.p99)}`;
};

export async function benchNodes(): Promise<string> {
  const rounds = new Map<Setup, Round[]>(SETUPS.map((setup) => [setup, []]));
  const loadBefore = loadavg()[0]!;
  for (let round = 0; round < ROUNDS; round++) {
    for (const setup of round % 2 === 0 ? SETUPS : [...SETUPS].reverse()) {
      progress(`round ${round + 1} of ${ROUNDS}: ${setup.label}`);
      rounds.get(setup)!.push(await measureRound(setup));
    }
  }
  const loadAfter = loadavg()[0]!;
  const rows = SETUPS.map((setup) => {
    const taken = rounds.get(setup)!;
    const issuing = taken.flatMap((r) => r.issued.samples);
    const oneByOne = taken.flatMap((r) => r.oneByOne);
    const sameNode = taken.flatMap((r) => r.sameNode);
    const otherNode = taken.flatMap((r) => r.otherNode);
    return `| ${setup.label} | ${taken.map((r) => Math.round(r.issued.perSecond).toLocaleString('en')).join(', ')} | ${pair(issuing)} | ${pair(oneByOne)} | ${pair([...sameNode, ...otherNode])} | ${pair(sameNode)} | ${pair(otherNode)} |`;
  });
  return [
    `Office ${OFFICE} (the demo region's first) on one node with SQLite, one node with PostgreSQL 15 and two nodes on one PostgreSQL database, all on this`,
    `machine (nodes, database and load generator share its cores). ${ROUNDS} rounds of each, in turns (ABC CBA), each on a fresh cluster and database.`,
    `Issuing: ${ISSUING_CLIENTS} REST clients, ${TICKETS.toLocaleString('en')} tickets, each request to the next node in turn; one by one: one client, ${ONE_BY_ONE} tickets, each to the`,
    `next node (on two nodes every command finds the office moved by the other and catches up first). Calls: ${SCREENS} hall screens spread evenly over the`,
    `nodes, ${CALLS} × "call next" at booth-1 of the first node (a ticket issued before each); "other node" is a screen that hears the call through`,
    `PostgreSQL (Socket.IO's adapter). Load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after.`,
    '',
    '| setup | tickets/s (each round) | issuing p50 / p99 | one by one p50 / p99 | call → all screens p50 / p99 | … screens on the calling node | … screens on the other node |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
