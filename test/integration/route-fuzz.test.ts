// Property: whatever arrives at any API route — impossible dates, junk ids, wrong types, unknown
// fields, huge strings, broken JSON or broken URL encoding — sent as a principal the route admits,
// the answer is a success or a 4xx with a well-formed error, never a 5xx, and a refusal leaves the
// database exactly as it was. The routes are read from the running app, the organisation's and an
// office's, so new ones are covered. An office's routes are sent mostly to office main (to get past
// "no such office" to the checks behind it), sometimes to a junk office id.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_ROUTES, ERROR_CODES, HTTP_STATUS, isCalendarDate, type CommandName, type ErrorCode } from '../../common/protocol';
import { REPORT_NAMES } from '../../server/analytics/reports';
import { OFFICE_ROUTES_MOUNT } from '../../server/offices/office-dispatch';
import { changedTables, databaseFingerprint } from '../support/db-fingerprint';
import { documentedQueries } from '../support/documented-queries';
import { apiRoutes, type ApiRoute } from '../support/route-table';
import { connectClient, type TestClient } from '../support/socket-client';
import { call, MAIN_OFFICE, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

/** Runs per route: enough to meet each kind of junk, small enough for CI on two cores. */
const RUNS_PER_ROUTE = 8;
/** Logging out would end the session every later request is sent with. */
const SKIPPED = new Set(['post /api/auth/logout']);

type Credentials = { token?: string; deviceKey?: string };

let server: RunningTalon;
let principals: [string, Credentials][];
let ticketIds: string[];

beforeAll(async () => {
  server = await startTalon();
  principals = [
    ['admin', { token: await server.login('admin') }],
    ['manager', { token: await server.login('manager') }],
    ['operator', { token: await server.login('operator1') }],
    ['consultant', { token: await server.login('consultant') }],
    ['kiosk', { deviceKey: server.deviceKey('kiosk') }],
    ['display', { deviceKey: server.deviceKey('display') }],
    ['print-agent', { deviceKey: server.deviceKey('print-agent') }],
    ['public', {}],
  ];
  // Issued by staff: a kiosk's ticket makes its print job after the answer, which would race the fingerprints.
  ticketIds = [];
  for (const serviceId of ['documents', 'documents']) {
    const issued = await call<{ ticket: { id: string } }>(server, officeApi('/tickets'), { body: { serviceId }, token: principals[2]![1].token! });
    if (issued.body.ok) ticketIds.push(issued.body.data.ticket.id);
  }
});

afterAll(() => server.close());

// --- what is generated -------------------------------------------------------------------------

const BAD_ENCODINGS = ['%E0%A4%A', '%', '%zz', '%C0%AF', '%00', '%FF%FE', '%ED%A0%80'];
const DATES = ['9999-99-99', '2026-13-01', '2026-02-31', '2026-02-29', '2026-00-10', '1999-12-31', '2101-01-01', '0000-01-01', '2026-1-1', '2000-01-01', '2100-12-31', '2026-12-02', ''];

/** Huge strings: up to 1,500 characters per URL part (Node itself refuses a head over 16 KB), 70,000 in a body. */
const junk = (huge: number) =>
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('', ' ', '---', 'null', 'undefined', '0', '-1', 'NaN', 'Infinity', '1e308', '__proto__', 'constructor', '<script>', "' OR 1=1 --", '../../etc/passwd'),
    fc.integer({ min: 1000, max: huge }).map((n) => 'x'.repeat(n)),
  );
const junkText = junk(70_000);
const urlJunk = junk(1500).map(encodeURIComponent);
const dateText = fc.oneof(
  { arbitrary: fc.constantFrom(...DATES), weight: 3 },
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(
    ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
);
/** Both ends of a period: the pair that once walked towards year 10,000. */
const periodQuery = fc.tuple(dateText, dateText).map(([from, to]) => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
const numberText = fc.oneof(fc.integer().map(String), fc.double().map(String), fc.constantFrom('1e999', '-0', '0x10', '99999999999999999999'));

/** A path parameter: mostly a real name (to get past "not found" to the checks behind it), else junk or raw broken encoding. */
const paramValue = (): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom('documents', 'booth-1', 'booth-2', ...REPORT_NAMES, ...ticketIds).map(encodeURIComponent), weight: 3 },
    { arbitrary: urlJunk, weight: 1 },
    { arbitrary: fc.constantFrom(...BAD_ENCODINGS), weight: 1 },
  );

