// What the devices tab shows of each device: its registration joined with its live presence, the
// warning a silent or offline display deserves, and how to start a freshly created device.
import type { Translator } from '../../../common/i18n';
import type { Counter, Device, DeviceKind } from '../../../common/protocol';
import type { DevicePresence, ScreenPresence } from '../../../common/protocol/presence';

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

/** Why a display shows nothing anywhere: it has no screen connected. Each screen's sound is screenWarning's. */
export function displayWarning(row: DeviceRow): 'admin.devices.warnOffline' | null {
  if (row.kind !== 'display' || row.device?.revoked) return null;
  return row.presence?.online ? null : 'admin.devices.warnOffline';
}

/** Why one screen of a display (one key may run a hall screen and a booth sign) cannot announce calls, if it cannot. */
export function screenWarning(screen: ScreenPresence): 'admin.devices.warnBlocked' | 'admin.devices.warnOff' | null {
  if (screen.report.audio === 'blocked') return 'admin.devices.warnBlocked';
  // A booth sign is silent by default: only a hall screen with its sound off is worth a warning.
  if (screen.report.audio === 'off' && screen.report.screen?.kind !== 'booth-sign') return 'admin.devices.warnOff';
  return null;
}

/** Which screen it is, in words: the hall (of a zone) or the sign above a counter (by its number). */
export function screenName(screen: ScreenPresence, counters: readonly Counter[], t: Translator): string {
  const shows = screen.report.screen;
  if (!shows) return t('admin.devices.screens.unknown');
  if (shows.kind === 'booth-sign') {
    const counterId = shows.counterIds?.[0] ?? '';
    return t('admin.devices.screens.boothSign', { number: counters.find((c) => c.id === counterId)?.number ?? counterId });
  }
  return shows.zone ? t('admin.devices.screens.hallZone', { zone: shows.zone }) : t('admin.devices.screens.hall');
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
