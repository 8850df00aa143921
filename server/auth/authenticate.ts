// Express side of authentication: every request gets `res.locals.caller` (who is calling, the same
// in every office), the office dispatcher adds `res.locals.principal` (who that is in the office),
// and the session cookie is set and cleared in one place.
import type { Request, RequestHandler, Response } from 'express';
import type { ApiError } from '../../common/protocol';
import { sendError, toApiError } from '../http/respond';
import { SESSION_LIFETIME_MS } from '../store/sessions-store';
import { SESSION_COOKIE, type Caller, type Credentials, type Principal } from './principal';
import type { ResolveCaller } from './caller-cache';

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
 * Resolves the caller. Requests without credentials go on as public; a bad device key or
 * Authorization header is answered 401/403 here. A stale session *cookie* is different: the
 * browser sends it unasked, so it is cleared and the request goes on as public — otherwise a
 * browser holding one could not even reach the sign-in route. Protected routes then answer 401.
 */
export function authenticate(resolve: ResolveCaller): RequestHandler {
  return async (req, res, next) => {
    try {
      const credentials = credentialsOf(req);
      const result = await resolve(credentials);
      let caller: Caller;
      if (!('error' in result)) caller = result;
      else if (credentials.authorization === undefined) {
        clearSessionCookie(req, res);
        caller = { kind: 'public' };
      } else return sendError(res, result.error);
      res.locals.caller = caller;
      next();
    } catch (error) {
      req.log.error({ err: error }, 'authentication failed');
      sendError(res, toApiError(error));
    }
  };
}

/** The caller `authenticate` resolved; throws if it did not run (a wiring mistake, not a client's). */
export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new Error('authenticate() must run before this route');
  return caller;
}

/**
 * Why a signed-in browser is only the public in this office (it holds no role here), if it is: a
 * route for staff answers this 403 instead of "sign in first".
 */
export function outsiderRefusal(res: Response): ApiError | undefined {
  return res.locals.outsider as ApiError | undefined;
}

/** Who is asking inside the office the request names; only office routes, behind the dispatcher, have one. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('principalOf() is for office routes, behind the office dispatcher');
  return principal;
}
