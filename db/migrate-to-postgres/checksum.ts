// A table's row count and checksum, computed the same way from what each database returns: rows in
// primary-key order, every value serialised canonically — integers in decimal, text as it is, blobs
// (bytea) in hex, NULL as a marker of its own — each tagged with its kind and text with its length,
// so no two different rows serialise alike. Equal on both sides means every value arrived unchanged.
import { createHash } from 'node:crypto';
import type { Queryable } from '../../server/store/database';
import { keyOrder, rowsInOrder } from './rows-in-order';
import type { TablePlan } from './tables';

export interface TableSum {
  rows: number;
  /** sha256 in hex. */
  checksum: string;
}

export async function tableSum(q: Queryable, plan: TablePlan): Promise<TableSum> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const page of rowsInOrder(q, plan, keyOrder(plan, q.engine))) {
    for (const row of page) {
      for (const column of plan.columns) hash.update(canonical(row[column], plan.name, column));
      rows += 1;
    }
  }
  return { rows, checksum: hash.digest('hex') };
}

function canonical(value: unknown, table: string, column: string): string {
  if (value === null) return 'N;';
  if (typeof value === 'number' && Number.isInteger(value)) return `i${value};`;
  if (typeof value === 'bigint') return `i${value};`;
  if (typeof value === 'string') return `t${Buffer.byteLength(value)}:${value}`;
  if (Buffer.isBuffer(value)) return `b${value.toString('hex')};`;
  // Talon stores no fractions, dates or booleans; a value like that means a column's type differs between the schemas.
  throw new Error(`${table}.${column} holds a value no Talon column holds (${typeof value} ${String(value)})`);
}
