// Express side of authentication: every request gets `res.locals.principal`, and the session
// cookie is set and cleared in one place.
import type { Request, RequestHandler, Response } from 'express';
import { sendError, toApiError } from '../http/respond';
import { SESSION_LIFETIME_MS } from '../store/sessions-store';
import { SESSION_COOKIE, type Credentials, type Principal } from './principal';
import type { ResolvePrincipal } from './principal-cache';

export function credentialsOf(req: Request): Credentials {
  const { cookie, authorization } = req.headers;
  return { ...(cookie ? { cookieHeader: cookie } : {}), ...(authorization !== undefined ? { authorization } : {}) };
}

function cookieOptions(req: Request) {
  // Secure only over HTTPS: offices often run the server on plain HTTP inside their LAN, where a
  // Secure cookie would silently never come back.
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: req.secure } as const;
}

export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: SESSION_LIFETIME_MS });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

/**
 * Resolves the principal. Requests without credentials go on as public; a bad device key or
 * Authorization header is answered 401/403 here. A stale session *cookie* is different: the
 * browser sends it unasked, so it is cleared and the request goes on as public — otherwise a
 * browser holding one could not even reach the sign-in route. Protected routes then answer 401.
 */
export function authenticate(resolve: ResolvePrincipal): RequestHandler {
  return async (req, res, next) => {
    try {
      const credentials = credentialsOf(req);
      const result = await resolve(credentials);
      let principal: Principal;
      if (!('error' in result)) principal = result;
      else if (credentials.authorization === undefined) {
        clearSessionCookie(req, res);
        principal = { kind: 'public' };
      } else return sendError(res, result.error);
      res.locals.principal = principal;
      next();
    } catch (error) {
      console.error('[talon] authentication failed', error);
      sendError(res, toApiError(error));
    }
  };
}

/** The principal `authenticate` resolved; throws if it did not run (a wiring mistake, not a client's). */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('authenticate() must run before this route');
  return principal;
}
