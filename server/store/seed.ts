// First start: an empty database gets the demo office, so Talon is usable at once.
import { counterSchema, DEFAULT_APPOINTMENT_SETTINGS, officeSchema, serviceSchema, type Counter, type Office, type Service } from '../../common/protocol';
import { demoCounters, demoOffice, demoOfficeHours, demoServices } from '../../db/demo-office';
import { saveAppointmentSettings } from './appointments-store';
import { saveCounter, saveOffice, saveService } from './config-store';
import type { Database } from './database';

/** Seeds the demo office when the database has none; returns whether it did. */
export async function seedDemoOffice(db: Database, now: number, options: { allDay: boolean }): Promise<boolean> {
  const existing = await db.read.get('SELECT 1 FROM office WHERE id = 1');
  if (existing) return false;
  const office = officeSchema.parse(demoOffice(options)) as Office;
  await db.transaction(async (tx) => {
    await saveOffice(tx, office, now);
    for (const service of demoServices) await saveService(tx, serviceSchema.parse(service) as Service, now);
    for (const counter of demoCounters) await saveCounter(tx, counterSchema.parse(counter) as Counter, now);
    // A queue open around the clock still books visits only in the real office hours.
    if (options.allDay) await saveAppointmentSettings(tx, { ...DEFAULT_APPOINTMENT_SETTINGS, bookingHours: demoOfficeHours }, now);
  });
  return true;
}
