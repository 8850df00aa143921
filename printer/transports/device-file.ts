// A printer behind a character device (the Linux usblp driver's /dev/usb/lp0, or a parallel port).
// The kernel driver gives no way to read DLE EOT replies back reliably, so it is write-only.
import { open, type FileHandle } from 'node:fs/promises';
import { UNKNOWN_STATUS, type PrinterStatus } from '../status';
import { withTimeout } from '../with-timeout';
import type { PrinterTransport } from './transport';

export interface DeviceFileTransportOptions {
  path: string;
  timeoutMs: number;
}

class DeviceFileTransport implements PrinterTransport {
  private file: Promise<FileHandle> | null = null;

  constructor(private readonly options: DeviceFileTransportOptions) {}

  async write(bytes: Uint8Array): Promise<void> {
    // 'a' opens write-only without truncating, which also suits a plain file standing in for a device.
    this.file ??= open(this.options.path, 'a');
    const file = await this.file.catch((error: unknown) => {
      this.file = null;
      throw error;
    });
    await withTimeout(file.writeFile(bytes), this.options.timeoutMs, `Writing to ${this.options.path}`).catch((error: unknown) => {
      // A stuck write may still finish later: the next job gets a fresh handle, and closing this one
      // (which waits for the stuck write) must not hold up the failure report.
      void this.close().catch(() => undefined);
      throw error;
    });
  }

  async status(): Promise<PrinterStatus> {
    return UNKNOWN_STATUS;
  }

  async close(): Promise<void> {
    const file = this.file;
    this.file = null;
    await (await file?.catch(() => null))?.close();
  }
}

export function createDeviceFileTransport(options: DeviceFileTransportOptions): PrinterTransport {
  return new DeviceFileTransport(options);
}
