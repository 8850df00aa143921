// GET /api/health: public, for monitoring and load balancers — this node answers, which database
// engine it runs on, which node it is and how many offices it runs. 503 while its database cannot
// be reached (the node takes no work it could not save), 200 again by itself once it can. Each
// office's own queue answers at GET /api/offices/<id>/health (with its `seq`).
import { Router } from 'express';
import type { ApiError } from '../../common/protocol';
import type { DatabaseEngine } from '../store/database';
import type { DatabaseProbe } from './database-probe';
import { handle } from './respond';

export interface HealthDeps {
  clock: () => number;
  officesRunning: () => number;
  database: DatabaseEngine;
  probe: DatabaseProbe;
  node: string;
}

export function healthRoutes({ clock, officesRunning, database, probe, node }: HealthDeps): Router {
  return Router().get(
    '/api/health',
    handle(async (_req, res) => {
      const answer = { serverTime: clock(), offices: officesRunning(), database, node };
      if (await probe.reachable()) return { status: 'ok', ...answer };
      const error: ApiError = { code: 'internal', message: 'The database cannot be reached', details: { status: 'unavailable', ...answer } };
      // Not `internal`'s 500: 503 is what load balancers and orchestrators read as "not ready".
      res.status(503).json({ ok: false, error });
      return undefined;
    }),
  );
}
