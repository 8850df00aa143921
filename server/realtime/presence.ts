// Device presence: registered devices are online while a socket of theirs is connected. What a
// device reports about itself (a display's sound) is kept per connected screen, because one device
// key may run on several screens at once — a hall display and a booth sign — and each screen can
// be silent for its own reason. Staff get the whole list pushed on every change.
import { deviceReportSchema, type Device, type DevicePresence, type ScreenPresence } from '../../common/protocol';

export class DevicePresenceBoard {
  private devices = new Map<string, DevicePresence>();
  private listeners = new Set<(list: DevicePresence[]) => void>();

  constructor(private readonly clock: () => number) {}

  list(): DevicePresence[] {
    return inListOrder([...this.devices.values()]);
  }

  onChange(listener: (list: DevicePresence[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `screenId` names one connection of the device (its socket's id). */
  connected(device: Device, screenId: string): void {
    const known = this.devices.get(device.id);
    const screens = known?.screens ?? [];
    this.set({
      deviceId: device.id,
      kind: device.kind,
      name: device.name,
      zone: device.zone,
      online: true,
      since: screens.length === 0 || !known ? this.clock() : known.since,
      screens: [...screens, { screenId, since: this.clock(), report: {} }],
    });
  }

  disconnected(device: Device, screenId: string): void {
    const known = this.devices.get(device.id);
    if (!known) return;
    const screens = known.screens.filter((s) => s.screenId !== screenId);
    const online = screens.length > 0;
    this.set({ ...known, screens, online, since: online ? known.since : this.clock() });
  }

  /** Returns false when the report is malformed or comes from no known screen (it is then ignored). */
  report(device: Device, screenId: string, raw: unknown): boolean {
    const parsed = deviceReportSchema.safeParse(raw);
    const known = this.devices.get(device.id);
    const screen = known?.screens.find((s) => s.screenId === screenId);
    if (!parsed.success || !known || !screen) return false;
    const updated: ScreenPresence = { ...screen, report: { ...screen.report, ...parsed.data } };
    this.set({ ...known, screens: known.screens.map((s) => (s === screen ? updated : s)) });
    return true;
  }

  private set(presence: DevicePresence): void {
    this.devices.set(presence.deviceId, presence);
    const list = this.list();
    for (const listener of this.listeners) listener(list);
  }
}

function inListOrder(list: DevicePresence[]): DevicePresence[] {
  return list.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

/**
 * Several nodes' boards as one (presence-across-nodes.ts): a device's screens on every node; online
 * while any node has one, since the earliest of those; offline since the latest word otherwise.
 */
export function mergePresence(boards: readonly DevicePresence[][]): DevicePresence[] {
  const merged = new Map<string, DevicePresence>();
  for (const presence of boards.flat()) {
    const known = merged.get(presence.deviceId);
    if (!known) {
      merged.set(presence.deviceId, presence);
      continue;
    }
    const screens = [...known.screens, ...presence.screens];
    const online = known.online || presence.online;
    const since = online
      ? Math.min(...[known, presence].filter((p) => p.online).map((p) => p.since))
      : Math.max(known.since, presence.since);
    merged.set(presence.deviceId, { ...known, online, since, screens });
  }
  return inListOrder([...merged.values()]);
}
