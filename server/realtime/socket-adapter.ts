// How one node's Socket.IO reaches the clients connected to the other nodes: an office's events,
// committed on whichever node ran the command, must reach every screen of that office. PostgreSQL
// carries them itself (NOTIFY, larger packets through the socket_io_attachments table of the
// PostgreSQL migrations); TALON_REDIS_URL puts Redis pub/sub in its place. SQLite, one node by
// construction, keeps Socket.IO's in-process adapter.
// On PostgreSQL the adapter has a small pool of its own: Socket.IO waits for the NOTIFY of a
// broadcast before it tells even this node's own sockets, so on the commands' pool every event would
// queue behind busy batches (bench/nodes.ts measured a call reaching the caller's own screens in
// ~100 ms instead of ~10). Its writes (the attachments of large packets) are thrown away within
// seconds, so they need not wait for the disk.
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import pg from 'pg';
import { createClient } from 'redis';
import { logger } from '../observability/logger';
import type { Database } from '../store/database';
import { PostgresDatabase } from '../store/postgres-database';

const log = logger.child({ component: 'socket-adapter' });

/**
 * NOTIFY refuses payloads of 8000 bytes and more; the adapter's own default sits exactly on the
 * limit, so a margin for the JSON it wraps around ours.
 */
const NOTIFY_PAYLOAD_THRESHOLD = 7_500;

export interface SocketAdapter {
  /** For Socket.IO's `adapter` option. */
  readonly factory: ReturnType<typeof createPostgresAdapter> | ReturnType<typeof createRedisAdapter>;
  /** What the adapter holds outside Socket.IO (its own pool, Redis connections); after Socket.IO closed. */
  close(): Promise<void>;
}

/**
 * One connection LISTENs, ONE publishes. The hub hands an office's event batches to the other nodes
 * one after another without waiting (serverSideEmit, hub.ts): with two publishing connections the
 * NOTIFYs commit in any order (2,000 in a row: 200 arrived out of order, 127 resolved out of order;
 * with one, none), and every screen that sees seq N+1 before N resyncs. One connection takes queued
 * queries in order.
 */
const ADAPTER_POOL_SIZE = 2;

export async function socketAdapterFor(db: Database, redisUrl: string | undefined, nodeId: string): Promise<SocketAdapter | undefined> {
  if (redisUrl) return redisAdapter(redisUrl);
  if (!(db instanceof PostgresDatabase)) return undefined;
  const { options } = db.pool;
  const pool = new pg.Pool({
    ...options,
    // Kept out of the spread by pg-pool (not enumerable), so that it stays out of logs.
    password: options.password,
    max: ADAPTER_POOL_SIZE,
    application_name: `talon ${nodeId} socket.io`,
    // Its NOTIFYs and attachments are thrown away once heard: no need to wait for the disk (or a standby).
    options: `${options.options ?? ''} -c synchronous_commit=off`.trim(),
  });
  // An idle connection that breaks is replaced on the next query; without a listener its error would end the process.
  pool.on('error', () => undefined);
  return { factory: postgresAdapter(pool), close: () => pool.end() };
}

function postgresAdapter(pool: pg.Pool) {
  // The adapter keeps one connection of the pool for LISTEN, sets no error listener on it (a broken
  // connection would end the process) and, when it breaks, takes another without giving the broken
  // one back: each outage of the database would keep one more of the pool's connections for good.
  const connect = async () => {
    const client = await pool.connect();
    client.on('error', (error) => log.warn({ err: error }, 'the Socket.IO adapter lost its connection; reconnecting'));
    // Before the adapter's own listener, which forgets the connection; the adapter releases it only when closing.
    client.once('end', () => client.release(true));
    return client;
  };
  const guarded = { connect, query: pool.query.bind(pool) } as unknown as pg.Pool;
  return createPostgresAdapter(guarded, {
    payloadThreshold: NOTIFY_PAYLOAD_THRESHOLD,
    errorHandler: (error) => log.warn({ err: error }, 'the Socket.IO adapter failed'),
  });
}

async function redisAdapter(url: string): Promise<SocketAdapter> {
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  // The client reconnects by itself; without listeners its errors would end the process.
  for (const client of [publisher, subscriber]) client.on('error', (error: unknown) => log.warn({ err: error }, 'Redis connection failed'));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  return {
    factory: createRedisAdapter(publisher, subscriber),
    close: async () => {
      await Promise.all([publisher, subscriber].map((client) => client.quit().catch(() => undefined)));
    },
  };
}