const DATE_KEYS = ['from', 'to', 'day', 'date', 'month'];
const QUERY_KEYS = ['counterId', 'serviceId', 'phone', 'code', 'format', 'limit', 'before', 'slGoal', 'targetMinutes', 'maxOccupancy', 'shrinkage', 'ticket', 'counter', 'language', 'lang'];
const queryValue = fc.oneof(dateText.map(encodeURIComponent), numberText, urlJunk, fc.constantFrom(...BAD_ENCODINGS, 'csv', 'json', 'documents', 'booth-1'));
const queryPair = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom(...DATE_KEYS), dateText), weight: 2 },
  { arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 10 }).map(encodeURIComponent)), queryValue), weight: 2 },
);
const queryString = fc
  .tuple(fc.option(periodQuery), fc.array(queryPair, { maxLength: 4 }))
  .map(([period, pairs]) => {
    const parts = [...(period === null ? [] : [period]), ...pairs.map(([k, v]) => `${k}=${v}`)];
    return parts.length === 0 ? '' : `?${parts.join('&')}`;
  });

const BODY_KEYS = ['serviceId', 'counterId', 'ticketId', 'slotStart', 'name', 'phone', 'code', 'score', 'comment', 'login', 'role', 'kind', 'zone', 'prefix', 'number', 'services', 'schedule', 'date', 'day', 'from', 'to', 'minutes', 'mode', 'reason', 'ok', 'requestId', 'language', 'walkInShare', 'horizonDays'];
const fieldValue = (text: fc.Arbitrary<string>) => fc.oneof(fc.jsonValue({ maxDepth: 2 }), dateText, text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const objectOf = (text: fc.Arbitrary<string>) => fc.dictionary(fc.oneof(fc.constantFrom(...BODY_KEYS), fc.string({ maxLength: 12 })), fieldValue(text), { maxKeys: 6 });
const bodyArb: fc.Arbitrary<{ body?: unknown; rawBody?: string }> = fc.oneof(
  fc.constant({}),
  objectOf(junkText).map((body) => ({ body })),
  fc.jsonValue({ maxDepth: 3 }).map((body) => ({ body })),
  fc.constantFrom('{', '{"serviceId": ', '[1,2', 'nul', '"\\ud800"', '{"a":1}}', '\u0000', '{"__proto__": {"admin": true}}').map((rawBody) => ({ rawBody })),
  fc.integer({ min: 10, max: 200 }).map((depth) => ({ rawBody: '['.repeat(depth) + ']'.repeat(depth) })),
);

/** The office an office route is sent to: mostly the one that exists. */
const officeValue = (): fc.Arbitrary<string> => fc.oneof({ arbitrary: fc.constant(MAIN_OFFICE), weight: 6 }, { arbitrary: paramValue(), weight: 1 });

function fillPath(path: string, values: string[], office: string = MAIN_OFFICE): string {
  let i = 0;
  const inOffice = path.startsWith(OFFICE_ROUTES_MOUNT) ? `${OFFICE_ROUTES_MOUNT.replace(':officeId', office)}${path.slice(OFFICE_ROUTES_MOUNT.length)}` : path;
  return inOffice.replace(/:\w+/g, () => values[i++] ?? 'x');
}

/** A route's path with its parameters unnamed, so the docs' `<id>` and the router's `:officeId` compare equal. */
const unnamed = (path: string) => path.replace(/:\w+/g, ':');

// --- how an answer is judged -------------------------------------------------------------------

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

async function send(path: string, method: string, credentials: Credentials, payload: { body?: unknown; rawBody?: string }): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (credentials.token) headers.Authorization = `Bearer ${credentials.token}`;
  if (credentials.deviceKey) headers.Authorization = `Device ${credentials.deviceKey}`;
  const withBody = method !== 'get' && (payload.body !== undefined || payload.rawBody !== undefined);
  if (withBody) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method: method.toUpperCase(),
    headers,
    ...(withBody ? { body: payload.rawBody ?? JSON.stringify(payload.body) } : {}),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** A refusal in the documented shape; a success as JSON (or a file: CSV, audio). Returns whether it was refused. */
function judge(answer: Answer, request: string): boolean {
  const label = request.length > 300 ? `${request.slice(0, 300)}…` : request;
  expect(answer.status, `${label} → ${answer.status} ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (!answer.contentType.includes('application/json')) {
    expect(answer.status, label).toBeLessThan(400);
    return false;
  }
  const body = JSON.parse(answer.text) as { ok: boolean; error?: { code: ErrorCode; message: unknown } };
  if (body.ok) {
    expect(answer.status, label).toBeLessThan(400);
    return false;
  }
  expect(ERROR_CODES, label).toContain(body.error?.code);
  expect(typeof body.error?.message === 'string' && body.error.message.length > 0, label).toBe(true);
  expect(answer.status, label).toBe(HTTP_STATUS[body.error!.code]);
  return true;
}

/** Values of `keys` in a query string as Express reads them; a value that is not a valid encoding counts as a bad date. */
function queryValues(query: string, keys: ReadonlySet<string>): string[] {
  return query
    .replace(/^\?/, '')
    .split('&')
    .map((pair) => pair.split('='))
    .filter(([key]) => keys.has(key!))
    .map(([, value = '']) => {
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    });
}

/** The first principal the route does not turn away as unauthenticated or forbidden; else the public. */
async function admittedPrincipal(route: ApiRoute): Promise<[string, Credentials]> {
  for (const principal of principals) {
    const answer = await send(fillPath(route.path, []), route.method, principal[1], {});
    if (answer.status !== 401 && answer.status !== 403) return principal;
  }
  return principals[principals.length - 1]!;
}

describe('every API route', () => {
  it('is found in the running app, queue commands included', () => {
    const listed = new Set(apiRoutes(server.talon).map((r) => `${r.method} ${r.path}`));
    for (const path of Object.values(COMMAND_ROUTES)) expect(listed).toContain(`post ${OFFICE_ROUTES_MOUNT}${path}`);
    for (const organisation of ['get /api/offices', 'post /api/offices', 'patch /api/offices/:id', 'get /api/health']) expect(listed).toContain(organisation);
    expect(listed.size).toBeGreaterThan(40);
  });

  it('answers any input with a success or a well-formed refusal that changed nothing', { timeout: 600_000 }, async () => {
    const documented = documentedQueries();
    for (const route of apiRoutes(server.talon)) {
      // A date parameter the docs name is a promise: a value that is no real date is refused.
      const dateKeys = new Set([...(documented.get(unnamed(route.path)) ?? [])].filter((key) => DATE_KEYS.includes(key)));
      const key = `${route.method} ${route.path}`;
      if (SKIPPED.has(key)) continue;
      const [who, credentials] = await admittedPrincipal(route);
      const params = fc.array(paramValue(), { minLength: 4, maxLength: 4 });
      await fc.assert(
        fc.asyncProperty(params, officeValue(), queryString, bodyArb, async (values, office, query, payload) => {
          const path = fillPath(route.path, values, office) + query;
          const before = await databaseFingerprint(server.db);
          const answer = await send(path, route.method, credentials, route.method === 'get' ? {} : payload);
          const refused = judge(answer, `${route.method.toUpperCase()} ${path} as ${who}`);
          const badDate = route.method === 'get' && queryValues(query, dateKeys).some((value) => !isCalendarDate(value));
          if (badDate) expect(refused, `${route.method.toUpperCase()} ${path.slice(0, 300)} as ${who} accepted an impossible date`).toBe(true);
          if (refused) expect(changedTables(before, await databaseFingerprint(server.db)), `${route.method.toUpperCase()} ${path} as ${who} was refused`).toEqual([]);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
  });
});

describe('every socket command', () => {
  let staff: TestClient;

  beforeAll(async () => {
    staff = await connectClient(server.url, { token: principals[0]![1].token! });
  });

  afterAll(() => staff.close());

  it('acknowledges any payload with a result or a well-formed refusal that changed nothing', { timeout: 300_000 }, async () => {
    // Socket messages over 64 KB end the connection by design, so strings stay smaller here.
    const payload = fc.oneof(objectOf(junk(8000)), fc.jsonValue({ maxDepth: 3 }));
    for (const command of Object.keys(COMMAND_ROUTES) as CommandName[]) {
      await fc.assert(
        fc.asyncProperty(payload, async (input) => {
          const before = await databaseFingerprint(server.db);
          const emit = staff.socket.timeout(5000).emitWithAck as unknown as (event: string, input: unknown) => Promise<{ ok: boolean; error?: { code: ErrorCode; message: string } }>;
          const result = await emit.call(staff.socket.timeout(5000), command, input);
          if (result.ok) return;
          expect(ERROR_CODES, command).toContain(result.error?.code);
          expect(result.error?.code, `${command} ${JSON.stringify(input).slice(0, 200)}`).not.toBe('internal');
          expect(changedTables(before, await databaseFingerprint(server.db)), `${command} was refused`).toEqual([]);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
  });
});
