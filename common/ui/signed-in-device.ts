// A kiosk, hall display or print agent learns which office it serves from the server, not from its
// URL: GET /api/auth/me with the device key answers the device, its office included. Moving a
// device to another office is then a matter of its key alone.
import type { Caller, Device, Result } from '../protocol';
import { api } from './api';

/** The device this key belongs to; `unauthenticated` when the server knows the key as no device. */
export async function signedInDevice(deviceKey: string, serverUrl = ''): Promise<Result<Device>> {
  const me = await api<Caller>(`${serverUrl}/api/auth/me`, { deviceKey });
  if (!me.ok) return me;
  if (me.data.kind !== 'device') return { ok: false, error: { code: 'unauthenticated', message: 'The server does not know this device key' } };
  return { ok: true, data: me.data.device };
}
