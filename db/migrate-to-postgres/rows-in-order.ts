// A table's rows, page by page, in a given order: what both the copy and the checksums walk. Keyset
// paging (each page starts after the last row of the one before) keeps memory flat and costs the
// same at a table's end as at its start, where OFFSET would scan everything before it again.
import type { DatabaseEngine, Queryable, SqlValue } from '../../server/store/database';
import type { TablePlan } from './tables';

export type Row = Record<string, SqlValue>;

/** Enough rows per page to keep round trips few, few enough to keep a page of wide rows small. */
const PAGE_ROWS = 2000;

/** An expression the rows are ordered by, and the name its value comes back under. */
export interface OrderTerm {
  expr: string;
  as: string;
}

export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The order SQLite keeps a table's rows in: by rowid — the order they were inserted, which the
 * target's own insertion-order column (print_jobs') must repeat — or by the key of a table WITHOUT ROWID.
 */
export function storageOrder(plan: TablePlan): OrderTerm[] {
  return plan.storedBy === 'rowid' ? [{ expr: 'rowid', as: '__talon_rowid' }] : keyOrder(plan, 'sqlite');
}

/** Primary-key order, byte-wise on text on both engines (SQLite's BINARY, PostgreSQL's "C"), so both walk the rows in the same sequence. */
export function keyOrder(plan: TablePlan, engine: DatabaseEngine): OrderTerm[] {
  const collation = (column: string) => (engine === 'sqlite' ? ' COLLATE BINARY' : plan.textKey.includes(column) ? ' COLLATE "C"' : '');
  return plan.key.map((column) => ({ expr: `${quoted(column)}${collation(column)}`, as: column }));
}

/** The rows of `plan`'s table with its columns (plus the order terms), page after page, in `order`. */
export async function* rowsInOrder(q: Queryable, plan: TablePlan, order: OrderTerm[]): AsyncGenerator<Row[]> {
  const extra = order.filter((term) => !plan.columns.includes(term.as));
  const select = [...plan.columns.map(quoted), ...extra.map((term) => `${term.expr} AS ${quoted(term.as)}`)].join(', ');
  const orderBy = order.map((term) => term.expr).join(', ');
  const after = `(${orderBy}) > (${order.map(() => '?').join(', ')})`;
  let last: Row | undefined;
  for (;;) {
    const page = await q.all<Row>(
      `SELECT ${select} FROM ${quoted(plan.name)}${last ? ` WHERE ${after}` : ''} ORDER BY ${orderBy} LIMIT ${PAGE_ROWS}`,
      last ? order.map((term) => last![term.as]!) : [],
    );
    if (page.length > 0) yield page;
    if (page.length < PAGE_ROWS) return;
    last = page[page.length - 1];
  }
}
