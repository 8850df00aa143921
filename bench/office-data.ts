// A data folder as a benchmark's server finds it on start: office `main` (the demo office, its queue
// open around the clock, numbers up to 9999 a day so tens of thousands of tickets fit) and, for the
// scale benchmarks, copies of it office-2 … office-N. The server's demo mode then gives every office
// its kiosk, display and print agent, and main today's demo staff.
import { join } from 'node:path';
import type { OfficeId } from '../common/protocol';
import { loadConfig, saveService } from '../server/store/config-store';
import { SqliteDatabase } from '../server/store/sqlite-database';
import { migrate } from '../server/store/migrate';
import { copyOffice } from '../server/store/offices-store';
import { seedSingleOffice, SINGLE_OFFICE_ID } from '../server/store/seed';

export const copyId = (n: number): OfficeId => `office-${n}`;

/** Office ids in the order the server lists them: main first. */
export async function prepareOffices(dataDir: string, count: number): Promise<OfficeId[]> {
  const db = await SqliteDatabase.open(join(dataDir, 'talon.sqlite'));
  try {
    await migrate(db);
    const now = Date.now();
    await seedSingleOffice(db, now, { allDay: true });
    const config = (await loadConfig(db, SINGLE_OFFICE_ID))!;
    const ids = [SINGLE_OFFICE_ID, ...Array.from({ length: count - 1 }, (_, i) => copyId(i + 2))];
    await db.transaction(async (tx) => {
      for (const service of config.services.values()) await saveService(tx, SINGLE_OFFICE_ID, { ...service, endNumber: 9999 }, now);
      // A millisecond apart, so the server lists them in this order.
      for (const [i, id] of ids.entries()) if (i > 0) await copyOffice(tx, SINGLE_OFFICE_ID, id, now + i);
    });
    return ids;
  } finally {
    await db.close();
  }
}
