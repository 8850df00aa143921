// The organisation's offices: which exist, which are archived, and a new office started as a copy
// of another. An office's own settings live in config-store and the feature stores; this file
// knows the offices table and the organisation row.
import { officeSchema, organisationSchema, type Office, type OfficeId, type OfficeSummary, type Organisation } from '../../common/protocol';
import type { Queryable } from './database';

export interface OfficeRecord {
  id: OfficeId;
  office: Office;
  /** An archived office keeps its records but runs no queue and is hidden from the public. */
  archived: boolean;
  createdAt: number;
}

interface OfficeRow {
  id: string;
  data: string;
  archived_at: number | null;
  created_at: number;
}

const OFFICE_COLUMNS = 'id, data, archived_at, created_at';

function toRecord(row: OfficeRow): OfficeRecord {
  return { id: row.id, office: officeSchema.parse(JSON.parse(row.data)) as Office, archived: row.archived_at !== null, createdAt: row.created_at };
}

/** Every office, archived ones too, in the order they were created. */
export async function listOffices(q: Queryable): Promise<OfficeRecord[]> {
  return (await q.all<OfficeRow>(`SELECT ${OFFICE_COLUMNS} FROM offices ORDER BY created_at, id`)).map(toRecord);
}

export async function getOffice(q: Queryable, officeId: OfficeId): Promise<OfficeRecord | null> {
  const row = await q.get<OfficeRow>(`SELECT ${OFFICE_COLUMNS} FROM offices WHERE id = ?`, [officeId]);
  return row ? toRecord(row) : null;
}

export function officeSummary({ id, office, archived }: OfficeRecord): OfficeSummary {
  return { id, name: office.name, address: office.address, timeZone: office.timeZone, archived };
}

/** A new office with its document only; services, counters and the rest are added by their stores. */
export async function createOffice(tx: Queryable, officeId: OfficeId, office: Office, now: number): Promise<'created' | 'id-taken'> {
  const { changes } = await tx.run('INSERT INTO offices (id, data, archived_at, created_at, updated_at) VALUES (?, ?, NULL, ?, ?) ON CONFLICT (id) DO NOTHING', [
    officeId,
    JSON.stringify(office),
    now,
    now,
  ]);
  return changes === 1 ? 'created' : 'id-taken';
}

/**
 * The settings tables a copied office starts with, each keyed by office. Rows are copied as stored:
 * they are the same validated documents, so nothing needs to know their shape here. Queue state,
 * tickets, devices and people are not copied.
 */
const COPIED_SETTINGS = [
  { table: 'services', columns: 'id, data' },
  { table: 'counters', columns: 'id, data' },
  { table: 'appointment_settings', columns: 'data' },
  { table: 'visit_journal_settings', columns: 'data' },
  { table: 'retention_settings', columns: 'journal_days' },
] as const;

/** A new office as a copy of `fromId`: its document (or `office`, when given), services, counters, appointment and visit-journal settings. */
export async function copyOffice(
  tx: Queryable,
  fromId: OfficeId,
  toId: OfficeId,
  now: number,
  office?: Office,
): Promise<'created' | 'id-taken' | 'source-not-found'> {
  const source = await getOffice(tx, fromId);
  if (!source) return 'source-not-found';
  const created = await createOffice(tx, toId, office ?? source.office, now);
  if (created !== 'created') return created;
  for (const { table, columns } of COPIED_SETTINGS) {
    // The copy's settings were last changed when it was made.
    await tx.run(`INSERT INTO ${table} (office_id, ${columns}, updated_at) SELECT ?, ${columns}, ? FROM ${table} WHERE office_id = ?`, [toId, now, fromId]);
  }
  return 'created';
}

/** False when there is no such office. Archiving again keeps the first date. */
export async function archiveOffice(tx: Queryable, officeId: OfficeId, now: number): Promise<boolean> {
  const { changes } = await tx.run('UPDATE offices SET archived_at = COALESCE(archived_at, ?), updated_at = ? WHERE id = ?', [now, now, officeId]);
  return changes === 1;
}

/** Null until the organisation is set up (a fresh database). */
export async function loadOrganisation(q: Queryable): Promise<Organisation | null> {
  const row = await q.get<{ data: string }>('SELECT data FROM organisation WHERE id = 1');
  return row ? organisationSchema.parse(JSON.parse(row.data)) : null;
}

export async function saveOrganisation(tx: Queryable, organisation: Organisation, now: number): Promise<void> {
  await tx.run('INSERT INTO organisation (id, data, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at', [
    JSON.stringify(organisation),
    now,
  ]);
}
