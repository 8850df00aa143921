// Demo mode: staff accounts and registered devices for the demo office, so a first-time user can
// try every screen at once. Their generated secrets are kept in data/demo-credentials.json (only
// in demo mode) so that a restart can print the same links again. Device names are in the office's
// language: staff see them in the device list.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { translate } from '../common/i18n';
import type { Lang, Role } from '../common/protocol';
import type { AuthStores } from './auth/principal';

export interface DemoCredentials {
  staffPassword: string;
  staff: { login: string; role: Role; name: string }[];
  devices: { kind: 'kiosk' | 'display' | 'print-agent'; name: string; key: string }[];
}

const STAFF: DemoCredentials['staff'] = [
  { login: 'operator1', role: 'operator', name: 'Иванова А. П.' },
  { login: 'operator2', role: 'operator', name: 'Петров С. И.' },
  { login: 'operator3', role: 'operator', name: 'Сидорова Е. В.' },
  { login: 'operator4', role: 'operator', name: 'Кузнецова О. Н.' },
  { login: 'consultant', role: 'consultant', name: 'Смирнова Т. А.' },
  { login: 'manager', role: 'manager', name: 'Орлова Н. Г.' },
];

export async function provisionDemo(stores: AuthStores, file: string, language: Lang): Promise<DemoCredentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as DemoCredentials;
  const staffPassword = randomBytes(9).toString('base64url');
  for (const person of STAFF) {
    await stores.users.create({ ...person, password: staffPassword });
  }
  const devices: DemoCredentials['devices'] = [];
  for (const [kind, nameKey] of [
    ['kiosk', 'common.demoDevice.kiosk'],
    ['display', 'common.demoDevice.display'],
    ['print-agent', 'common.demoDevice.printAgent'],
  ] as const) {
    const name = translate(language, nameKey);
    const { key } = await stores.devices.create(kind, name, 'hall');
    devices.push({ kind, name, key });
  }
  const credentials = { staffPassword, staff: STAFF, devices };
  await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}
