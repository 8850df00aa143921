// Copies one table's rows from the SQLite snapshot into PostgreSQL, in the order SQLite keeps them,
// with multi-row INSERTs: as many rows per statement as PostgreSQL's 65,535 parameters allow.
import type { Queryable, SqlValue } from '../../server/store/database';
import { quoted, rowsInOrder, storageOrder, type Row } from './rows-in-order';
import type { TablePlan } from './tables';

/** PostgreSQL numbers a statement's parameters in 16 bits. */
const MAX_PARAMETERS = 65_535;
/** Past this, bigger statements only cost more memory. */
const MAX_ROWS_PER_INSERT = 1000;

/** Text PostgreSQL cannot store; named with its row so the administrator can find and fix it in SQLite. */
export class NulInTextError extends Error {}

/** Copies `plan`'s table; resolves with the number of rows copied. */
export async function copyTable(source: Queryable, target: Queryable, plan: TablePlan): Promise<number> {
  const rowsPerInsert = Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / plan.columns.length));
  const into = `INSERT INTO ${quoted(plan.name)} (${plan.columns.map(quoted).join(', ')}) VALUES `;
  const placeholders = `(${plan.columns.map(() => '?').join(', ')})`;
  let copied = 0;
  for await (const page of rowsInOrder(source, plan, storageOrder(plan))) {
    for (let start = 0; start < page.length; start += rowsPerInsert) {
      const rows = page.slice(start, start + rowsPerInsert);
      const params: SqlValue[] = [];
      for (const row of rows) for (const column of plan.columns) params.push(storable(row, column, plan));
      await target.run(into + rows.map(() => placeholders).join(', '), params);
      copied += rows.length;
    }
  }
  return copied;
}

function storable(row: Row, column: string, plan: TablePlan): SqlValue {
  const value = row[column]!;
  if (typeof value === 'string' && value.includes('\u0000')) {
    const key = plan.key.map((k) => `${k} = ${JSON.stringify(row[k])}`).join(', ');
    throw new NulInTextError(`${plan.name} row ${key}: column ${column} contains a NUL character (U+0000), which PostgreSQL's text cannot hold; remove it in the SQLite database and run again`);
  }
  return value;
}
