// A thin facade over sqlite3: one writer connection whose statements never interleave (every write
// runs inside `transaction`, one at a time) and one reader connection for queries, which in WAL mode
// sees only committed data and never waits for the writer.
import sqlite3 from 'sqlite3';

export type SqlValue = string | number | bigint | null | Buffer;
export type Params = SqlValue[] | Record<string, SqlValue>;

export interface Queryable {
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  run(sql: string, params?: Params): Promise<{ changes: number; lastID: number }>;
  exec(sql: string): Promise<void>;
}

function open(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}

function wrap(db: sqlite3.Database): Queryable {
  return {
    all: <T>(sql: string, params: Params = []) =>
      new Promise<T[]>((resolve, reject) => db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[])))),
    get: <T>(sql: string, params: Params = []) =>
      new Promise<T | undefined>((resolve, reject) => db.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined)))),
    run: (sql: string, params: Params = []) =>
      new Promise((resolve, reject) =>
        db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(err);
          else resolve({ changes: this.changes, lastID: this.lastID });
        }),
      ),
    exec: (sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve()))),
  };
}

export class Database {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly writer: sqlite3.Database,
    private readonly reader: sqlite3.Database,
    private readonly writeOps: Queryable,
    /** Committed data only; safe to use at any time. */
    readonly read: Queryable,
  ) {}

  static async open(file: string): Promise<Database> {
    const writer = await open(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
    const writeOps = wrap(writer);
    // WAL lets readers run beside the writer; FULL makes every commit durable before we acknowledge it.
    await writeOps.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    const reader = await open(file, sqlite3.OPEN_READONLY);
    const read = wrap(reader);
    await read.exec('PRAGMA busy_timeout = 5000;');
    return new Database(writer, reader, writeOps, read);
  }

  /** Runs `work` in one IMMEDIATE transaction; transactions run strictly one after another. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.inTurn(() => this.inTransaction(work));
  }

  /**
   * A transaction that may rebuild tables other tables refer to (a migration): SQLite's way is to
   * turn foreign keys off meanwhile — with them on, dropping the old table would delete or refuse
   * its children. Nothing is left unchecked: every reference is verified before the commit.
   */
  schemaTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.inTurn(async () => {
      // Outside any transaction: SQLite ignores this pragma inside one.
      await this.writeOps.exec('PRAGMA foreign_keys = OFF');
      try {
        return await this.inTransaction(async (tx) => {
          const result = await work(tx);
          const broken = await tx.all<{ table: string; parent: string }>('PRAGMA foreign_key_check');
          if (broken.length > 0) {
            const first = broken[0]!;
            throw new Error(`${broken.length} rows refer to rows that do not exist (first: ${first.table} → ${first.parent})`);
          }
          return result;
        });
      } finally {
        await this.writeOps.exec('PRAGMA foreign_keys = ON');
      }
    });
  }

  private async inTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    await this.writeOps.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(this.writeOps);
      await this.writeOps.exec('COMMIT');
      return result;
    } catch (error) {
      await this.writeOps.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private inTurn<T>(run: () => Promise<T>): Promise<T> {
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.tail;
    // The writer closes last: the last connection out checkpoints the WAL into the main file,
    // which a read-only connection cannot do.
    for (const db of [this.reader, this.writer]) {
      await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
    }
  }
}
