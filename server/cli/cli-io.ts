// Where a talon command reads and writes: the process's own streams, or a test's.
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
}

export const processIo: CliIo = { stdin: process.stdin, stdout: process.stdout };

export function printLine(io: CliIo, line: string): void {
  io.stdout.write(`${line}\n`);
}
