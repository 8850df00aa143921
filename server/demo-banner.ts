// What `npm start` prints in demo mode: each demo office's kiosk, display, printer, booking and
// join-from-a-phone links, then the staff app and who may sign in where. main.ts prints the lines;
// they are built here so that the wording lives beside the demo it describes.
import { joinPageUrl, type OfficeId, type OfficeStatus } from '../common/protocol';
import type { DemoCredentials, DemoStaff } from './demo';

export interface DemoBannerOffice {
  id: OfficeId;
  /** In the office's own language. */
  name: string;
  state: OfficeStatus['state'];
  timeZone: string;
}

function rolesOf(person: DemoStaff): string {
  const roles = person.offices.map((o) => `${o.role} in ${o.officeId}`);
  if (person.organisationRole) roles.push(person.organisationRole);
  return roles.join(', ');
}

export function demoBanner(base: string, creds: DemoCredentials, offices: readonly DemoBannerOffice[]): string[] {
  const lines = ['', '  DEMO MODE — demo offices with demo accounts; not for real use (TALON_DEMO=0 turns it off).'];
  for (const office of offices) {
    const key = (kind: string) => creds.devices.find((d) => d.officeId === office.id && d.kind === kind)?.key ?? '';
    const now = office.state === 'open' ? '' : ` — ${office.state} now by its own hours`;
    lines.push(
      '',
      `  ${office.name} [${office.id}, ${office.timeZone}]${now}`,
      `    Kiosk:    ${base}/kiosk/?key=${key('kiosk')}`,
      `    Display:  ${base}/display/?key=${key('display')}`,
      `    Booking:  ${base}/book/?office=${encodeURIComponent(office.id)}`,
      `    Phone:    ${joinPageUrl(base, office.id)}   (poster for the entrance: ${base}/poster/?office=${encodeURIComponent(office.id)})`,
      `    Printer:  npm run print-agent -- --server ${base} --key ${key('print-agent')} --printer tcp://PRINTER:9100`,
    );
  }
  lines.push(
    '',
    `  Staff app:  ${base}/panel/`,
    `  Staff logins: ${creds.staff.map((s) => `${s.login} (${rolesOf(s)})`).join('; ')}; demo password: ${creds.staffPassword}`,
  );
  return lines;
}
