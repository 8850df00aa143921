// GET /metrics: the server's Prometheus metrics (observability/metrics.ts). They span every office, so
// who may read them is one setting, TALON_METRICS:
// - admin (default): a signed-in regional admin, by session cookie or `Authorization: Bearer <token>`;
// - localhost: a scraper on this machine, with no credentials;
// - off: 404.
import type { Request, RequestHandler } from 'express';
import { Router } from 'express';
import type { Registry } from 'prom-client';
import { authenticate } from '../auth/authenticate';
import type { ResolveCaller } from '../auth/caller-cache';
import { requireOrganisationRole } from '../auth/permissions';
import { sendError } from './respond';

const METRICS_ACCESS = ['admin', 'localhost', 'off'] as const;
export type MetricsAccess = (typeof METRICS_ACCESS)[number];

/** TALON_METRICS as given; unset means admin, anything unknown stops the server rather than guessing. */
export function metricsAccess(setting: string | undefined): MetricsAccess {
  const asked = setting?.trim() || 'admin';
  if ((METRICS_ACCESS as readonly string[]).includes(asked)) return asked as MetricsAccess;
  throw new Error(`TALON_METRICS must be one of ${METRICS_ACCESS.join(', ')}; it is "${asked}"`);
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/;
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Asked over a loopback connection and not passed on by a proxy. Not `req.ip`: with `trust proxy`
 * set to loopback (app.ts) it names whoever a local proxy says the client is, and a proxy on this
 * machine makes every visitor's connection a loopback one — so a request carrying forwarding headers
 * is someone else's, wherever it came from. (A proxy that adds none cannot be told apart: keep
 * /metrics off the public proxy, docs/operations/metrics.md.)
 */
function fromThisMachine(req: Request): boolean {
  return LOOPBACK.test(req.socket.remoteAddress ?? '') && FORWARDING_HEADERS.every((header) => req.headers[header] === undefined);
}

const onlyThisMachine: RequestHandler = (req, res, next) => {
  if (fromThisMachine(req)) return next();
  sendError(res, { code: 'forbidden', message: 'Metrics are served to this machine only (TALON_METRICS=localhost)' });
};

export interface MetricsRoutesDeps {
  access: MetricsAccess;
  registry: Registry;
  resolveCaller: ResolveCaller;
}

export function metricsRoutes({ access, registry, resolveCaller }: MetricsRoutesDeps): Router {
  const router = Router();
  if (access === 'off') {
    return router.get('/metrics', (_req, res) => sendError(res, { code: 'not-found', message: 'Metrics are off (TALON_METRICS=off)' }));
  }
  const guard = access === 'localhost' ? [onlyThisMachine] : [authenticate(resolveCaller), requireOrganisationRole('regional-admin')];
  return router.get('/metrics', ...guard, async (_req, res, next) => {
    try {
      const text = await registry.metrics();
      res.type(registry.contentType).send(text);
    } catch (error) {
      next(error);
    }
  });
}
