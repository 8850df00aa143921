// Whether the database answers, for readiness: a load balancer asks every few seconds and must stop
// sending work to a node that has lost its database, then send it again once the database is back,
// without anyone restarting the node. One `SELECT 1` answers many health requests: its result is
// kept for FRESH_MS, and a probe that hangs (PostgreSQL unreachable: connecting can take long) counts
// as a failure after TIMEOUT_MS.
import type { Database } from '../store/database';

const FRESH_MS = 2_000;
const TIMEOUT_MS = 1_000;

export class DatabaseProbe {
  private last: { at: number; reachable: boolean } | undefined;
  private running: Promise<boolean> | undefined;

  constructor(
    private readonly db: Database,
    private readonly clock: () => number = Date.now,
  ) {}

  reachable(): Promise<boolean> {
    const now = this.clock();
    if (this.last && now - this.last.at < FRESH_MS) return Promise.resolve(this.last.reachable);
    this.running ??= this.probe().then((reachable) => {
      this.last = { at: this.clock(), reachable };
      this.running = undefined;
      return reachable;
    });
    return this.running;
  }

  private probe(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), TIMEOUT_MS);
      timer.unref();
    });
    const answered = this.db.read.get('SELECT 1 AS one').then(
      () => true,
      () => false,
    );
    return Promise.race([answered, timedOut]).finally(() => clearTimeout(timer));
  }
}
