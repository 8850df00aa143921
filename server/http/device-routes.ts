// Registering kiosks, displays and print agents, for admins only. A device's key is shown once, in
// the answer to POST /api/devices.
import { Router } from 'express';
import { createDeviceSchema, updateDeviceSchema, type CreatedDevice } from '../../common/protocol/admin-schemas';
import { id, type Device } from '../../common/protocol';
import { requireRole } from '../auth/permissions';
import type { AccessRevocations } from '../auth/access-revocations';
import type { AuthStores } from '../auth/principal';
import type { DevicePresenceBoard } from '../realtime/presence';
import { fail, handle, parse } from './respond';

export function deviceRoutes(stores: AuthStores, revocations: AccessRevocations, presence: DevicePresenceBoard): Router {
  const router = Router();

  // Staff of every role see which devices are up: a silent display or an offline kiosk is everyone's problem.
  router.get('/api/device-presence', requireRole('admin', 'manager', 'operator', 'consultant'), handle(() => presence.list()));
  router.use('/api/devices', requireRole('admin'));

  router.get(
    '/api/devices',
    handle(() => stores.devices.list()),
  );

  router.post(
    '/api/devices',
    handle(async (req): Promise<CreatedDevice> => {
      const { kind, name, zone } = parse(createDeviceSchema, req.body);
      return stores.devices.create(kind, name, zone);
    }),
  );

  router.post(
    '/api/devices/:id/revoke',
    handle(async (req): Promise<Device> => {
      const device = (await stores.devices.revoke(parse(id, req.params.id))) ?? fail('not-found', 'No such device');
      revocations.revoke({ kind: 'device', id: device.id });
      return device;
    }),
  );

  router.patch(
    '/api/devices/:id',
    handle(async (req): Promise<Device> => {
      const patch = parse(updateDeviceSchema, req.body);
      const device = (await stores.devices.update(parse(id, req.params.id), patch)) ?? fail('not-found', 'No such device');
      revocations.changed({ kind: 'device', id: device.id });
      return device;
    }),
  );

  return router;
}
