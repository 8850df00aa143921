// The visit journal and visitor ratings against the real server: who may record a visit, personal
// data only where the office keeps it and only for as long, the managers' reports, and the visitor's
// one rating per served ticket.
import { afterEach, describe, expect, it } from 'vitest';
import type { RatingsReport, RatingState, Ticket, VisitJournalReport, VisitJournalSettings, VisitRecord } from '../../common/protocol';
import { zonedToEpoch } from '../../common/time/calendar';
import { RATING_LIMITS } from '../../server/http/rating-routes';
import { DEFAULT_VISIT_JOURNAL_SETTINGS } from '../../server/store/visit-journal-defaults';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const ZONE = 'Asia/Irkutsk';
const TODAY = '2030-01-15';
const DAY_MS = 86_400_000;
const local = (time: string, date = TODAY) => zonedToEpoch(date, time, ZONE);

let server: RunningTalon | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function movableClock(start: number): { clock: () => number; set(at: number): void } {
  let now = start;
  return { clock: () => now, set: (at) => (now = at) };
}

function data<T>(answer: { body: { ok: true; data: T } | { ok: false; error: { code: string } } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

function refusal(answer: { body: { ok: boolean; error?: { code: string } } }): string | undefined {
  return answer.body.ok ? undefined : answer.body.error?.code;
}

async function startAtNoon() {
  const time = movableClock(local('12:00'));
  server = await startTalon({ clock: time.clock });
  return { time, server };
}

async function issue(server: RunningTalon, serviceId = 'documents'): Promise<Ticket> {
  return data(await call<{ ticket: Ticket }>(server, officeApi('/tickets'), { body: { serviceId }, deviceKey: server.deviceKey('kiosk') })).ticket;
}

/** The operator opens the booth (if closed), calls the next visitor and serves them to the end. */
async function serveNext(server: RunningTalon, token: string, counterId: string): Promise<Ticket> {
  await call(server, officeApi(`/counters/${counterId}/open`), { body: {}, token });
  const { ticket } = data(await call<{ ticket: Ticket }>(server, officeApi(`/counters/${counterId}/call-next`), { body: {}, token }));
  data(await call(server, officeApi(`/counters/${counterId}/start`), { body: {}, token }));
  data(await call(server, officeApi(`/counters/${counterId}/finish`), { body: {}, token }));
  return ticket;
}

function record(server: RunningTalon, token: string, ticketId: string, body: Record<string, unknown>) {
  return call<VisitRecord>(server, officeApi(`/visit-journal/tickets/${ticketId}`), { method: 'PUT', body, token });
}

async function collectPersonalData(server: RunningTalon, retentionDays = 30): Promise<void> {
  const admin = await server.login('admin');
  const settings: VisitJournalSettings = { ...DEFAULT_VISIT_JOURNAL_SETTINGS, collectPersonalData: true, retentionDays };
  data(await call(server, officeApi('/visit-journal/settings'), { method: 'PUT', body: settings, token: admin }));
}

describe('the visit journal', () => {
  it('records the reason and result of a ticket served at the booth and lists it in the booth’s day', async () => {
    const { server } = await startAtNoon();
    const operator = await server.login('operator1');
    await issue(server);
    const served = await serveNext(server, operator, 'booth-1');

    const saved = data(await record(server, operator, served.id, { reasonId: 'benefit-documents', resultId: 'returned-incomplete', resultText: 'no income certificate' }));
    expect(saved).toMatchObject({ ticketId: served.id, code: served.code, counterId: 'booth-1', reasonId: 'benefit-documents', resultText: 'no income certificate', visitorName: null });

    const corrected = data(await record(server, operator, served.id, { reasonText: 'pension recalculation', resultId: 'advised' }));
    expect(corrected).toMatchObject({ reasonId: null, reasonText: 'pension recalculation', resultId: 'advised' });
    const day = data(await call<VisitRecord[]>(server, officeApi(`/visit-journal?counterId=booth-1&day=${TODAY}`), { token: operator }));
    expect(day.map((r) => [r.code, r.reasonText, r.resultId])).toEqual([[served.code, 'pension recalculation', 'advised']]);
    const otherBooth = data(await call<VisitRecord[]>(server, officeApi(`/visit-journal?counterId=booth-2`), { token: operator }));
    expect(otherBooth).toEqual([]);
  });

  it('refuses a ticket served at another booth, one still being served, and unknown reasons', async () => {
    const { server } = await startAtNoon();
    const [first, second] = [await server.login('operator1'), await server.login('operator2')];
    await issue(server);
    await issue(server);
    const servedAtOne = await serveNext(server, first, 'booth-1');
    await call(server, officeApi('/counters/booth-2/open'), { body: {}, token: second });
    const atTwo = data(await call<{ ticket: Ticket }>(server, officeApi('/counters/booth-2/call-next'), { body: {}, token: second })).ticket;

    const body = { reasonId: 'consultation', resultId: 'advised' };
    expect(refusal(await record(server, second, servedAtOne.id, body))).toBe('ticket-not-at-counter');
    expect(refusal(await record(server, second, atTwo.id, body))).toBe('conflict');
    expect(refusal(await record(server, first, servedAtOne.id, { reasonId: 'made-up', resultId: 'advised' }))).toBe('invalid-input');
    expect(refusal(await record(server, first, servedAtOne.id, { resultId: 'advised' }))).toBe('invalid-input');
    expect(refusal(await record(server, await server.login('manager'), servedAtOne.id, body))).toBe('forbidden');
    expect(refusal(await record(server, await server.login('admin'), servedAtOne.id, body))).toBeUndefined();
  });

  it('refuses a visitor’s name and contact unless the office keeps them', async () => {
    const { server } = await startAtNoon();
    const operator = await server.login('operator1');
    await issue(server);
    const served = await serveNext(server, operator, 'booth-1');
    const withPerson = { reasonId: 'certificate', resultId: 'certificate-issued', visitorName: 'Кравец О. В.', visitorContact: '+7 900 123-45-67' };

    expect(refusal(await record(server, operator, served.id, withPerson))).toBe('invalid-input');
    await collectPersonalData(server);
    expect(data(await record(server, operator, served.id, withPerson))).toMatchObject({ visitorName: 'Кравец О. В.', visitorContact: '+7 900 123-45-67' });
  });

  it('erases names and contacts past the retention period at the sweep, keeping reason and result', async () => {
    const { server: first, time } = await startAtNoon();
    const operator = await first.login('operator1');
    await collectPersonalData(first, 30);
    await issue(first);
    const served = await serveNext(first, operator, 'booth-1');
    data(await record(first, operator, served.id, { reasonId: 'certificate', resultId: 'certificate-issued', visitorName: 'Кравец О. В.', visitorContact: '89001234567' }));

    time.set(local('12:00') + 29 * DAY_MS);
    server = await first.restart();
    const kept = data(await call<VisitRecord[]>(server, officeApi(`/visit-journal?day=${TODAY}`), { token: await server.login('operator1') }));
    expect(kept[0]).toMatchObject({ visitorName: 'Кравец О. В.' });

    time.set(local('12:00') + 31 * DAY_MS);
    server = await server.restart();
    const erased = data(await call<VisitRecord[]>(server, officeApi(`/visit-journal?day=${TODAY}`), { token: await server.login('operator1') }));
    expect(erased).toEqual([expect.objectContaining({ reasonId: 'certificate', resultId: 'certificate-issued', visitorName: null, visitorContact: null })]);
  });

  it('reports visits by reason and result, counting repeats only among visits with a contact', async () => {
    const { server } = await startAtNoon();
    const operator = await server.login('operator1');
    await collectPersonalData(server);
    const visits = [
      { reasonId: 'benefit-documents', resultId: 'returned-incomplete', visitorContact: '+7 (900) 123-45-67' },
      { reasonId: 'benefit-documents', resultId: 'accepted', visitorContact: '8 900 123 45 67' },
      { reasonId: 'benefit-documents', resultId: 'accepted' },
      { reasonId: 'consultation', resultId: 'advised', visitorContact: 'someone@example.org' },
    ];
    for (const visit of visits) {
      await issue(server);
      const served = await serveNext(server, operator, 'booth-1');
      data(await record(server, operator, served.id, visit));
    }

    const manager = await server.login('manager');
    const report = data(await call<VisitJournalReport>(server, officeApi(`/visit-journal/report?from=${TODAY}&to=${TODAY}`), { token: manager }));
    expect(report.recorded).toBe(4);
    expect(report.byReason.map((c) => [c.id, c.count])).toEqual([['benefit-documents', 3], ['consultation', 1]]);
    expect(report.byResult.map((c) => [c.id, c.count])).toEqual([['accepted', 2], ['returned-incomplete', 1], ['advised', 1]]);
    expect(report.repeats).toMatchObject({ withContact: 3, repeatVisits: 1, byReason: [{ id: 'benefit-documents', count: 1 }] });

    const response = await fetch(`${server.url}${officeApi(`/visit-journal/report?from=${TODAY}&to=${TODAY}&format=csv`)}`, { headers: { Authorization: `Bearer ${manager}` } });
    expect(response.headers.get('content-type')).toContain('text/csv');
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toBe('section,id,label,count');
    expect(csv).toContain('reason,benefit-documents,Документы на назначение выплаты,3');
    expect(csv).toContain('repeats,,repeat visits,1');
    expect(refusal(await call(server, officeApi('/visit-journal/report'), { token: operator }))).toBe('forbidden');
  });

  it('lets only an administrator change the lists', async () => {
    const { server } = await startAtNoon();
    const settings = { ...DEFAULT_VISIT_JOURNAL_SETTINGS, reasons: [{ id: 'pension', label: { ru: 'Пенсия' } }] };
    expect(refusal(await call(server, officeApi('/visit-journal/settings'), { method: 'PUT', body: settings, token: await server.login('manager') }))).toBe('forbidden');
    expect(refusal(await call(server, officeApi('/visit-journal/settings'), { method: 'PUT', body: { ...settings, retentionDays: 0 }, token: await server.login('admin') }))).toBe('invalid-input');
    data(await call(server, officeApi('/visit-journal/settings'), { method: 'PUT', body: settings, token: await server.login('admin') }));
    const read = data(await call<VisitJournalSettings>(server, officeApi('/visit-journal/settings'), { token: await server.login('operator1') }));
    expect(read.reasons).toEqual([{ id: 'pension', label: { ru: 'Пенсия' } }]);
  });
});

describe('visitor ratings', () => {
  const rate = (server: RunningTalon, ticketId: string, body: unknown) => call<RatingState>(server, officeApi(`/public/tickets/${ticketId}/rating`), { body });

  it('accepts one rating once the visit is served and refuses it before and a second time', async () => {
    const { server } = await startAtNoon();
    const operator = await server.login('operator1');
    const ticket = await issue(server);

    expect(data(await call<RatingState>(server, officeApi(`/public/tickets/${ticket.id}/rating`)))).toEqual({ state: 'not-yet', score: null });
    expect(await rate(server, ticket.id, { score: 5 })).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    await serveNext(server, operator, 'booth-1');
    expect(data(await call<RatingState>(server, officeApi(`/public/tickets/${ticket.id}/rating`)))).toEqual({ state: 'open', score: null });
    expect(data(await rate(server, ticket.id, { score: 4, comment: 'Quick and polite' }))).toEqual({ state: 'rated', score: 4 });
    expect(refusal(await rate(server, ticket.id, { score: 1 }))).toBe('conflict');
    expect(data(await call<RatingState>(server, officeApi(`/public/tickets/${ticket.id}/rating`)))).toEqual({ state: 'rated', score: 4 });
    expect(refusal(await rate(server, 'no-such-ticket-id', { score: 3 }))).toBe('not-found');
  });

  it('refuses a no-show and a score out of range', async () => {
    const { server } = await startAtNoon();
    const operator = await server.login('operator1');
    const ticket = await issue(server);
    await call(server, officeApi('/counters/booth-1/open'), { body: {}, token: operator });
    await call(server, officeApi('/counters/booth-1/call-next'), { body: {}, token: operator });
    data(await call(server, officeApi('/counters/booth-1/no-show'), { body: {}, token: operator }));
    expect(refusal(await rate(server, ticket.id, { score: 6 }))).toBe('invalid-input');
    expect(refusal(await rate(server, ticket.id, { score: 5 }))).toBe('conflict');
  });

  it('limits how often one address may rate', async () => {
    const { server } = await startAtNoon();
    const codes = [];
    for (let attempt = 0; attempt <= RATING_LIMITS.rate.burst; attempt += 1) codes.push(refusal(await rate(server, `made-up-ticket-${attempt}`, { score: 5 })));
    expect(codes.slice(0, RATING_LIMITS.rate.burst)).toEqual(Array(RATING_LIMITS.rate.burst).fill('not-found'));
    expect(codes.at(-1)).toBe('rate-limited');
  });

  it('reports ratings per service and per specialist, also as CSV', async () => {
    const { server } = await startAtNoon();
    const [first, second] = [await server.login('operator1'), await server.login('operator2')];
    const scores: [string, string, number][] = [
      [first, 'booth-1', 5],
      [first, 'booth-1', 3],
      [second, 'booth-2', 2],
    ];
    for (const [token, booth, score] of scores) {
      await issue(server);
      const served = await serveNext(server, token, booth);
      data(await rate(server, served.id, { score, comment: score < 3 ? 'Long wait' : '' }));
    }
    const manager = await server.login('manager');
    const report = data(await call<RatingsReport>(server, officeApi(`/ratings/report?from=${TODAY}&to=${TODAY}`), { token: manager }));
    expect(report.overall).toEqual({ count: 3, average: 10 / 3, distribution: [0, 1, 1, 0, 1] });
    expect(report.byService).toEqual([expect.objectContaining({ serviceId: 'documents', count: 3 })]);
    expect(report.bySpecialist.map((s) => [s.name, s.count, s.average])).toEqual([
      ['Иванова А. П.', 2, 4],
      [expect.any(String), 1, 2],
    ]);
    expect(report.comments.map((c) => c.comment)).toEqual(['Long wait']);

    const csv = await (await fetch(`${server.url}${officeApi('/ratings/report?format=csv')}`, { headers: { Authorization: `Bearer ${manager}` } })).text();
    expect(csv).toContain('overall,,,3,3.3333,0,1,1,0,1');
    expect(refusal(await call(server, officeApi('/ratings/report'), { token: first }))).toBe('forbidden');
  });
});
