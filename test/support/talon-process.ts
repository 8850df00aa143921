// Talon as a separate process (`tsx server/main.ts`), for tests that kill it the hard way.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { DemoCredentials } from '../../server/demo';
import { ADMIN_PASSWORD } from './talon-server';
import { processDatabaseEnv } from './test-database';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Servers this test process started and that still run: killed when it exits, whatever its tests
 * did. A test that timed out never reaches its own kill, and its server would outlive the run.
 * Vitest ends its workers with SIGTERM, on which Node exits without 'exit' listeners: both are heard.
 */
const live = new Set<ChildProcess>();
const killLive = () => {
  for (const child of live) child.kill('SIGKILL');
};
const killLiveAndEnd = () => {
  killLive();
  process.exit(143);
};

export interface TalonProcess {
  url: string;
  child: ChildProcess;
  demo: DemoCredentials;
  /** What the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGKILL: no shutdown code runs, as in a power cut or `kill -9`. */
  kill9(): Promise<void>;
}

export interface LaunchedTalon {
  child: ChildProcess;
  /** Resolves once the server printed its demo logins (the end of a start); rejects if it exits first. */
  ready: Promise<TalonProcess>;
  /** SIGKILL at whatever point the start has reached. */
  kill9(): Promise<void>;
}

/**
 * Starts the server without waiting for it, so a test can kill it part way through its start. It
 * runs on the data folder's test database (made empty for a new folder) unless `env` names one
 * (TALON_DATABASE_URL; empty: SQLite); `env` goes over all of it.
 */
export async function launchTalon(dataDir: string, port: number, env: Record<string, string> = {}): Promise<LaunchedTalon> {
  const database = 'TALON_DATABASE_URL' in env ? {} : await processDatabaseEnv(dataDir);
  // `node --import tsx`, not the tsx wrapper: the wrapper runs Node as a child, which a SIGKILL to it would orphan.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), TALON_DATA_DIR: dataDir, TALON_WEB_APPS: 'none', TALON_ADMIN_PASSWORD: ADMIN_PASSWORD, ...database, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Hooked only while a server runs: a worker that runs many files must not pile up listeners.
  if (live.size === 0) process.on('exit', killLive).on('SIGTERM', killLiveAndEnd);
  live.add(child);
  let output = '';
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      live.delete(child);
      if (live.size === 0) process.off('exit', killLive).off('SIGTERM', killLiveAndEnd);
      done();
    }),
  );
  const kill9 = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  const ready = new Promise<TalonProcess>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Staff logins:')) return;
      child.stdout?.off('data', onData);
      child.stdout?.on('data', (more: Buffer) => (output += more.toString()));
      const demo = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as DemoCredentials;
      resolve({ url: `http://127.0.0.1:${port}`, child, demo, output: () => output, kill9 });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // 'close', not 'exit': its output is read to the end by then.
    child.once('close', (code, signal) => reject(new Error(`Talon exited with ${code ?? signal}: ${output}`)));
  });
  // A start killed on purpose never becomes ready; that is not an error of its own.
  ready.catch(() => undefined);
  return { child, ready, kill9 };
}

export async function spawnTalon(dataDir: string, port: number, env: Record<string, string> = {}): Promise<TalonProcess> {
  return (await launchTalon(dataDir, port, env)).ready;
}

/** A port nobody listens on now, for a server that must come back on the same one after a restart. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
