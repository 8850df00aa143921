// What one office keeps is its own beyond the queue too: a booking code names a booking in its office
// only and fills only that office's slots, a print agent is a printer of its own office only, and a
// visit is rated and counted in the reports of the office that served it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, CreatedDevice, Office, OfficeSummary, RatingsReport, SlotView, Ticket } from '../../common/protocol';
import type { Outcomes } from '../../common/protocol/analytics';
import type { PrinterInfo } from '../../common/protocol/printing';
import { zonedToEpoch } from '../../common/time/calendar';
import { call, MAIN_OFFICE, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

const A = MAIN_OFFICE;
const B = 'north';
const ZONE = 'Asia/Irkutsk';
const TODAY = '2030-01-15';
const local = (time: string) => zonedToEpoch(TODAY, time, ZONE);

type Answer<T> = Awaited<ReturnType<typeof call<T>>>;

function data<T>(answer: Answer<T>): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

const outcome = (answer: Answer<unknown>) => [answer.status, answer.body.ok ? 'ok' : answer.body.error.code];

describe('features of two offices', () => {
  let server: RunningTalon;
  let admin: string;
  let kioskB: string;

  beforeAll(async () => {
    server = await startTalon({ clock: () => local('12:00') });
    admin = await server.login('admin');
    const { office } = data(await call<{ office: Office }>(server, officeApi('/config'), { token: admin }));
    data(await call<OfficeSummary>(server, '/api/offices', { token: admin, body: { id: B, copyFrom: A, office: { ...office, name: { ru: 'Северный офис' } } } }));
    kioskB = data(await call<CreatedDevice>(server, officeApi('/devices', B), { token: admin, body: { kind: 'kiosk', name: 'North kiosk', zone: 'hall' } })).key;
  });

  afterAll(() => server.close());

  it("checks in a booking code only in its own office, and fills only that office's slots", async () => {
    const visitor = { serviceId: 'documents', slotStart: local('12:30'), name: 'Ольга Кравец', phone: '+7 900 123-45-67' };
    const slotsOf = async (office: string) =>
      data(await call<SlotView[]>(server, officeApi(`/appointments/slots?serviceId=documents&date=${TODAY}`, office), { token: admin })).find(
        (s) => s.start === local('12:30'),
      )?.free;
    const freeBefore = await slotsOf(B);
    const booked = data(await call<Appointment>(server, officeApi('/appointments', A), { token: admin, body: visitor }));
    expect(await slotsOf(A)).toBe(freeBefore! - 1);
    expect(await slotsOf(B)).toBe(freeBefore);
    expect(data(await call<Appointment[]>(server, officeApi(`/appointments?code=${booked.code}`, B), { token: admin }))).toEqual([]);
    expect(outcome(await call(server, officeApi(`/appointments/${booked.id}`, B), { token: admin }))).toEqual([404, 'not-found']);
    expect(outcome(await call(server, officeApi('/appointments/check-in', B), { deviceKey: kioskB, body: { code: booked.code } }))).toEqual([404, 'not-found']);
    expect(outcome(await call(server, officeApi('/appointments/check-in', A), { deviceKey: server.deviceKey('kiosk'), body: { code: booked.code } }))).toEqual([
      200,
      'ok',
    ]);
  });

  it("lists only the office's own print agents, and reprints on no other office's", async () => {
    const agentB = data(await call<CreatedDevice>(server, officeApi('/devices', B), { token: admin, body: { kind: 'print-agent', name: 'North printer', zone: 'hall' } }));
    const printersOf = async (office: string) => data(await call<PrinterInfo[]>(server, officeApi('/printers', office), { token: admin })).map((p) => p.agentId);
    expect(await printersOf(B)).toEqual([agentB.device.id]);
    expect(await printersOf(A)).not.toContain(agentB.device.id);
    const { ticket } = data(await call<{ ticket: Ticket }>(server, officeApi('/tickets', A), { token: admin, body: { serviceId: 'documents' } }));
    expect(outcome(await call(server, officeApi(`/tickets/${ticket.id}/reprint`, A), { token: admin, body: { agentId: agentB.device.id } }))).toEqual([404, 'not-found']);
    expect(outcome(await call(server, officeApi(`/printers/${agentB.device.id}/test-page`, A), { token: admin, body: {} }))).toEqual([404, 'not-found']);
  });

  it('rates a visit and counts it only in the office that served it', async () => {
    const issuedBefore = async (office: string) =>
      data(await call<{ result: Outcomes }>(server, officeApi(`/analytics/outcomes?from=${TODAY}&to=${TODAY}`, office), { token: admin })).result.overall.issued;
    const mainIssued = await issuedBefore(A);
    const { ticket } = data(await call<{ ticket: Ticket }>(server, officeApi('/tickets', B), { deviceKey: kioskB, body: { serviceId: 'documents' } }));
    await call(server, officeApi('/counters/booth-1/open', B), { token: admin, body: {} });
    data(await call(server, officeApi('/counters/booth-1/call-next', B), { token: admin, body: {} }));
    data(await call(server, officeApi('/counters/booth-1/finish', B), { token: admin, body: {} }));

    const rating = { score: 5, comment: 'Быстро' };
    expect(outcome(await call(server, officeApi(`/public/tickets/${ticket.id}/rating`, A), { body: rating }))).toEqual([404, 'not-found']);
    expect(outcome(await call(server, officeApi(`/public/tickets/${ticket.id}/rating`, B), { body: rating }))).toEqual([200, 'ok']);
    const ratingsOf = async (office: string) =>
      data(await call<RatingsReport>(server, officeApi(`/ratings/report?from=${TODAY}&to=${TODAY}`, office), { token: admin })).overall.count;
    expect(await ratingsOf(B)).toBe(1);
    expect(await ratingsOf(A)).toBe(0);
    expect(await issuedBefore(B)).toBe(1);
    expect(await issuedBefore(A)).toBe(mainIssued);
  });
});
