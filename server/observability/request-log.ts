// One log line per HTTP request, written when the answer is finished: method, route, status,
// duration, request id, who asked and in which office. The line is built from a short list of
// fields rather than from the request: no headers (Authorization, Cookie and Set-Cookie carry
// sessions and device keys), no body (bookings carry names and phones, sign-ins passwords), no
// query string (staff search bookings by phone; a kiosk's page URL carries its device key) and,
// where Express matched a route, its pattern instead of the path (a ticket's id opens the
// visitor's page). The office dispatcher adds the office to `req.log` once it knows it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { Caller, Principal } from '../auth/principal';
import { OFFICE_ROUTES_MOUNT } from '../offices/office-dispatch';
import { loggedActor } from './log-actor';
import type { Logger } from './logger';

const REQUEST_ID_HEADER = 'X-Request-Id';

/** What a proxy or client may hand us as its request id: uuids, nginx's hex ids; never free text in a log. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers[REQUEST_ID_HEADER.toLowerCase()];
  const id = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/**
 * The route Express matched, as written in the code (`/api/offices/:officeId/tickets/:id`); the
 * office routers are mounted by the dispatcher at the office's own path, which is put back into
 * its pattern here. Undefined when no route answered (static files, refusals before routing, 404s).
 */
function routePatternOf(req: Request): string | undefined {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  // Express leaves `req.route` set when a route passes the request on (the bare /kiosk redirect
  // does), and unsets `baseUrl` once the request has left every router unanswered: then the route
  // is not the one that answered.
  const baseUrl = req.baseUrl as string | undefined;
  if (typeof path !== 'string' || baseUrl === undefined) return undefined;
  return baseUrl.replace(/^\/api\/offices\/[^/]+/, OFFICE_ROUTES_MOUNT) + path;
}

/** Who asked: authenticate.ts leaves the caller in res.locals, the office dispatcher their role there. */
function actorOf(res: Response) {
  const locals = res.locals as { principal?: Principal; caller?: Caller };
  return loggedActor(locals.principal ?? locals.caller);
}

function requestFields(req: Request, res: Response, durationMs: number) {
  const route = routePatternOf(req);
  return {
    method: req.method,
    ...(route ? { route } : { path: req.originalUrl.split('?')[0] }),
    status: res.statusCode,
    durationMs,
    actor: actorOf(res),
  };
}

export function requestLog(logger: Logger): HttpLogger<Request, Response> {
  return pinoHttp<Request, Response>({
    logger,
    genReqId: requestIdOf,
    customAttributeKeys: { reqId: 'requestId' },
    // Neither the request nor the response object is bound: their serializers would write headers.
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (req, res, { responseTime }: { responseTime: number }) => requestFields(req, res, responseTime),
    // The error itself was logged where it happened (respond.ts, error-handler.ts); this line is the request's.
    customErrorObject: (req, res, _error, { responseTime }: { responseTime: number }) => requestFields(req, res, responseTime),
  });
}
