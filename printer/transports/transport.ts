import type { PrinterStatus } from '../status';

/** A way to reach one printer. Implementations connect lazily and reconnect after a failure. */
export interface PrinterTransport {
  /** Resolves once the bytes are handed to the connection (not when the paper comes out). */
  write(bytes: Uint8Array): Promise<void>;
  /** Rejects when the printer cannot be reached or does not answer. */
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
}
