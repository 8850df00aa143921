// Demo mode: staff accounts and registered devices for the demo office, so a first-time user can
// try every screen at once. Their generated secrets are kept in data/demo-credentials.json (only
// in demo mode) so that a restart can print the same links again. Device names are in the office's
// language: staff see them in the device list.
//
// Set-up survives being killed at any point: the secrets are chosen and written down (atomically)
// before any account exists, marked pending; each account and device is then created only if it is
// not there yet, and the mark is removed at the end. A restart after a crash finishes the same plan,
// so every printed login works.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { translate } from '../common/i18n';
import type { Lang, Role } from '../common/protocol';
import { newSecret, verifyPassword } from './auth/passwords';
import type { AuthStores } from './auth/principal';
import { writeAtomically } from './store/write-atomically';

export interface DemoCredentials {
  staffPassword: string;
  staff: { login: string; role: Role; name: string }[];
  devices: { kind: 'kiosk' | 'display' | 'print-agent'; name: string; key: string }[];
}

/** The file while set-up is under way: the secrets chosen, not all accounts made yet. */
interface PendingDemo extends DemoCredentials {
  pending?: true;
}

const STAFF: DemoCredentials['staff'] = [
  { login: 'operator1', role: 'operator', name: 'Иванова А. П.' },
  { login: 'operator2', role: 'operator', name: 'Петров С. И.' },
  { login: 'operator3', role: 'operator', name: 'Сидорова Е. В.' },
  { login: 'operator4', role: 'operator', name: 'Кузнецова О. Н.' },
  { login: 'consultant', role: 'consultant', name: 'Смирнова Т. А.' },
  { login: 'manager', role: 'manager', name: 'Орлова Н. Г.' },
];

const DEVICES = [
  ['kiosk', 'common.demoDevice.kiosk'],
  ['display', 'common.demoDevice.display'],
  ['print-agent', 'common.demoDevice.printAgent'],
] as const;

function newPlan(language: Lang): PendingDemo {
  return {
    pending: true,
    staffPassword: randomBytes(9).toString('base64url'),
    staff: STAFF,
    devices: DEVICES.map(([kind, nameKey]) => ({ kind, name: translate(language, nameKey), key: newSecret() })),
  };
}

const saveTo = (file: string, content: PendingDemo) => writeAtomically(file, JSON.stringify(content, null, 2));

/** Whether the login works with the demo password: made now, or by an earlier run of this plan. */
async function ensureStaff(stores: AuthStores, person: DemoCredentials['staff'][number], password: string): Promise<boolean> {
  const created = await stores.users.create({ ...person, password });
  if (created.kind === 'created') return true;
  const existing = await stores.users.findByLogin(person.login);
  return existing !== null && (await verifyPassword(password, existing.passwordHash));
}

export async function provisionDemo(stores: AuthStores, file: string, language: Lang): Promise<DemoCredentials> {
  const saved = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as PendingDemo) : null;
  if (saved && !saved.pending) return saved;
  const plan = saved ?? newPlan(language);
  if (!saved) await saveTo(file, plan);
  const staff: DemoCredentials['staff'] = [];
  // A login someone already had (demo mode switched on later) keeps its own password and is not listed.
  for (const person of plan.staff) if (await ensureStaff(stores, person, plan.staffPassword)) staff.push(person);
  for (const { kind, name, key } of plan.devices) {
    if (!(await stores.devices.resolveKey(key))) await stores.devices.create(kind, name, 'hall', key);
  }
  const credentials: DemoCredentials = { staffPassword: plan.staffPassword, staff, devices: plan.devices };
  await saveTo(file, credentials);
  return credentials;
}
