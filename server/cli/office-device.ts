// How revoke-device and rotate-device-key name a device: its office, and its id or its name as the
// staff app's device list shows them.
import type { Command } from 'commander';
import type { Device } from '../../common/protocol';
import type { Database } from '../store/database';
import { createDevicesStore, type DevicesStore } from '../store/devices-store';
import { getOffice } from '../store/offices-store';
import { CliFailure } from './cli-failure';
import { withDataDirOption, withMigratedDatabase, type DataDirOptions } from './data-folder';

export interface DeviceOptions extends DataDirOptions {
  office: string;
  device: string;
}

/** --office and --device, and --data-dir. */
export function withDeviceOptions(command: Command): Command {
  command
    .requiredOption('--office <officeId>', 'the office the device belongs to')
    .requiredOption('--device <idOrName>', "the device's id, or its name as the staff app's device list shows it");
  return withDataDirOption(command);
}

/** Runs `work` on the device the options name, in the data folder's migrated database. */
export function withOfficeDevice(options: DeviceOptions, work: (device: Device, devices: DevicesStore) => Promise<void>): Promise<void> {
  return withMigratedDatabase(options.dataDir, async (db) => {
    const devices = createDevicesStore(db);
    await work(await findOfficeDevice(db, devices, options), devices);
  });
}

/** The office's device with that id or else that name; refuses an unknown office, no match, or a name several devices share. */
async function findOfficeDevice(db: Database, devices: DevicesStore, { office, device }: DeviceOptions): Promise<Device> {
  if (!(await getOffice(db.read, office))) throw new CliFailure(`no office "${office}"`);
  const all = await devices.list(office);
  const byId = all.find((d) => d.id === device);
  if (byId) return byId;
  const named = all.filter((d) => d.name === device);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) throw new CliFailure(`${named.length} devices in office "${office}" are named "${device}"; name one by its id: ${named.map((d) => d.id).join(', ')}`);
  throw new CliFailure(`no device "${device}" in office "${office}"`);
}

/** One line naming a device for the administrator. */
export function deviceLabel(device: Device): string {
  return `${device.kind} "${device.name}" (${device.id}) of office "${device.officeId}"`;
}
