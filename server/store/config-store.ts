// Office, services and counters: validated JSON documents, parsed again on load.
import { counterSchema, officeSchema, serviceSchema, type Counter, type Office, type Service } from '../../common/protocol';
import type { QueueConfig } from '../domain/state';
import type { Database, Queryable } from './database';

interface DocRow {
  id: string;
  data: string;
}

export async function loadConfig(db: Database): Promise<QueueConfig | null> {
  const officeRow = await db.read.get<{ data: string }>('SELECT data FROM office WHERE id = 1');
  if (!officeRow) return null;
  const office = officeSchema.parse(JSON.parse(officeRow.data)) as Office;
  const services = (await db.read.all<DocRow>('SELECT id, data FROM services')).map((r) => serviceSchema.parse(JSON.parse(r.data)) as Service);
  const counters = (await db.read.all<DocRow>('SELECT id, data FROM counters')).map((r) => counterSchema.parse(JSON.parse(r.data)) as Counter);
  return {
    office,
    services: new Map(services.sort((a, b) => a.kioskOrder - b.kioskOrder).map((s) => [s.id, s])),
    counters: new Map(counters.sort((a, b) => a.number - b.number).map((c) => [c.id, c])),
  };
}

export async function saveOffice(tx: Queryable, office: Office, now: number): Promise<void> {
  await tx.run('INSERT INTO office (id, data, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at', [
    JSON.stringify(office),
    now,
  ]);
}

export async function saveService(tx: Queryable, service: Service, now: number): Promise<void> {
  await tx.run('INSERT INTO services (id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at', [
    service.id,
    JSON.stringify(service),
    now,
  ]);
}

export async function saveCounter(tx: Queryable, counter: Counter, now: number): Promise<void> {
  await tx.run('INSERT INTO counters (id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at', [
    counter.id,
    JSON.stringify(counter),
    now,
  ]);
}
