// Retention, for the office's admins (a regional admin is one in every office): the settings, what
// the next purge would remove (a dry run) with the last purge's report, and a purge at once.
import { Router } from 'express';
import { retentionSettingsSchema } from '../../common/protocol/retention';
import { requireRole } from '../auth/permissions';
import type { Retention } from '../retention/retention';
import { handle, parse } from './respond';

export function retentionRoutes(retention: Retention): Router {
  const router = Router();
  router.use('/retention', requireRole('admin'));

  router.get('/retention', handle(() => retention.overview()));
  router.get('/retention/settings', handle(() => retention.settings()));
  router.put('/retention/settings', handle((req) => retention.saveSettings(parse(retentionSettingsSchema, req.body))));
  router.post('/retention/purge', handle(() => retention.purge()));

  return router;
}
