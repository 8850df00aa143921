// `npm start` on an empty data folder: the demo region — three offices with their own hours, time
// zones, devices and people — printed with each office's own links, and working as printed: a
// kiosk issues in its own office only, a person acts with the role they hold in each office, the
// regional analyst reads the region.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeApiPath, type BookingInfo, type Device, type JoinInfo, type OfficeSummary, type SlotView } from '../../common/protocol';
import { isoWeekday } from '../../common/time/calendar';
import { freePort, spawnTalon, type TalonProcess } from '../support/talon-process';
import { ADMIN_PASSWORD, call } from '../support/talon-server';

const REGION = ['social-protection', 'service-115', 'city-centre'];
let server: TalonProcess;

beforeAll(async () => {
  server = await spawnTalon(mkdtempSync(join(tmpdir(), 'talon-demo-region-')), await freePort());
}, 120_000);

afterAll(() => server?.kill9());

function data<T>(answer: { body: { ok: true; data: T } | { ok: false; error: { code: string } } }): T {
  if (!answer.body.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

async function login(name: string): Promise<string> {
  const password = name === 'admin' ? ADMIN_PASSWORD : server.demo.staffPassword;
  return data(await call<{ token: string }>(server, '/api/auth/login', { body: { login: name, password } })).token;
}

const keyOf = (officeId: string, kind: string) => server.demo.devices.find((d) => d.officeId === officeId && d.kind === kind)!.key;

describe('the demo region of npm start', () => {
  it('lists three offices in their own time zones to the public', async () => {
    const offices = data(await call<OfficeSummary[]>(server, '/api/offices'));
    expect(offices.map((o) => [o.id, o.timeZone]).sort()).toEqual([
      ['city-centre', 'Europe/Moscow'],
      ['service-115', 'Europe/Minsk'],
      ['social-protection', 'Asia/Irkutsk'],
    ]);
  });

  it('prints each office’s kiosk and display link with that office’s own key', () => {
    for (const officeId of REGION) {
      expect(server.output()).toContain(`[${officeId}, `);
      expect(server.output()).toContain(`/kiosk/?key=${keyOf(officeId, 'kiosk')}`);
      expect(server.output()).toContain(`/display/?key=${keyOf(officeId, 'display')}`);
    }
  });

  it('lets visitors join from a phone and be told by Web Push in every office, and prints where', async () => {
    for (const officeId of REGION) {
      const join = data(await call<JoinInfo>(server, officeApiPath(officeId, '/public/join')));
      expect([officeId, join.rules.enabled, join.channels.push]).toEqual([officeId, true, true]);
      expect(server.output()).toContain(`/join/?office=${officeId}`);
      expect(server.output()).toContain(`/poster/?office=${officeId}`);
    }
  });

  it('gives every office its kiosk, display and print agent, named in Russian', async () => {
    const admin = await login('admin');
    for (const officeId of REGION) {
      const devices = data(await call<Device[]>(server, officeApiPath(officeId, '/devices'), { token: admin }));
      expect([officeId, devices.map((d) => d.name).sort()]).toEqual([officeId, ['Принтер терминала', 'Табло в зале', 'Терминал у входа']]);
    }
  });

  it('lets a kiosk issue in its own office and nowhere else', async () => {
    const key = keyOf('service-115', 'kiosk');
    expect((await call(server, officeApiPath('service-115', '/tickets'), { deviceKey: key, body: { serviceId: 'charges' } })).status).toBe(200);
    const elsewhere = await call(server, officeApiPath('social-protection', '/tickets'), { deviceKey: key, body: { serviceId: 'documents' } });
    expect(elsewhere.status).toBe(403);
  });

  it('lets operator4 work a booth in social-protection and only consult in the two other offices', async () => {
    const token = await login('operator4');
    expect((await call(server, officeApiPath('social-protection', '/counters/booth-2/open'), { token, body: {} })).status).toBe(200);
    expect((await call(server, officeApiPath('city-centre', '/counters/booth-1/open'), { token, body: {} })).status).toBe(403);
    expect((await call(server, officeApiPath('city-centre', '/tickets'), { token, body: { serviceId: 'pensions' } })).status).toBe(200);
  });

  it('lets the regional analyst read the region but not work a queue', async () => {
    const token = await login('analyst');
    expect((await call(server, '/api/region/report', { token })).status).toBe(200);
    expect((await call(server, officeApiPath('service-115', '/tickets'), { token, body: { serviceId: 'charges' } })).status).toBe(403);
  });

  it('books Service 115 in its own week: no slot in Monday’s lunch hour, slots into Wednesday evening', async () => {
    const { days } = data(await call<BookingInfo>(server, officeApiPath('service-115', '/public/booking')));
    const clock = (t: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Minsk', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t);
    const slots = async (date: string) => data(await call<SlotView[]>(server, officeApiPath('service-115', `/public/slots?serviceId=procedures&date=${date}`)));
    expect(days.filter((d) => isoWeekday(d) === 7)).toEqual([]);
    const monday = days.find((d) => isoWeekday(d) === 1 && d !== days[0])!;
    const wednesday = days.find((d) => isoWeekday(d) === 3 && d !== days[0])!;
    const mondaySlots = await slots(monday);
    expect(mondaySlots.filter((s) => clock(s.start) >= '12:00' && clock(s.start) < '13:00')).toEqual([]);
    expect(clock(mondaySlots[0]!.start)).toBe('08:00');
    const wednesdaySlots = await slots(wednesday);
    expect(clock(wednesdaySlots.at(-1)!.end) > '17:00').toBe(true);
    expect(clock(wednesdaySlots.at(-1)!.end) <= '20:00').toBe(true);
  });
});
