// The load balancers of docs/deploy.md, run for real in front of two test nodes: deploy/haproxy's
// talon.cfg and deploy/nginx's talon.conf with the two-node upstream, each as shipped but for what a
// test machine cannot have — certificates, ports 80/443, the nodes' addresses, the haproxy user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './talon-process';
import { ROOT } from './source-imports';

export type BalancerKind = 'haproxy' | 'nginx';

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

const sample = (...path: string[]) => readFileSync(join(ROOT, 'deploy', ...path), 'utf8');

/** Whether this machine has the balancer's program. */
export function balancerInstalled(kind: BalancerKind): boolean {
  return spawnSync(kind, ['-v']).status === 0;
}

/** Plain HTTP on `port`, the nodes on loopback: HAProxy's staff site otherwise as shipped. */
function haproxyConfig(dir: string, port: number, nodes: readonly number[]): string {
  return sample('haproxy', 'talon.cfg')
    .replace(/^\s+bind :443 .*\n/m, '')
    .replace(/^\s+http-request redirect scheme https .*\n/m, '')
    .replace(/bind :80\n/, `bind 127.0.0.1:${port}\n`)
    .replace(/^\s+(user haproxy|group haproxy|daemon|log \/dev\/log local0)\n/gm, '')
    .replace(/stats socket \S+/, `stats socket ${join(dir, 'admin.sock')}`)
    .replace('10.0.0.11:3000', `127.0.0.1:${nodes[0]}`)
    .replace('10.0.0.12:3000', `127.0.0.1:${nodes[1]}`);
}

/** talon.conf's `upstream talon { … }` block. */
export const NGINX_UPSTREAM_BLOCK = /^upstream talon \{\n[\s\S]*?\n\}\n/m;

/** talon.conf for two nodes, as docs/deploy.md says to make it: its upstream block replaced by talon-two-nodes.conf's. */
export function nginxTwoNodes(): string {
  return sample('nginx', 'talon.conf').replace(NGINX_UPSTREAM_BLOCK, sample('nginx', 'talon-two-nodes.conf').replace(/^#.*\n/gm, ''));
}

/** nginxTwoNodes() with plain HTTP on `port` and the nodes on loopback. */
function nginxConfig(port: number, redirectPort: number, nodes: readonly number[]): string {
  return nginxTwoNodes()
    .replace('10.0.0.11:3000', `127.0.0.1:${nodes[0]}`)
    .replace('10.0.0.12:3000', `127.0.0.1:${nodes[1]}`)
    .replace(/^\s+ssl_certificate(_key)? .*\n/gm, '')
    .replace(/^\s+listen \[::\]:(80|443)( ssl)?;\n/gm, '')
    .replace(/listen 80;/, `listen 127.0.0.1:${redirectPort};`)
    .replace(/listen 443 ssl;/g, `listen 127.0.0.1:${port};`);
}

/**
 * Below the test's own timeout: a balancer that never answers must throw here, so startBalancer
 * stops it. Once the test timed out, nobody holds the child and it would outlive the run.
 */
const ANSWER_WITHIN_MS = 30_000;

async function untilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + ANSWER_WITHIN_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the balancer ended: ${output()}`);
    if (Date.now() > deadline) throw new Error(`the balancer did not answer 200 at ${url}/api/health within ${ANSWER_WITHIN_MS} ms: ${output()}`);
    const answered = await fetch(`${url}/api/health`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts the balancer in front of the nodes listening on `nodes` (ports), in the foreground of a child process. */
export async function startBalancer(kind: BalancerKind, nodes: readonly number[]): Promise<Balancer> {
  const dir = mkdtempSync(join(tmpdir(), `talon-${kind}-`));
  const port = await freePort();
  let child: ChildProcess;
  if (kind === 'haproxy') {
    writeFileSync(join(dir, 'haproxy.cfg'), haproxyConfig(dir, port, nodes));
    child = spawn('haproxy', ['-db', '-f', join(dir, 'haproxy.cfg')], { stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    mkdirSync(join(dir, 'snippets'));
    mkdirSync(join(dir, 'logs'));
    cpSync(join(ROOT, 'deploy', 'nginx', 'talon-proxy.conf'), join(dir, 'snippets', 'talon-proxy.conf'));
    writeFileSync(join(dir, 'talon.conf'), nginxConfig(port, await freePort(), nodes));
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\ndaemon off;\nevents {}\nhttp {\n  access_log off;\n  include ${dir}/talon.conf;\n}\n`,
    );
    child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  }
  // Ends with the test process. A worker ended by SIGTERM exits through talon-process.ts's handler
  // (the nodes behind the balancer are its servers), and so through this 'exit' listener too.
  // SIGTERM, not SIGKILL: nginx's master then takes its workers with it.
  const killWithUs = () => child.kill('SIGTERM');
  process.once('exit', killWithUs);
  child.once('exit', () => process.off('exit', killWithUs));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await untilAnswering(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
