// `talon rotate-device-key`: a new key for a device whose key may have leaked (a photo of the set-up
// screen, a copied config). The old key stops working; the new one is shown once, to enter on the device.
import { Command } from 'commander';
import { CliFailure } from './cli-failure';
import { printLine, processIo, type CliIo } from './cli-io';
import { deviceLabel, withDeviceOptions, withOfficeDevice, type DeviceOptions } from './office-device';

export function rotateDeviceKeyCommand(io: CliIo = processIo): Command {
  const command = new Command('rotate-device-key')
    .summary("replace a device's key, print the new one once")
    .description('Give a device a new key and print it once; the old key is refused from then on');
  return withDeviceOptions(command).action((options: DeviceOptions) =>
    withOfficeDevice(options, async (device, devices) => {
      const rotated = await devices.rotateKey(device.officeId, device.id);
      if (!rotated) throw new CliFailure(`the ${deviceLabel(device)} is revoked; register a new device in the staff app instead`);
      printLine(io, `New key for the ${deviceLabel(device)} (shown only now):`);
      printLine(io, rotated.key);
    }),
  );
}
