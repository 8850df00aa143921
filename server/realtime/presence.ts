// Device presence: registered devices are online while a socket of theirs is connected; their
// reports (a display's sound) are kept with them. Staff get the whole list pushed on every change.
import { deviceReportSchema, type Device, type DevicePresence } from '../../common/protocol';

export class DevicePresenceBoard {
  private devices = new Map<string, DevicePresence>();
  private sockets = new Map<string, number>();
  private listeners = new Set<(list: DevicePresence[]) => void>();

  constructor(private readonly clock: () => number) {}

  list(): DevicePresence[] {
    return [...this.devices.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  }

  onChange(listener: (list: DevicePresence[]) => void): void {
    this.listeners.add(listener);
  }

  connected(device: Device): void {
    const count = (this.sockets.get(device.id) ?? 0) + 1;
    this.sockets.set(device.id, count);
    const known = this.devices.get(device.id);
    this.set({
      deviceId: device.id,
      kind: device.kind,
      name: device.name,
      zone: device.zone,
      online: true,
      since: count === 1 || !known ? this.clock() : known.since,
      report: known?.report ?? {},
    });
  }

  disconnected(device: Device): void {
    const count = Math.max(0, (this.sockets.get(device.id) ?? 1) - 1);
    this.sockets.set(device.id, count);
    const known = this.devices.get(device.id);
    if (known && count === 0) this.set({ ...known, online: false, since: this.clock() });
  }

  /** Returns false when the report is malformed (it is then ignored). */
  report(device: Device, raw: unknown): boolean {
    const parsed = deviceReportSchema.safeParse(raw);
    const known = this.devices.get(device.id);
    if (!parsed.success || !known) return false;
    this.set({ ...known, report: { ...known.report, ...parsed.data } });
    return true;
  }

  private set(presence: DevicePresence): void {
    this.devices.set(presence.deviceId, presence);
    const list = this.list();
    for (const listener of this.listeners) listener(list);
  }
}
