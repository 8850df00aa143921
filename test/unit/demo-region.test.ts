// The demo region as the seed writes it: three valid offices with their own hours and time zones,
// people laid out per office (one person an operator in one office and a consultant in two), and
// the banner that names each office's own devices.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counterSchema, officeIdSchema, officeSchema, serviceSchema, type Office } from '../../common/protocol';
import { openAroundTheClock } from '../../db/demo-definition';
import { DEMO_REGION } from '../../db/demo-region';
import { demoBanner } from '../../server/demo-banner';
import { DEMO_REGION_OFFICES, demoStaff, provisionDemo, SINGLE_OFFICE_DEMO, type DemoCredentials } from '../../server/demo';
import type { AuthStores } from '../../server/auth/principal';
import { openPeriods } from '../../server/domain/schedule';
import { zonedToEpoch } from '../../common/time/calendar';

const byId = new Map(DEMO_REGION.map((d) => [d.id, d]));
const office = (id: string) => officeSchema.parse(byId.get(id)!.office) as Office;
/** Opening periods of a date as local clock times. */
function hours(id: string, date: string): string[] {
  const { schedule, timeZone } = office(id);
  const clock = (t: number) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t);
  return openPeriods(schedule, date, timeZone).map((p) => `${clock(p.start)}–${clock(p.end)}`);
}

describe('the demo region', () => {
  it('has three valid offices whose booths serve only their own services', () => {
    expect(DEMO_REGION.map((d) => d.id)).toEqual(['social-protection', 'service-115', 'city-centre']);
    expect(DEMO_REGION_OFFICES.map((o) => o.id)).toEqual(DEMO_REGION.map((d) => d.id));
    for (const definition of DEMO_REGION) {
      expect(officeIdSchema.safeParse(definition.id).success).toBe(true);
      expect(officeSchema.safeParse(definition.office).success).toBe(true);
      expect(officeSchema.safeParse(openAroundTheClock(definition.office)).success).toBe(true);
      const services = new Set(definition.services.map((s) => serviceSchema.parse(s).id));
      const served = definition.counters.flatMap((c) => counterSchema.parse(c).services.map((s) => s.serviceId));
      expect(served.filter((id) => !services.has(id))).toEqual([]);
    }
  });

  it('keeps seed 004’s hours at the social-protection office: 8:30–17:30, and only the 2nd and 4th Saturday 9–12', () => {
    expect(hours('social-protection', '2026-03-10')).toEqual(['08:30–17:30']);
    expect(hours('social-protection', '2026-03-14')).toEqual(['09:00–12:00']);
    expect(hours('social-protection', '2026-03-21')).toEqual([]);
    expect(office('social-protection').timeZone).toBe('Asia/Irkutsk');
  });

  it('gives Service 115 seed 000’s week: lunch on Monday and Saturday only, open until 20:00 on Wednesday and Thursday', () => {
    // Monday 9 March 2026 … Sunday 15 March 2026.
    expect(hours('service-115', '2026-03-09')).toEqual(['08:00–12:00', '13:00–17:00']);
    expect(hours('service-115', '2026-03-10')).toEqual(['08:00–17:00']);
    expect(hours('service-115', '2026-03-11')).toEqual(['08:00–20:00']);
    expect(hours('service-115', '2026-03-12')).toEqual(['08:00–20:00']);
    expect(hours('service-115', '2026-03-13')).toEqual(['08:00–17:00']);
    expect(hours('service-115', '2026-03-14')).toEqual(['08:00–12:00', '13:00–17:00']);
    expect(hours('service-115', '2026-03-15')).toEqual([]);
  });

  it('runs the city-centre office on Moscow time, so its day opens four and a half hours after the social-protection office’s (8:00 at UTC+3 against 8:30 at UTC+8)', () => {
    expect(office('city-centre').timeZone).toBe('Europe/Moscow');
    const opens = (id: string) => openPeriods(office(id).schedule, '2026-03-10', office(id).timeZone)[0]!.start;
    expect(opens('city-centre') - zonedToEpoch('2026-03-10', '08:00', 'Europe/Moscow')).toBe(0);
    expect(opens('city-centre') - opens('social-protection')).toBe(4.5 * 3_600_000);
  });
});

