// The organisation's offices: the list anyone may read (a signed-in person gets the offices they
// may work in, each with their role there), and creating, changing and archiving offices. A new
// office may start as a copy of another (settings, services, counters — no tickets, devices or
// people). Changes to an office's document go through its runtime, so its engine and screens adopt
// them at once, as through PUT /api/offices/<id>/config/office.
import { Router } from 'express';
import { z } from 'zod';
import { createOfficeSchema, officeIdSchema, officeSchema, type Office, type OfficeSummary, type StaffOffice } from '../../common/protocol';
import { callerOf } from '../auth/authenticate';
import { roleIn } from '../auth/office-access';
import { requireOrganisationRole } from '../auth/permissions';
import type { OfficeRegistry } from '../offices/office-registry';
import { summaryOf } from '../offices/office-registry';
import { fail, handle, parse } from './respond';

/** Top-level fields of the office document; whatever is left out stays as it is. */
const officePatchSchema = z.record(z.string(), z.unknown()).refine((patch) => Object.keys(patch).length > 0, 'change at least one field');

export function officeRoutes(registry: OfficeRegistry): Router {
  const router = Router();
  const runtimeOf = (officeId: unknown) => registry.get(parse(officeIdSchema, officeId)) ?? fail('office-not-found', `No office ${String(officeId)}`);

  router.get(
    '/api/offices',
    handle((_req, res): OfficeSummary[] | StaffOffice[] => {
      const caller = callerOf(res);
      const summaries = registry.running().map(summaryOf);
      if (caller.kind !== 'user') return summaries;
      return summaries.flatMap((summary) => {
        const role = roleIn(caller.user, summary.id);
        return role ? [{ ...summary, role }] : [];
      });
    }),
  );

  router.post(
    '/api/offices',
    requireOrganisationRole('regional-admin'),
    handle(async (req): Promise<OfficeSummary> => summaryOf(await registry.create(parse(createOfficeSchema, req.body)))),
  );

  router.patch(
    '/api/offices/:id',
    handle(async (req, res): Promise<Office> => {
      const caller = callerOf(res);
      if (caller.kind === 'public') fail('unauthenticated', 'Sign in first');
      const runtime = runtimeOf(req.params.id);
      if (caller.kind !== 'user' || !caller.user.active || roleIn(caller.user, runtime.officeId) !== 'admin') {
        fail('forbidden', `Only a regional admin or an admin of office ${runtime.officeId} may change it`);
      }
      const patch = parse(officePatchSchema, req.body);
      const office = parse(officeSchema, { ...runtime.config.current.office, ...patch }) as Office;
      return runtime.config.saveOffice(office);
    }),
  );

  router.post(
    '/api/offices/:id/archive',
    requireOrganisationRole('regional-admin'),
    handle((req): Promise<OfficeSummary> => {
      const runtime = runtimeOf(req.params.id);
      if (registry.running().length === 1) fail('conflict', 'This is the last office; create another before archiving it');
      return registry.archive(runtime.officeId);
    }),
  );

  return router;
}
