// The door to every office's routes: `/api/offices/:officeId/…` finds the office's runtime (404
// `office-not-found` for an unknown or archived office), turns the caller into who they are in that
// office, and hands the request to the office's own Router with the path inside the office
// (`/tickets`, `/config` …). Someone with no access to the office — a person without a role there,
// another office's device — is refused with 403 `forbidden`; only a browser's session cookie, which
// the browser sends unasked, goes on as the public (a staff member may still book a visit in, or
// follow a ticket of, another office), and the office's staff routes then refuse it with that 403.
import type { RequestHandler } from 'express';
import { callerOf, credentialsOf } from '../auth/authenticate';
import { principalIn } from '../auth/office-access';
import { sendError } from '../http/respond';
import type { OfficeRegistry } from './office-registry';

export const OFFICE_ROUTES_MOUNT = '/api/offices/:officeId';

export function dispatchToOffice(registry: OfficeRegistry): RequestHandler {
  return (req, res, next) => {
    const officeId = String(req.params.officeId);
    const runtime = registry.get(officeId);
    if (!runtime) return sendError(res, { code: 'office-not-found', message: `No office ${officeId}` });
    req.log.setBindings({ office: officeId });
    const principal = principalIn(callerOf(res), officeId);
    if (!('error' in principal)) res.locals.principal = principal;
    else if (credentialsOf(req).authorization === undefined) {
      res.locals.principal = { kind: 'public' };
      res.locals.outsider = principal.error;
    } else return sendError(res, principal.error);
    runtime.router(req, res, next);
  };
}
