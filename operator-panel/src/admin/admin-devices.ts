// What the devices tab shows of each device: its registration joined with its live presence, the
// warning a silent or offline display deserves, and how to start a freshly created device.
import type { Device, DeviceKind } from '../../../common/protocol';
import type { DevicePresence } from '../../../common/protocol/presence';

export interface DeviceRow {
  id: string;
  kind: DeviceKind;
  name: string;
  zone: string | null;
  /** Null for a manager, who sees presence only. */
  device: Device | null;
  presence: DevicePresence | null;
}

/** Registered devices (admins) joined with presence; a manager gets the presence list alone. */
export function deviceRows(devices: readonly Device[] | null, presence: readonly DevicePresence[]): DeviceRow[] {
  const seen = new Map(presence.map((p) => [p.deviceId, p]));
  if (!devices) return presence.map((p) => ({ id: p.deviceId, kind: p.kind, name: p.name, zone: p.zone, device: null, presence: p }));
  return devices.map((d) => ({ id: d.id, kind: d.kind, name: d.name, zone: d.zone, device: d, presence: seen.get(d.id) ?? null }));
}

/** Why a hall display cannot announce calls now, if it cannot. */
export function displayWarning(row: DeviceRow): 'admin.devices.warnOffline' | 'admin.devices.warnBlocked' | 'admin.devices.warnOff' | null {
  if (row.kind !== 'display' || row.device?.revoked) return null;
  if (!row.presence?.online) return 'admin.devices.warnOffline';
  if (row.presence.report.audio === 'blocked') return 'admin.devices.warnBlocked';
  if (row.presence.report.audio === 'off') return 'admin.devices.warnOff';
  return null;
}

/** The address a kiosk or display opens once with its key; a print agent is started from a shell instead. */
export function deviceStartLine(kind: DeviceKind, key: string, origin: string): string {
  const encoded = encodeURIComponent(key);
  switch (kind) {
    case 'kiosk':
      return `${origin}/kiosk/?key=${encoded}`;
    case 'display':
      return `${origin}/display/?key=${encoded}`;
    case 'print-agent':
      // The printer's address depends on the site; the admin replaces the example.
      return `npm run print-agent -- --server ${origin} --key ${key} --printer tcp://192.168.1.50:9100`;
  }
}
