// Registering one office's kiosks, displays and print agents, for its admins. A device's key is
// shown once, in the answer to POST /api/offices/<id>/devices; the device works only in that office.
import { Router } from 'express';
import { createDeviceSchema, updateDeviceSchema, type CreatedDevice } from '../../common/protocol/admin-schemas';
import { id, type Device, type OfficeId } from '../../common/protocol';
import { requireRole, STAFF_ROLES } from '../auth/permissions';
import type { AccessRevocations } from '../auth/access-revocations';
import type { AuthStores } from '../auth/principal';
import type { PresenceAcrossNodes } from '../realtime/presence-across-nodes';
import { fail, handle, parse } from './respond';

export function deviceRoutes(officeId: OfficeId, stores: AuthStores, revocations: AccessRevocations, presence: Pick<PresenceAcrossNodes, 'list'>): Router {
  const router = Router();

  // Staff of every role see which devices are up: a silent display or an offline kiosk is everyone's problem.
  router.get('/device-presence', requireRole(...STAFF_ROLES), handle(() => presence.list()));
  router.use('/devices', requireRole('admin'));

  router.get(
    '/devices',
    handle(() => stores.devices.list(officeId)),
  );

  router.post(
    '/devices',
    handle(async (req): Promise<CreatedDevice> => {
      const { kind, name, zone } = parse(createDeviceSchema, req.body);
      return stores.devices.create(officeId, kind, name, zone);
    }),
  );

  router.post(
    '/devices/:id/revoke',
    handle(async (req): Promise<Device> => {
      // Another office's device is as unknown here as one that never existed.
      const device = (await stores.devices.revoke(officeId, parse(id, req.params.id))) ?? fail('not-found', 'No such device');
      revocations.revoke({ kind: 'device', id: device.id });
      return device;
    }),
  );

  router.patch(
    '/devices/:id',
    handle(async (req): Promise<Device> => {
      const patch = parse(updateDeviceSchema, req.body);
      const device = (await stores.devices.update(officeId, parse(id, req.params.id), patch)) ?? fail('not-found', 'No such device');
      revocations.changed({ kind: 'device', id: device.id });
      return device;
    }),
  );

  return router;
}
