// Demo mode: staff accounts and registered devices for the demo offices, so a first-time user can
// try every screen at once. Their generated secrets are kept in data/demo-credentials.json (only
// in demo mode) so that a restart can print the same links again. Device names are in each office's
// language: staff see them in the device list.
//
// People are laid out by an office's place in the list given (its slot), so one plan serves the
// demo region (three offices) and a single office (`main`, the tests' organisation, or a database
// upgraded from the single-office version): the first office always gets today's demo staff; the
// region adds people for the others, one of them an operator in the first office and a consultant
// in the other two, and a regional analyst.
//
// Set-up survives being killed at any point: the secrets are chosen and written down (atomically)
// before any account exists, marked pending; each account and device is then created only if it is
// not there yet, and the mark is removed at the end. A restart after a crash finishes the same plan,
// so every printed login works.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { translate } from '../common/i18n';
import type { Lang, OfficeId, OfficeRole, OrganisationRole, Role } from '../common/protocol';
import { newSecret, verifyPassword } from './auth/passwords';
import type { AuthStores } from './auth/principal';
import { SINGLE_OFFICE_ID } from './store/seed';
import { writeAtomically } from './store/write-atomically';

/** An office the demo provisions, and the language its device names are in. */
export interface DemoOfficeRef {
  id: OfficeId;
  language: Lang;
}

export interface DemoStaff {
  login: string;
  name: string;
  offices: OfficeRole[];
  organisationRole?: OrganisationRole;
}

export type DemoDeviceKind = 'kiosk' | 'display' | 'print-agent';

export interface DemoCredentials {
  staffPassword: string;
  staff: DemoStaff[];
  devices: { officeId: OfficeId; kind: DemoDeviceKind; name: string; key: string }[];
}

/** The file while set-up is under way: the secrets chosen, not all accounts made yet. */
interface PendingDemo extends DemoCredentials {
  pending?: true;
}

/** The tests' organisation and an upgraded database: one office, `main`. */
export const SINGLE_OFFICE_DEMO: readonly DemoOfficeRef[] = [{ id: SINGLE_OFFICE_ID, language: 'ru' }];

/** The demo region's offices in slot order (db/demo-region.ts), all named in Russian. */
export const DEMO_REGION_OFFICES: readonly DemoOfficeRef[] = [
  { id: 'social-protection', language: 'ru' },
  { id: 'service-115', language: 'ru' },
  { id: 'city-centre', language: 'ru' },
];

/** A person's roles by office slot (0 = the first office given). */
interface StaffTemplate {
  login: string;
  name: string;
  roles: [slot: number, role: Role][];
  organisationRole?: OrganisationRole;
}

const STAFF: StaffTemplate[] = [
  { login: 'operator1', name: 'Иванова А. П.', roles: [[0, 'operator']] },
  { login: 'operator2', name: 'Петров С. И.', roles: [[0, 'operator']] },
  { login: 'operator3', name: 'Сидорова Е. В.', roles: [[0, 'operator']] },
  { login: 'operator4', name: 'Кузнецова О. Н.', roles: [[0, 'operator'], [1, 'consultant'], [2, 'consultant']] },
  { login: 'consultant', name: 'Смирнова Т. А.', roles: [[0, 'consultant']] },
  { login: 'manager', name: 'Орлова Н. Г.', roles: [[0, 'manager']] },
  { login: 'operator5', name: 'Ковалёв Д. С.', roles: [[1, 'operator']] },
  { login: 'operator6', name: 'Жук М. А.', roles: [[1, 'operator']] },
  { login: 'operator7', name: 'Белова И. К.', roles: [[2, 'operator']] },
  { login: 'operator8', name: 'Морозов П. Р.', roles: [[2, 'operator']] },
  { login: 'manager2', name: 'Соколова В. Л.', roles: [[1, 'manager'], [2, 'manager']] },
];

/** Only a region has someone who reads every office's analytics. */
const ANALYST: DemoStaff = { login: 'analyst', name: 'Лебедев Г. Ю.', offices: [], organisationRole: 'regional-analyst' };

const DEVICES = [
  ['kiosk', 'common.demoDevice.kiosk'],
  ['display', 'common.demoDevice.display'],
  ['print-agent', 'common.demoDevice.printAgent'],
] as const;

/** The demo's people for these offices, by slot. */
export function demoStaff(offices: readonly DemoOfficeRef[]): DemoStaff[] {
  const people = STAFF.flatMap(({ roles, ...person }) => {
    const held = roles.flatMap(([slot, role]) => (offices[slot] ? [{ officeId: offices[slot].id, role }] : []));
    return held.length > 0 ? [{ ...person, offices: held }] : [];
  });
  return offices.length > 1 ? [...people, ANALYST] : people;
}

function newPlan(offices: readonly DemoOfficeRef[]): PendingDemo {
  return {
    pending: true,
    staffPassword: randomBytes(9).toString('base64url'),
    staff: demoStaff(offices),
    devices: offices.flatMap((office) => DEVICES.map(([kind, nameKey]) => ({ officeId: office.id, kind, name: translate(office.language, nameKey), key: newSecret() }))),
  };
}

/** The single-office version's file: staff with one role and devices without an office, all of office `main`. */
interface SavedBeforeOffices {
  staff: { login: string; name: string; role?: Role; offices?: OfficeRole[] }[];
  devices: { officeId?: OfficeId; kind: DemoDeviceKind; name: string; key: string }[];
}

function readSaved(text: string): PendingDemo {
  const saved = JSON.parse(text) as Omit<PendingDemo, 'staff' | 'devices'> & SavedBeforeOffices;
  return {
    ...saved,
    staff: saved.staff.map(({ role, offices, ...person }) => ({ ...person, offices: offices ?? (role ? [{ officeId: SINGLE_OFFICE_ID, role }] : []) })),
    devices: saved.devices.map((device) => ({ ...device, officeId: device.officeId ?? SINGLE_OFFICE_ID })),
  };
}

const saveTo = (file: string, content: PendingDemo) => writeAtomically(file, JSON.stringify(content, null, 2));

/** Whether the login works with the demo password: made now, or by an earlier run of this plan. */
async function ensureStaff(stores: AuthStores, person: DemoStaff, password: string): Promise<boolean> {
  const created = await stores.users.create({ login: person.login, name: person.name, password, offices: person.offices, organisationRole: person.organisationRole ?? null });
  if (created.kind === 'created') return true;
  const existing = await stores.users.findByLogin(person.login);
  return existing !== null && (await verifyPassword(password, existing.passwordHash));
}

/** Provisions the demo people and devices of `offices` (in slot order), or returns what an earlier start provisioned. */
export async function provisionDemo(stores: AuthStores, file: string, offices: readonly DemoOfficeRef[]): Promise<DemoCredentials> {
  const saved = existsSync(file) ? readSaved(await readFile(file, 'utf8')) : null;
  if (saved && !saved.pending) return saved;
  const plan = saved ?? newPlan(offices);
  if (!saved) await saveTo(file, plan);
  const staff: DemoStaff[] = [];
  // A login someone already had (demo mode switched on later) keeps its own password and is not listed.
  for (const person of plan.staff) if (await ensureStaff(stores, person, plan.staffPassword)) staff.push(person);
  for (const { officeId, kind, name, key } of plan.devices) {
    if (!(await stores.devices.resolveKey(key))) await stores.devices.create(officeId, kind, name, 'hall', key);
  }
  const credentials: DemoCredentials = { staffPassword: plan.staffPassword, staff, devices: plan.devices };
  await saveTo(file, credentials);
  return credentials;
}
