// GET /api/health: public, for monitoring and load balancers — the server answers and how many
// offices it runs. Each office's own queue answers at GET /api/offices/<id>/health (with its `seq`).
import { Router } from 'express';
import { handle } from './respond';

export function healthRoutes(clock: () => number, officesRunning: () => number): Router {
  return Router().get(
    '/api/health',
    handle(() => ({ status: 'ok', serverTime: clock(), offices: officesRunning() })),
  );
}
