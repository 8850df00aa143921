// The cluster bus on PostgreSQL: NOTIFY on one channel, LISTENed to on a connection of the pool kept
// for it. When that connection breaks (the database restarted, a network cut) the bus takes a new one
// after a short, jittered wait, for as long as it takes, and then tells its listeners `resynced`:
// what was said meanwhile is lost, as NOTIFY keeps nothing for absent listeners.
import type pg from 'pg';
import { logger } from '../observability/logger';
import { ClusterListeners, type ClusterBus, type ClusterListener, type ClusterMessage, type ClusterNews } from './cluster-bus';

const CHANNEL = 'talon_cluster';
const RECONNECT_MS = 1_000;

const log = logger.child({ component: 'cluster-bus' });

export class PostgresBus implements ClusterBus {
  private readonly listeners: ClusterListeners;
  private client: pg.PoolClient | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    readonly nodeId: string,
  ) {
    this.listeners = new ClusterListeners(nodeId);
  }

  /** Resolves once listening, so nothing said after start-up is missed. */
  static async open(pool: pg.Pool, nodeId: string): Promise<PostgresBus> {
    const bus = new PostgresBus(pool, nodeId);
    await bus.connect();
    return bus;
  }

  tell(news: ClusterNews): void {
    const message: ClusterMessage = { from: this.nodeId, news };
    this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(message)]).catch((error: unknown) => {
      log.warn({ err: error, news: news.kind }, 'could not tell the other nodes');
    });
  }

  listen(listener: ClusterListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
      client.release();
    }
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (notification) => {
      if (notification.channel !== CHANNEL || !notification.payload) return;
      try {
        this.listeners.deliver(JSON.parse(notification.payload) as ClusterMessage);
      } catch (error) {
        log.warn({ err: error }, 'unreadable cluster message');
      }
    });
    // A checked-out connection has no listener of the pool's: without this its error would end the process.
    client.on('error', (error) => {
      log.warn({ err: error }, 'the cluster bus lost its connection; reconnecting');
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    if (this.closed) {
      client.release();
      return;
    }
    this.client = client;
  }

  private lost(client: pg.PoolClient): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    client.release(true);
    this.retry();
  }

  private retry(): void {
    this.reconnect = setTimeout(
      () => {
        if (this.closed) return;
        this.connect().then(
          () => this.listeners.resynced(),
          () => this.retry(),
        );
      },
      RECONNECT_MS * (0.5 + Math.random()),
    );
    this.reconnect.unref();
  }
}
