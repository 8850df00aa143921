// An office's configuration: its Office document, services and counters, validated JSON documents
// parsed again on load. Every read and write names the office.
import { counterSchema, officeSchema, serviceSchema, type Counter, type Office, type OfficeId, type Service } from '../../common/protocol';
import type { QueueConfig } from '../domain/state';
import type { Database, Queryable } from './database';

interface DocRow {
  data: string;
}

/** Null when there is no such office. */
export async function loadConfig(db: Database, officeId: OfficeId): Promise<QueueConfig | null> {
  const officeRow = await db.read.get<DocRow>('SELECT data FROM offices WHERE id = ?', [officeId]);
  if (!officeRow) return null;
  const office = officeSchema.parse(JSON.parse(officeRow.data)) as Office;
  // In key order: the sorts below are stable, so services of equal kioskOrder (0 unless set) stay in id order.
  const services = (await db.read.all<DocRow>('SELECT data FROM services WHERE office_id = ? ORDER BY id', [officeId])).map(
    (r) => serviceSchema.parse(JSON.parse(r.data)) as Service,
  );
  const counters = (await db.read.all<DocRow>('SELECT data FROM counters WHERE office_id = ? ORDER BY id', [officeId])).map(
    (r) => counterSchema.parse(JSON.parse(r.data)) as Counter,
  );
  return {
    office,
    services: new Map(services.sort((a, b) => a.kioskOrder - b.kioskOrder).map((s) => [s.id, s])),
    counters: new Map(counters.sort((a, b) => a.number - b.number).map((c) => [c.id, c])),
  };
}

/** Writes the office's document; a new office is created (not archived). */
export async function saveOffice(tx: Queryable, officeId: OfficeId, office: Office, now: number): Promise<void> {
  await tx.run(
    `INSERT INTO offices (id, data, archived_at, created_at, updated_at) VALUES (?, ?, NULL, ?, ?)
     ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    [officeId, JSON.stringify(office), now, now],
  );
}

export async function saveService(tx: Queryable, officeId: OfficeId, service: Service, now: number): Promise<void> {
  await tx.run(
    `INSERT INTO services (office_id, id, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (office_id, id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    [officeId, service.id, JSON.stringify(service), now],
  );
}

export async function saveCounter(tx: Queryable, officeId: OfficeId, counter: Counter, now: number): Promise<void> {
  await tx.run(
    `INSERT INTO counters (office_id, id, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (office_id, id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    [officeId, counter.id, JSON.stringify(counter), now],
  );
}
