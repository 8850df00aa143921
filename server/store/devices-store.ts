// Kiosks, hall displays and print agents. Each proves itself with a key shown once at creation;
// the table keeps only the key's hash. Revoked devices stay, so their key is recognised and
// refused by name ('device-revoked') rather than treated as unknown. A device belongs to one office:
// its key is resolved across offices (the key alone says which office calls), while an office's
// routes list and change only their own devices.
import { randomUUID } from 'node:crypto';
import type { Device, DeviceKind, DevicePrinter, OfficeId } from '../../common/protocol';
import { hashSecret, newSecret } from '../auth/passwords';
import type { Database, Queryable } from './database';

interface DeviceRow {
  id: string;
  office_id: string;
  kind: DeviceKind;
  name: string;
  zone: string | null;
  revoked: number;
  settings: string;
  printer_model: string | null;
  printer_paper: string | null;
}

const DEVICE_COLUMNS = 'id, office_id, kind, name, zone, revoked, settings, printer_model, printer_paper';

function toDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    officeId: row.office_id,
    kind: row.kind,
    name: row.name,
    zone: row.zone,
    revoked: row.revoked === 1,
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    ...(row.printer_model !== null && row.printer_paper !== null ? { printer: { model: row.printer_model, paper: row.printer_paper } } : {}),
  };
}

export type DevicePatch = Partial<Pick<Device, 'name' | 'zone' | 'settings'>>;

export interface DevicesStore {
  /** The key is returned this once; only its hash is kept. `key`: one chosen beforehand (demo set-up), else a new one. */
  create(officeId: OfficeId, kind: DeviceKind, name: string, zone: string | null, key?: string): Promise<{ device: Device; key: string }>;
  /** The key's device in whichever office, revoked or not; null when the key is unknown. */
  resolveKey(key: string): Promise<Device | null>;
  /** Null when not found in this office. */
  get(officeId: OfficeId, id: string): Promise<Device | null>;
  list(officeId: OfficeId): Promise<Device[]>;
  /** Permanent: a revoked device is replaced by a new one with a new key. Null when not found in this office. */
  revoke(officeId: OfficeId, id: string): Promise<Device | null>;
  /**
   * A new key for a device that is not revoked (the old one stops working); returned this once.
   * Null when not found in this office or revoked.
   */
  rotateKey(officeId: OfficeId, id: string): Promise<{ device: Device; key: string } | null>;
  /** `settings` replaces the stored settings as a whole. Null when not found in this office. */
  update(officeId: OfficeId, id: string, patch: DevicePatch): Promise<Device | null>;
  /** What a print agent reports about its printer; written only when it differs from the stored one. */
  recordPrinter(id: string, printer: DevicePrinter): Promise<void>;
}

async function getDevice(q: Queryable, officeId: OfficeId, id: string): Promise<Device | null> {
  const row = await q.get<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ? AND office_id = ?`, [id, officeId]);
  return row ? toDevice(row) : null;
}

export function createDevicesStore(db: Database, now: () => number = Date.now): DevicesStore {
  return {
    async create(officeId, kind, name, zone, key = newSecret()) {
      const device: Device = { id: randomUUID(), officeId, kind, name, zone, revoked: false, settings: {} };
      await db.transaction((tx) =>
        tx.run('INSERT INTO devices (id, office_id, kind, name, zone, key_hash, revoked, settings, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)', [
          device.id,
          officeId,
          kind,
          name,
          zone,
          hashSecret(key),
          JSON.stringify(device.settings),
          now(),
        ]),
      );
      return { device, key };
    },

    async resolveKey(key) {
      const row = await db.read.get<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE key_hash = ?`, [hashSecret(key)]);
      return row ? toDevice(row) : null;
    },

    get: (officeId, id) => getDevice(db.read, officeId, id),

    async list(officeId) {
      const rows = await db.read.all<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE office_id = ? ORDER BY kind, name, id`, [officeId]);
      return rows.map(toDevice);
    },

    revoke(officeId, id) {
      return db.transaction(async (tx) => {
        await tx.run('UPDATE devices SET revoked = 1 WHERE id = ? AND office_id = ?', [id, officeId]);
        return getDevice(tx, officeId, id);
      });
    },

    async rotateKey(officeId, id) {
      const key = newSecret();
      const rotated = await db.transaction(async (tx) => {
        const { changes } = await tx.run('UPDATE devices SET key_hash = ? WHERE id = ? AND office_id = ? AND revoked = 0', [hashSecret(key), id, officeId]);
        return changes === 1 ? getDevice(tx, officeId, id) : null;
      });
      return rotated ? { device: rotated, key } : null;
    },

    update(officeId, id, patch) {
      return db.transaction(async (tx) => {
        const current = await getDevice(tx, officeId, id);
        if (!current) return null;
        const next: Device = { ...current, ...patch };
        await tx.run('UPDATE devices SET name = ?, zone = ?, settings = ? WHERE id = ?', [next.name, next.zone, JSON.stringify(next.settings), id]);
        return next;
      });
    },

    async recordPrinter(id, { model, paper }) {
      await db.transaction((tx) =>
        tx.run('UPDATE devices SET printer_model = ?, printer_paper = ? WHERE id = ? AND (printer_model IS DISTINCT FROM ? OR printer_paper IS DISTINCT FROM ?)', [
          model,
          paper,
          id,
          model,
          paper,
        ]),
      );
    },
  };
}
