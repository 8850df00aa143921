// The SQLite engine of the store interface (database.ts): a thin facade over sqlite3: one writer connection whose statements never interleave (every write
// runs inside `transaction`, one at a time) and one reader connection for queries, which in WAL mode
// sees only committed data and never waits for the writer. The writer is the one thing all offices
// share, so transactions that queue up behind it are committed together (see `transaction`).
import { join, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import type { Database, Params, Queryable } from './database';

/** Where a data folder keeps Talon's database: the server, the talon commands and restore all look there. */
export function databaseFile(dataDir: string): string {
  return join(resolve(dataDir), 'talon.sqlite');
}

/** A sqlite3 connection to `file`, opened in `mode` (sqlite3.OPEN_…). */
export function openSqlite(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}

/** sqlite3's callbacks as the promises every store uses. */
export function queryableOf(db: sqlite3.Database): Queryable {
  return {
    engine: 'sqlite',
    all: <T>(sql: string, params: Params = []) =>
      new Promise<T[]>((resolve, reject) => db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[])))),
    get: <T>(sql: string, params: Params = []) =>
      new Promise<T | undefined>((resolve, reject) => db.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined)))),
    run: (sql: string, params: Params = []) =>
      new Promise<{ changes: number }>((resolve, reject) =>
        db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(err);
          else resolve({ changes: this.changes });
        }),
      ),
    exec: (sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve()))),
  };
}

interface Waiting {
  work: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Enough to share one disk sync among many offices' commits, few enough to keep each one's wait short. */
const MAX_GROUP = 64;

export class SqliteDatabase implements Database {
  readonly engine = 'sqlite' as const;
  /** Transactions that arrived while the writer was busy: they are committed together, next. */
  private waiting: Waiting[] = [];
  /** The group being written, or schema work; what `close` waits for. */
  private tail: Promise<unknown> = Promise.resolve();
  private writing = false;
  /** Told how long each committed transaction took, asked for to durable, in ms: the metrics' commit latency. They run on the writer's path and must not throw. */
  private readonly commitTimers = new Set<(ms: number) => void>();

  private constructor(
    private readonly writer: sqlite3.Database,
    private readonly reader: sqlite3.Database,
    private readonly writeOps: Queryable,
    /** Committed data only; safe to use at any time. */
    readonly read: Queryable,
  ) {}

  static async open(file: string): Promise<SqliteDatabase> {
    const writer = await openSqlite(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
    const writeOps = queryableOf(writer);
    // WAL lets readers run beside the writer; FULL makes every commit durable before we acknowledge it.
    await writeOps.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    const reader = await openSqlite(file, sqlite3.OPEN_READONLY);
    const read = queryableOf(reader);
    await read.exec('PRAGMA busy_timeout = 5000;');
    return new SqliteDatabase(writer, reader, writeOps, read);
  }

  /**
   * Runs `work` atomically and resolves once it is durable; transactions run strictly one after
   * another. Group commit across offices: the transactions that arrive while the writer is busy are
   * written next in ONE SQLite transaction, each inside its own savepoint — a failing one is undone
   * alone — so many offices share one disk sync instead of waiting for one each. The order is fair
   * without a scheduler: an office's engine hands over one batch at a time and waits for it, so a
   * group holds at most one batch of each office's queue — a busy office cannot put a second one
   * ahead of another office's. Lock keys need no handling: nothing here ever overlaps.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const asked = performance.now();
    return new Promise<T>((resolve, reject) => {
      const durable = (value: unknown) => {
        for (const timer of this.commitTimers) timer(performance.now() - asked);
        resolve(value as T);
      };
      this.waiting.push({ work, resolve: durable, reject });
      if (!this.writing) this.tail = this.writeWaiting();
    });
  }

  /** One node by construction (the server locks the data folder), so nobody else could be running it. */
  async exclusively(_key: string, work: () => Promise<void>): Promise<boolean> {
    await work();
    return true;
  }

  /** One node by construction: nobody else to wait for. */
  whenFree<T>(_key: string, work: () => Promise<T>): Promise<T> {
    return work();
  }

  onCommitted(timer: (ms: number) => void): () => void {
    this.commitTimers.add(timer);
    return () => this.commitTimers.delete(timer);
  }

  /**
   * A transaction that may rebuild tables other tables refer to (a migration): SQLite's way is to
   * turn foreign keys off meanwhile — with them on, dropping the old table would delete or refuse
   * its children. Nothing is left unchecked: every reference is verified before the commit.
   */
  async schemaTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    // Alone: with foreign keys off, nothing else may write.
    while (this.writing) await this.tail;
    this.writing = true;
    const run = (async () => {
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
    })();
    this.tail = run.catch(() => undefined);
    try {
      return await run;
    } finally {
      this.writing = false;
      if (this.waiting.length > 0) this.tail = this.writeWaiting();
    }
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, MAX_GROUP);
        // writeGroup answers every transaction itself; this only keeps a surprise from leaving one unanswered.
        await this.writeGroup(group).catch((error: unknown) => group.forEach((w) => w.reject(error)));
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeGroup(group: Waiting[]): Promise<void> {
    if (group.length === 1) {
      // Alone, it needs no savepoint: its failure undoes the transaction.
      const [only] = group as [Waiting];
      await this.inTransaction(only.work).then(only.resolve, only.reject);
      return;
    }
    const done: { waiting: Waiting; value: unknown }[] = [];
    try {
      await this.writeOps.exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const w of group) w.reject(error);
      return;
    }
    for (const [i, w] of group.entries()) {
      try {
        await this.writeOps.exec('SAVEPOINT work');
        const value = await w.work(this.writeOps);
        await this.writeOps.exec('RELEASE work');
        done.push({ waiting: w, value });
      } catch (error) {
        try {
          await this.writeOps.exec('ROLLBACK TO work');
          await this.writeOps.exec('RELEASE work');
          w.reject(error);
        } catch {
          // SQLite rolled the whole transaction back itself (disk full, I/O error): what was done
          // is lost, so those fail; the ones not yet run are tried in the next group.
          await this.writeOps.exec('ROLLBACK').catch(() => undefined);
          w.reject(error);
          for (const d of done) d.waiting.reject(error);
          this.waiting.unshift(...group.slice(i + 1));
          return;
        }
      }
    }
    try {
      await this.writeOps.exec('COMMIT');
    } catch (error) {
      await this.writeOps.exec('ROLLBACK').catch(() => undefined);
      for (const d of done) d.waiting.reject(error);
      return;
    }
    for (const d of done) d.waiting.resolve(d.value);
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

  async close(): Promise<void> {
    while (this.writing) await this.tail;
    // The writer closes last: the last connection out checkpoints the WAL into the main file,
    // which a read-only connection cannot do.
    for (const db of [this.reader, this.writer]) {
      await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
    }
  }
}
