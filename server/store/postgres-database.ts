// The PostgreSQL engine of the store interface (database.ts), for several Talon nodes on one
// database. Unlike SQLite's single writer, transactions run concurrently on a pool; what must not
// overlap names a lock key, and each transaction takes that key's advisory lock first thing. The
// lock is the whole of the serialisation, so transactions stay READ COMMITTED: every statement after
// the lock sees what the previous holder committed (REPEATABLE READ would keep the snapshot taken by
// the lock statement itself, from before that commit).
import pg from 'pg';
import type { Database, Params, Queryable, TransactionOptions } from './database';
import { numberedPlaceholders } from './postgres-placeholders';

export interface PostgresOptions {
  /** Connections in the pool (TALON_DATABASE_POOL); the dedicated lock connections come on top. */
  poolSize?: number;
  /** Shown in pg_stat_activity, to tell the nodes' connections apart. */
  nodeId?: string;
}

const INT8_OID = 20;
/** Idle time before a connection's first keep-alive probe. */
const KEEP_ALIVE_AFTER_MS = 10_000;

/** int8 (BIGINT, count(*)) as a JS number, as SQLite gives it: node-postgres's default is a string, on which `seq + 1` concatenates. */
function int8AsNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${text} does not fit a JavaScript number exactly`);
  return n;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? int8AsNumber : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

function queryableOn(target: pg.Pool | pg.PoolClient): Queryable {
  const query = <T extends pg.QueryResultRow>(sql: string, params: Params = []) => target.query<T>(numberedPlaceholders(sql), params);
  return {
    engine: 'postgres',
    all: async <T>(sql: string, params?: Params) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: Params) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: Params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    // No parameters: the simple protocol, which runs several statements (a migration) in one go.
    exec: async (sql: string) => {
      await target.query(sql);
    },
  };
}

/**
 * The server's side of a vanished node (power cut, partition): its sessions, one perhaps holding an
 * office's transaction lock "idle in transaction", would otherwise live until the server's OS
 * keep-alive (two hours by default), the office frozen on every node meanwhile. The server now probes
 * after 10 s of silence, every 5 s, 3 times; and a session idle inside a transaction for a minute is
 * ended (a transaction callback that awaited anything else for a minute would now fail). The
 * session-lock clients (holdingLock) get them too: they wait outside any transaction, so only the
 * keep-alives concern them.
 */
export const SESSION_SETTINGS = ['tcp_keepalives_idle=10', 'tcp_keepalives_interval=5', 'tcp_keepalives_count=3', 'idle_in_transaction_session_timeout=60000'];

/**
 * The connection string and the `options` start-up parameter that give every session `settings`
 * from its first moment (a SET after connecting would race the pool's first query). node-postgres
 * lets a URL's own `?options=` replace the config's, so those are taken out of the URL and kept first.
 */
export function withSessionSettings(url: string, settings: readonly string[]): { connectionString: string; options: string } {
  const ours = settings.map((s) => `-c ${s}`);
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  const own = parsed?.searchParams.get('options');
  if (!parsed || own === null || own === undefined) return { connectionString: url, options: ours.join(' ') };
  parsed.searchParams.delete('options');
  return { connectionString: parsed.toString(), options: [own, ...ours].join(' ') };
}

/** The 64-bit advisory lock key for a name; the kind keeps transaction, exclusive and start-up locks of one name apart. */
const LOCK_KEY = 'hashtextextended($1, 0)';
const lockName = (kind: 'tx' | 'exclusively' | 'when-free', key: string) => `talon:${kind}:${key}`;

export class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  /** Committed data: each query on whichever pooled connection is free, outside any transaction. */
  readonly read: Queryable;
  private readonly commitTimers = new Set<(ms: number) => void>();

  private constructor(
    /** For what shares the database's connections: the Socket.IO adapter, the cluster bus. */
    readonly pool: pg.Pool,
    private readonly clientConfig: pg.ClientConfig,
  ) {
    this.read = queryableOn(pool);
  }

  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
    // Keep-alive: a connection whose server vanished (a failover, a cut cable) is found dead and replaced.
    // With an initial delay of 0, Node leaves Linux's default idle time of two hours (`ss -o` shows
    // keepalive,119min); after KEEP_ALIVE_AFTER_MS of silence libuv probes every second, ten times.
    const clientConfig: pg.ClientConfig = {
      ...withSessionSettings(url, SESSION_SETTINGS),
      types,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEP_ALIVE_AFTER_MS,
      application_name: `talon ${options.nodeId ?? process.pid}`,
    };
    const pool = new pg.Pool({ ...clientConfig, max: options.poolSize ?? 10 });
    // An idle connection that breaks (the server restarted) is dropped by the pool and replaced on
    // the next query; without a listener, its error would end the process.
    pool.on('error', () => undefined);
    const db = new PostgresDatabase(pool, clientConfig);
    // Fail here, not at the first request, when the database cannot be reached.
    await db.read.get('SELECT 1');
    return db;
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const asked = performance.now();
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`, [lockName('tx', options.lock ?? 'org')]);
      const result = await work(queryableOn(client));
      await client.query('COMMIT');
      for (const timer of this.commitTimers) timer(performance.now() - asked);
      return result;
    } catch (error) {
      // A connection that cannot even roll back is not given to the next transaction.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** PostgreSQL changes a schema inside a transaction, foreign keys and all; migrations run one at a time across nodes. */
  schemaTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.transaction(work, { lock: 'schema' });
  }

  onCommitted(timer: (ms: number) => void): () => void {
    this.commitTimers.add(timer);
    return () => this.commitTimers.delete(timer);
  }

  exclusively(key: string, work: () => Promise<void>): Promise<boolean> {
    return this.holdingLock(async (lock) => {
      const { rows } = await lock.query<{ held: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS held`, [lockName('exclusively', key)]);
      if (!rows[0]!.held) return false;
      await work();
      return true;
    });
  }

  whenFree<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.holdingLock(async (lock) => {
      await lock.query(`SELECT pg_advisory_lock(${LOCK_KEY})`, [lockName('when-free', key)]);
      return work();
    });
  }

  /**
   * Runs `use` with a connection of its own that holds session advisory locks for as long as it
   * runs. Outside the pool, so `work` can use the whole pool meanwhile; ending the connection
   * releases whatever it holds, also when the node dies.
   */
  private async holdingLock<T>(use: (lock: pg.Client) => Promise<T>): Promise<T> {
    const lock = new pg.Client(this.clientConfig);
    lock.on('error', () => undefined);
    await lock.connect();
    try {
      return await use(lock);
    } finally {
      await lock.end().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
