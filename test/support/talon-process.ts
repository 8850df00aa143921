// Talon as a separate process (`tsx server/main.ts`), for tests that kill it the hard way.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoCredentials } from '../../server/demo';
import { ADMIN_PASSWORD } from './talon-server';

const ROOT = join(import.meta.dirname, '..', '..');

export interface TalonProcess {
  url: string;
  child: ChildProcess;
  demo: DemoCredentials;
  /** SIGKILL: no shutdown code runs, as in a power cut or `kill -9`. */
  kill9(): Promise<void>;
}

export function spawnTalon(dataDir: string, port: number): Promise<TalonProcess> {
  // `node --import tsx`, not the tsx wrapper: the wrapper runs Node as a child, which a SIGKILL to it would orphan.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), TALON_DATA_DIR: dataDir, TALON_WEB_APPS: 'none', TALON_ADMIN_PASSWORD: ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Staff logins:')) return;
      child.stdout?.off('data', onData);
      const demo = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as DemoCredentials;
      resolve({
        url: `http://127.0.0.1:${port}`,
        child,
        demo,
        kill9: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`Talon exited with ${code}: ${output}`)));
  });
}
