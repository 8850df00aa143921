// Signing in and out, and who one is. The session travels as an httpOnly cookie for browsers and is
// also returned as a token for clients that send `Authorization: Bearer` instead. A person's
// `offices` are answered as the offices they may work in now, each with their role there (a
// regional admin: every office, as admin), so an app can list them without knowing the rules.
import { Router } from 'express';
import type { AccessRevocations } from '../auth/access-revocations';
import type { Caller, LoginResult } from '../../common/protocol/admin-schemas';
import { loginSchema, type OfficeId, type User } from '../../common/protocol';
import { callerOf, clearSessionCookie, credentialsOf, setSessionCookie } from '../auth/authenticate';
import { officesOf } from '../auth/office-access';
import { verifyDecoyPassword, verifyPassword } from '../auth/passwords';
import { sessionTokenOf, type AuthStores } from '../auth/principal';
import { createRateLimiter, RATE_LIMITS, type RateLimit } from '../auth/rate-limit';
import { fail, handle, parse } from './respond';

export interface AuthRoutesDeps {
  stores: AuthStores;
  revocations: AccessRevocations;
  /** The offices that are open for work (not archived). */
  officeIds: () => readonly OfficeId[];
  clock?: () => number;
  loginLimit?: RateLimit;
}

/** Expects JSON bodies parsed and `authenticate` run by the app, as app.ts does for all of /api. */
export function authRoutes({ stores, revocations, officeIds, clock = Date.now, loginLimit = RATE_LIMITS.login }: AuthRoutesDeps): Router {
  const router = Router();
  const withWorkplaces = (user: User): User => ({ ...user, offices: officesOf(user, officeIds()) });
  const loginLimiter = createRateLimiter(loginLimit, clock);

  router.post(
    '/api/auth/login',
    handle(async (req, res): Promise<LoginResult> => {
      const { login, password } = parse(loginSchema, req.body);
      const attempt = loginLimiter.take(`${req.ip ?? ''}|${login.toLowerCase()}`);
      if (!attempt.allowed) {
        const retryAfterSeconds = Math.ceil(attempt.retryAfterMs / 1000);
        res.setHeader('Retry-After', String(retryAfterSeconds));
        fail('rate-limited', 'Too many sign-in attempts; wait a minute and try again', { retryAfterSeconds });
      }
      const found = await stores.users.findByLogin(login);
      const passwordOk = found ? await verifyPassword(password, found.passwordHash) : await verifyDecoyPassword(password);
      // One answer for an unknown login, a wrong password and a deactivated account: none of them
      // should tell a stranger which logins exist.
      if (!found || !passwordOk || !found.user.active) fail('unauthenticated', 'Wrong login or password');
      const { token, expiresAt } = await stores.sessions.create(found.user.id);
      setSessionCookie(req, res, token);
      return { user: withWorkplaces(found.user), token, expiresAt };
    }),
  );

  router.post(
    '/api/auth/logout',
    handle(async (req, res) => {
      const token = sessionTokenOf(credentialsOf(req));
      if (token) {
        await stores.sessions.delete(token);
        revocations.revoke({ kind: 'session', token });
      }
      clearSessionCookie(req, res);
      return null;
    }),
  );

  router.get(
    '/api/auth/me',
    handle((_req, res): Caller => {
      const caller = callerOf(res);
      return caller.kind === 'user' ? { kind: 'user', user: withWorkplaces(caller.user) } : caller;
    }),
  );

  return router;
}
