// Running `talon` commands in tests: as the administrator does (a child process, its exit code and
// its output), or in this process through a command's factory with the test's stdin and stdout.
// Either way a command finds the test database of the data folder its --data-dir names, as an
// administrator's would through TALON_DATABASE_URL.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { Command } from 'commander';
import type { CliIo } from '../../server/cli/cli-io';
import { databaseEnv } from './test-database';

const ROOT = join(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx server/cli/talon.ts …args`, with `stdin` written to it; resolves when it exits. */
export function runTalonCli(args: readonly string[], stdin = ''): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli', 'talon.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...databaseEnvOf(args) },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs one command in this process (`args` without the command's name); resolves with what it printed. */
export async function runCommand(factory: (io: CliIo) => Command, args: readonly string[], stdin = ''): Promise<string> {
  const stdout = new PassThrough();
  let printed = '';
  stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const env = databaseEnvOf(args);
  const before = Object.entries(env).map(([name]) => [name, process.env[name]] as const);
  Object.assign(process.env, env);
  try {
    await factory({ stdin: Readable.from([stdin]), stdout }).parseAsync([...args], { from: 'user' });
  } finally {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return printed;
}

/** The environment naming the database of the folder `--data-dir` gives, if any. */
function databaseEnvOf(args: readonly string[]): Record<string, string> {
  const at = args.indexOf('--data-dir');
  return at >= 0 && args[at + 1] ? databaseEnv(args[at + 1]!) : {};
}