describe('the demo people', () => {
  it('are today’s six people with their roles in office main when there is one office, and no regional analyst', () => {
    const staff = demoStaff(SINGLE_OFFICE_DEMO);
    expect(staff.map((s) => [s.login, s.offices])).toEqual(
      ['operator1', 'operator2', 'operator3', 'operator4', 'consultant', 'manager'].map((login) => [
        login,
        [{ officeId: 'main', role: login.startsWith('operator') ? 'operator' : login }],
      ]),
    );
    expect(staff.some((s) => s.organisationRole)).toBe(false);
  });

  it('hold roles per office in the region: an operator in one office is a consultant in the two others, and an analyst reads them all', () => {
    const staff = new Map(demoStaff(DEMO_REGION_OFFICES).map((s) => [s.login, s]));
    expect(staff.get('operator4')!.offices).toEqual([
      { officeId: 'social-protection', role: 'operator' },
      { officeId: 'service-115', role: 'consultant' },
      { officeId: 'city-centre', role: 'consultant' },
    ]);
    expect(staff.get('analyst')).toMatchObject({ offices: [], organisationRole: 'regional-analyst' });
    for (const { id } of DEMO_REGION_OFFICES) {
      const roles = [...staff.values()].flatMap((s) => s.offices.filter((o) => o.officeId === id).map((o) => o.role));
      expect([id, roles.includes('operator'), roles.includes('manager')]).toEqual([id, true, true]);
    }
  });

  it('are printed with each office’s own device links', () => {
    const creds: DemoCredentials = {
      staffPassword: 'pw',
      staff: demoStaff(DEMO_REGION_OFFICES),
      devices: DEMO_REGION_OFFICES.flatMap(({ id }) => (['kiosk', 'display', 'print-agent'] as const).map((kind) => ({ officeId: id, kind, name: kind, key: `${kind}-of-${id}` }))),
    };
    const offices = DEMO_REGION.map((d) => ({ id: d.id, name: d.office.name.en!, state: 'open' as const, timeZone: d.office.timeZone }));
    const text = demoBanner('http://localhost:3000', creds, offices).join('\n');
    for (const { id } of DEMO_REGION_OFFICES) {
      expect(text).toContain(`/kiosk/?key=kiosk-of-${id}`);
      expect(text).toContain(`/display/?key=display-of-${id}`);
      expect(text).toContain(`--key print-agent-of-${id} `);
      expect(text).toContain(`/book/?office=${id}`);
      expect(text).toContain(`/join/?office=${id}`);
      expect(text).toContain(`/poster/?office=${id}`);
    }
    expect(text).toContain('Staff logins: operator1 (operator in social-protection)');
    expect(text).toContain('operator4 (operator in social-protection, consultant in service-115, consultant in city-centre)');
    expect(text).toContain('analyst (regional-analyst)');
  });
});

describe('demo credentials saved by the single-office version', () => {
  it('are read as office main’s people and devices, without provisioning anything again', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'talon-demo-file-')), 'demo-credentials.json');
    writeFileSync(
      file,
      JSON.stringify({
        staffPassword: 'old-password',
        staff: [{ login: 'operator1', role: 'operator', name: 'Иванова А. П.' }],
        devices: [{ kind: 'kiosk', name: 'Терминал у входа', key: 'old-kiosk-key' }],
      }),
    );
    // Nothing may be created: the file says the set-up was finished.
    const untouchable = new Proxy(
      {},
      {
        get: () => {
          throw new Error('no store may be used');
        },
      },
    ) as AuthStores;
    const creds = await provisionDemo(untouchable, file, DEMO_REGION_OFFICES);
    expect(creds.staff).toEqual([{ login: 'operator1', name: 'Иванова А. П.', offices: [{ officeId: 'main', role: 'operator' }] }]);
    expect(creds.devices).toEqual([{ officeId: 'main', kind: 'kiosk', name: 'Терминал у входа', key: 'old-kiosk-key' }]);
  });
});
