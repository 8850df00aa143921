// What migrate-to-postgres copies, read from the two schemas rather than listed by hand: the tables
// in the order the target's foreign keys allow, each table's columns and primary key. Both databases
// are migrated to the same version first, so any disagreement found here is a bug in a migration,
// and the copy refuses rather than guess.
import type { Queryable } from '../../server/store/database';

/**
 * Each database keeps its own: the target's migrations, the Socket.IO adapter's scratch table, and
 * the record of its daily backups (the SQLite file's would stop the PostgreSQL nodes' first dump).
 */
export const NOT_COPIED: ReadonlySet<string> = new Set(['schema_migrations', 'socket_io_attachments', 'daily_backups']);

export interface TablePlan {
  name: string;
  /** On both sides, in the source's declaration order: what is copied and checksummed. */
  columns: string[];
  /** The primary key, in key order: the order rows are checksummed in on both sides. */
  key: string[];
  /** Key columns of a text type: PostgreSQL orders them byte-wise only when told to (COLLATE "C"), as SQLite's BINARY does. */
  textKey: string[];
  /** How SQLite keeps the rows: by rowid (insertion order) or, WITHOUT ROWID, by the key. */
  storedBy: 'rowid' | 'key';
}

interface TargetColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  /** Filled by PostgreSQL when an INSERT leaves it out (a default, an identity, a generated column). */
  fills_itself: number;
}

/** The tables to copy, parents before children, with what each one's copy and checksum need. */
export async function planTables(source: Queryable, target: Queryable): Promise<TablePlan[]> {
  const sourceTables = (await source.all<{ name: string; wr: number }>("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'")).filter((t) => !NOT_COPIED.has(t.name));
  const targetColumns = (await target.all<TargetColumn>(
    `SELECT c.table_name, c.column_name, c.data_type,
            CASE WHEN c.column_default IS NOT NULL OR c.is_identity = 'YES' OR c.is_generated = 'ALWAYS' THEN 1 ELSE 0 END AS fills_itself
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  )).filter((c) => !NOT_COPIED.has(c.table_name));
  const targetTables = new Set(targetColumns.map((c) => c.table_name));
  const sourceNames = new Set(sourceTables.map((t) => t.name));
  const onlyIn = (a: Set<string>, b: Set<string>) => [...a].filter((n) => !b.has(n)).sort();
  if (onlyIn(sourceNames, targetTables).length > 0 || onlyIn(targetTables, sourceNames).length > 0) {
    throw new Error(`the two schemas have different tables (only in SQLite: ${onlyIn(sourceNames, targetTables).join(', ') || 'none'}; only in PostgreSQL: ${onlyIn(targetTables, sourceNames).join(', ') || 'none'})`);
  }
  const plans = new Map<string, TablePlan>();
  for (const { name, wr } of sourceTables) {
    const declared = await source.all<{ name: string; pk: number }>('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid', [name]);
    const targetOf = new Map(targetColumns.filter((c) => c.table_name === name).map((c) => [c.column_name, c]));
    const missing = declared.filter((c) => !targetOf.has(c.name)).map((c) => c.name);
    if (missing.length > 0) throw new Error(`${name}: PostgreSQL has no column ${missing.join(', ')}`);
    // The target's own columns (print_jobs' insertion order) fill themselves as the rows arrive.
    const declaredNames = new Set(declared.map((c) => c.name));
    const unfillable = [...targetOf.values()].filter((c) => !declaredNames.has(c.column_name) && c.fills_itself !== 1).map((c) => c.column_name);
    if (unfillable.length > 0) throw new Error(`${name}: PostgreSQL's column ${unfillable.join(', ')} is not in SQLite and has no default to fill it`);
    const key = declared.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    if (key.length === 0) throw new Error(`${name} has no primary key to compare its rows by`);
    await expectSameKey(target, name, key);
    plans.set(name, {
      name,
      columns: declared.map((c) => c.name),
      key,
      textKey: key.filter((k) => isText(targetOf.get(k)!.data_type)),
      storedBy: wr === 1 ? 'key' : 'rowid',
    });
  }
  const order = await parentsFirst(target, [...plans.keys()]);
  return order.map((name) => plans.get(name)!);
}

function isText(dataType: string): boolean {
  return dataType === 'text' || dataType === 'character varying' || dataType === 'character';
}

async function expectSameKey(target: Queryable, table: string, key: string[]): Promise<void> {
  const rows = await target.all<{ column_name: string }>(
    `SELECT a.attname AS column_name
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE i.indisprimary AND n.nspname = current_schema() AND c.relname = ?
      ORDER BY k.position`,
    [table],
  );
  const targetKey = rows.map((r) => r.column_name);
  if (targetKey.join(',') !== key.join(',')) throw new Error(`${table}: the primary keys differ (SQLite: ${key.join(', ')}; PostgreSQL: ${targetKey.join(', ') || 'none'})`);
}

/** The tables ordered so that every table comes after the tables its foreign keys point to (ties by name, so every run copies in the same order). */
async function parentsFirst(target: Queryable, tables: string[]): Promise<string[]> {
  const references = await target.all<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint f
       JOIN pg_class child ON child.oid = f.conrelid
       JOIN pg_class parent ON parent.oid = f.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE f.contype = 'f' AND n.nspname = current_schema()`,
  );
  const parentsOf = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of references) if (child !== parent && parentsOf.has(child) && parentsOf.has(parent)) parentsOf.get(child)!.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parentsOf.get(t)!].every((p) => placed.has(p))).sort();
    if (ready.length === 0) throw new Error(`the foreign keys of ${tables.filter((t) => !placed.has(t)).join(', ')} form a cycle: no order copies them`);
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}
