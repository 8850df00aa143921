// One office's configuration (admin; managers read): office, schedule, services, counters. Every
// change goes through OfficeConfig: validated, saved, adopted by the engine and announced.
import { Router } from 'express';
import { counterSchema, officeSchema, serviceSchema, type Counter, type Office, type Service } from '../../common/protocol';
import { requireRole } from '../auth/permissions';
import type { OfficeConfig } from '../offices/office-config';
import { handle, parse } from './respond';

export function configRoutes(config: OfficeConfig): Router {
  const router = Router();

  router.get(
    '/config',
    requireRole('admin', 'manager'),
    handle(() => {
      const { office, services, counters } = config.current;
      return { office, services: [...services.values()], counters: [...counters.values()] };
    }),
  );

  router.put(
    '/config/office',
    requireRole('admin'),
    handle((req) => config.saveOffice(parse(officeSchema, req.body) as Office)),
  );

  router.put(
    '/config/services/:id',
    requireRole('admin'),
    handle((req) => config.saveService(parse(serviceSchema, { ...(req.body as object), id: req.params.id }) as Service)),
  );

  router.put(
    '/config/counters/:id',
    requireRole('admin'),
    handle((req) => config.saveCounter(parse(counterSchema, { ...(req.body as object), id: req.params.id }) as Counter)),
  );

  return router;
}
