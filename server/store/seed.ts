// First start: an empty database gets demo offices, so Talon is usable at once — the demo region
// for `npm start`, or the single office `main` (today's demo office) that the tests run against.
import { counterSchema, DEFAULT_APPOINTMENT_SETTINGS, officeSchema, serviceSchema, type Counter, type LocalizedText, type Office, type OfficeId, type Service } from '../../common/protocol';
import { openAroundTheClock, type DemoOfficeDefinition } from '../../db/demo-definition';
import { socialProtection } from '../../db/demo-office';
import { DEMO_ORGANISATION_NAME, DEMO_REGION } from '../../db/demo-region';
import { saveAppointmentSettings } from './appointments-store';
import { saveCounter, saveOffice, saveService } from './config-store';
import type { Database, Queryable } from './database';

/** The office of a single-office organisation, and of every database migrated from the single-office version. */
export const SINGLE_OFFICE_ID: OfficeId = 'main';

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

/** The organisation's name; the row itself may already be there from the migration. */
async function nameOrganisation(tx: Queryable, name: LocalizedText, now: number): Promise<void> {
  await tx.run('INSERT INTO organisation (id, data, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at', [
    JSON.stringify({ name }),
    now,
  ]);
}

/** Seeds the offices in one transaction when the database has none; returns whether it did. */
async function seedWhenEmpty(db: Database, offices: readonly { id: OfficeId; definition: DemoOfficeDefinition }[], now: number, options: SeedOptions): Promise<boolean> {
  if (await db.read.get('SELECT 1 FROM offices LIMIT 1')) return false;
  await db.transaction(async (tx) => {
    await nameOrganisation(tx, DEMO_ORGANISATION_NAME, now);
    for (const { id, definition } of offices) await seedOffice(tx, id, definition, now, options);
  });
  return true;
}

/** The tests' organisation: one office, `main`, holding today's demo office. */
export function seedSingleOffice(db: Database, now: number, options: SeedOptions): Promise<boolean> {
  return seedWhenEmpty(db, [{ id: SINGLE_OFFICE_ID, definition: socialProtection }], now, options);
}

/** The demo region of `npm start`: social-protection, service-115 and city-centre. */
export function seedDemoRegion(db: Database, now: number, options: SeedOptions): Promise<boolean> {
  return seedWhenEmpty(db, DEMO_REGION.map((definition) => ({ id: definition.id, definition })), now, options);
}
