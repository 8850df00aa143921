// `talon revoke-device`: a lost or stolen kiosk, display or print agent stops working for good, as
// with Revoke in the staff app; a replacement is registered there with a new key.
import { Command } from 'commander';
import { createDevicesStore } from '../store/devices-store';
import { printLine, processIo, type CliIo } from './cli-io';
import { withDataDirOption, withMigratedDatabase, type DataDirOptions } from './data-folder';
import { deviceLabel, findOfficeDevice, withDeviceOptions, type DeviceOptions } from './office-device';

export function revokeDeviceCommand(io: CliIo = processIo): Command {
  const command = new Command('revoke-device')
    .summary('revoke a kiosk, display or print agent for good')
    .description("Revoke a device's key for good: the device is refused from then on, by a running server too (see docs/operations/cli.md)");
  withDeviceOptions(command);
  withDataDirOption(command);
  return command.action(async (options: DataDirOptions & DeviceOptions) => {
    await withMigratedDatabase(options.dataDir, async (db) => {
      const devices = createDevicesStore(db);
      const device = await findOfficeDevice(db, devices, options);
      if (device.revoked) return printLine(io, `The ${deviceLabel(device)} was already revoked.`);
      await devices.revoke(device.officeId, device.id);
      printLine(io, `Revoked the ${deviceLabel(device)}.`);
    });
  });
}
