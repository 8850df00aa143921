// First start: an empty database gets demo offices, so Talon is usable at once — the demo region
// for `npm start`, or the single office `main` (today's demo office) that the tests run against.
import { counterSchema, DEFAULT_APPOINTMENT_SETTINGS, officeSchema, serviceSchema, SINGLE_OFFICE_ID, type Counter, type Office, type OfficeId, type Service } from '../../common/protocol';
import { openAroundTheClock, type DemoOfficeDefinition } from '../../db/demo-definition';
import { socialProtection } from '../../db/demo-office';
import { DEMO_ORGANISATION_NAME, DEMO_REGION } from '../../db/demo-region';
import { saveAppointmentSettings } from './appointments-store';
import { saveCounter, saveOffice, saveService } from './config-store';
import type { Database, Queryable } from './database';
import { listOffices, saveOrganisation } from './offices-store';

/** The office of a single-office organisation, and of every database migrated from the single-office version. */
export { SINGLE_OFFICE_ID };

export interface SeedOptions {
  /** Open the queues around the clock (the demo's default); visits are still booked in the real hours. */
  allDay: boolean;
}

/** Writes one office: its document, services and booths, and booking hours when its queue is open all day. */
export async function seedOffice(tx: Queryable, id: OfficeId, definition: DemoOfficeDefinition, now: number, options: SeedOptions): Promise<void> {
  const real = officeSchema.parse(definition.office) as Office;
  const office = options.allDay ? (officeSchema.parse(openAroundTheClock(real)) as Office) : real;
  await saveOffice(tx, id, office, now);
  for (const service of definition.services) await saveService(tx, id, serviceSchema.parse(service) as Service, now);
  for (const counter of definition.counters) await saveCounter(tx, id, counterSchema.parse(counter) as Counter, now);
  // A queue open around the clock still books visits only in the real office hours.
  if (options.allDay) await saveAppointmentSettings(tx, id, { ...DEFAULT_APPOINTMENT_SETTINGS, bookingHours: real.schedule.weekly }, now);
}

/** Seeds the offices in one transaction when the database has none; returns whether it did. */
export async function seedOffices(db: Database, offices: readonly { id: OfficeId; definition: DemoOfficeDefinition }[], now: number, options: SeedOptions): Promise<boolean> {
  if ((await listOffices(db.read)).length > 0) return false;
  await db.transaction(async (tx) => {
    await saveOrganisation(tx, { name: DEMO_ORGANISATION_NAME }, now);
    // A millisecond apart: offices are listed by creation time, and the demo's order means something (server/demo.ts).
    for (const [i, { id, definition }] of offices.entries()) await seedOffice(tx, id, definition, now + i, options);
  });
  return true;
}

/** The tests' organisation: one office, `main`, holding today's demo office. */
export function seedSingleOffice(db: Database, now: number, options: SeedOptions): Promise<boolean> {
  return seedOffices(db, [{ id: SINGLE_OFFICE_ID, definition: socialProtection }], now, options);
}

/** The demo region of `npm start`: social-protection, service-115 and city-centre. */
export function seedDemoRegion(db: Database, now: number, options: SeedOptions): Promise<boolean> {
  return seedOffices(db, DEMO_REGION.map((definition) => ({ id: definition.id, definition })), now, options);
}
