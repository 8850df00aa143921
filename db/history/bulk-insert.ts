// Bulk writing for the history generator: many rows per INSERT through prepared statements.
import type sqlite3 from 'sqlite3';

export function run(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((ok, fail) => db.exec(sql, (err) => (err ? fail(err) : ok())));
}

export type Value = string | number | null;

/**
 * Many rows per INSERT through one prepared statement: each statement crosses into SQLite's thread
 * once, which is what makes a single-row insert slow from Node.
 */
export function batchInsert(db: sqlite3.Database, head: string, columns: number, batch = 200) {
  const statementFor = (rows: number) => db.prepare(`${head} ${Array.from({ length: rows }, () => `(${new Array(columns).fill('?').join(', ')})`).join(', ')}`);
  const full = statementFor(batch);
  const exec = (statement: sqlite3.Statement, values: Value[]) =>
    new Promise<void>((ok, fail) => statement.run(values, (err: Error | null) => (err ? fail(err) : ok())));
  return {
    async write(rows: Value[][]): Promise<void> {
      // One batch after another: rows that share an instant must keep their order, as the engine's
      // journal sequence keeps it (a booth resumes before it calls).
      let i = 0;
      for (; i + batch <= rows.length; i += batch) await exec(full, rows.slice(i, i + batch).flat());
      if (i < rows.length) {
        const rest = statementFor(rows.length - i);
        await exec(rest, rows.slice(i).flat());
        await new Promise<void>((ok) => rest.finalize(() => ok()));
      }
    },
    finalize: () => new Promise<void>((ok) => full.finalize(() => ok())),
  };
}
