// The store interface every part of Talon codes against: one shape, two engines. SQLite
// (sqlite-database.ts) is one node by construction and runs every write one after another;
// PostgreSQL (postgres-database.ts) runs transactions concurrently on a pool, so what must not
// overlap says so with a lock key. open-database.ts picks the engine.

export type DatabaseEngine = 'sqlite' | 'postgres';
export type SqlValue = string | number | bigint | null | Buffer;
/** Positional `?` only, on both engines (PostgreSQL's `$n` is written by its engine). */
export type Params = SqlValue[];

export interface Queryable {
  /** For the few statements that differ between the engines. */
  readonly engine: DatabaseEngine;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  run(sql: string, params?: Params): Promise<{ changes: number }>;
  exec(sql: string): Promise<void>;
}

export interface TransactionOptions {
  /** Transactions with the same key never overlap, on any node (PostgreSQL: pg_advisory_xact_lock
   *  taken first thing in the transaction). SQLite runs all transactions one at a time anyway.
   *  Keys: `office:<id>` for an office's queue/appointments/print jobs/visit journal/analytics;
   *  omitted = `org` (users, devices, offices, sessions, seed) — today's serial semantics. */
  lock?: string;
}

export interface Database {
  readonly engine: DatabaseEngine;
  /** Committed data, outside transactions; safe to use at any time. */
  readonly read: Queryable;
  /** Runs `work` atomically and resolves once it is durable; a throw undoes all of it. */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** A transaction that may change the schema (a migration), alone among migrations on every node. */
  schemaTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Told how long each committed transaction took, asked for to durable, in ms (the metrics' commit latency); returns the unsubscribe. */
  onCommitted(timer: (ms: number) => void): () => void;
  /** Runs `work` only if no other node is running work with this key right now (PostgreSQL:
   *  pg_try_advisory_lock on a dedicated connection held for the duration); resolves false when
   *  skipped. SQLite (one node by construction, the data folder is locked): always runs. */
  exclusively(key: string, work: () => Promise<void>): Promise<boolean>;
  /** Runs `work` once every other node's `whenFree` with this key has finished, waiting as long as
   *  it takes (PostgreSQL: pg_advisory_lock on a dedicated connection). For start-up work several
   *  nodes must not do at once: migrating, seeding, provisioning. SQLite: just runs it. */
  whenFree<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
