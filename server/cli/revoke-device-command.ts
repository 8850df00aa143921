// `talon revoke-device`: a lost or stolen kiosk, display or print agent stops working for good, as
// with Revoke in the staff app; a replacement is registered there with a new key.
import { Command } from 'commander';
import { printLine, processIo, type CliIo } from './cli-io';
import { deviceLabel, withDeviceOptions, withOfficeDevice, type DeviceOptions } from './office-device';

export function revokeDeviceCommand(io: CliIo = processIo): Command {
  const command = new Command('revoke-device')
    .summary('revoke a kiosk, display or print agent for good')
    .description("Revoke a device's key for good: the device is refused from then on, by a running server too (see docs/operations/cli.md)");
  return withDeviceOptions(command).action((options: DeviceOptions) =>
    withOfficeDevice(options, async (device, devices) => {
      if (device.revoked) return printLine(io, `The ${deviceLabel(device)} was already revoked.`);
      await devices.revoke(device.officeId, device.id);
      printLine(io, `Revoked the ${deviceLabel(device)}.`);
    }),
  );
}
