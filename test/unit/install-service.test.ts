// `talon install-service`: the units and environment files it writes, the commands it prints, and
// systemd's own opinion of the units where systemd-analyze is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installServiceCommand } from '../../server/cli/install-service-command';
import { CONFIG_DIR, installFiles, type InstallServiceRequest } from '../../server/ops/install-service-plan';
import { SERVER_SETTINGS } from '../../server/ops/install-service-settings';
import { ROOT, sourceFiles, withoutComments } from '../support/source-imports';

/** The options deploy/systemd's samples were written with (the command that regenerates them). */
const SAMPLE_ARGS = ['--install-dir', '/opt/talon', '--node', '/usr/bin/node', '--print-agent', 'hall', '--office', 'main', '--printer', 'tcp://192.168.1.50:9100'];
const SAMPLE: InstallServiceRequest = {
  user: 'talon',
  installDir: '/opt/talon',
  node: '/usr/bin/node',
  dataDir: '/var/lib/talon',
  configDir: CONFIG_DIR,
  port: 3000,
  printAgents: [{ name: 'hall', office: 'main', printer: 'tcp://192.168.1.50:9100' }],
  agentServer: 'http://127.0.0.1:3000',
};

const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'talon-install-service-'));
}

/** Runs the command in this process and returns what it printed. */
async function run(args: readonly string[]): Promise<string> {
  const printed: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void printed.push(parts.join(' ')));
  await installServiceCommand().exitOverride().configureOutput({ writeErr: () => undefined }).parseAsync([...args], { from: 'user' });
  return printed.join('\n');
}

afterEach(() => vi.restoreAllMocks());

describe('the environment file', () => {
  it('lists every TALON_* setting the server reads, and nothing it does not read', () => {
    const files = sourceFiles(['server']).filter((file) => file !== 'server/ops/install-service-settings.ts');
    const read = new Set(['PORT']);
    for (const file of files) {
      for (const [name] of withoutComments(readFileSync(join(ROOT, file), 'utf8')).matchAll(/\bTALON_[A-Z0-9_]+/g)) read.add(name);
    }
    const listed = SERVER_SETTINGS.map((setting) => setting.name);
    expect([...read].sort()).toEqual([...listed].sort());
  });

  it('sets the port, the data folder and no demo, and leaves every other setting commented out', () => {
    const env = installFiles(SAMPLE).find((file) => file.target === '/etc/talon/talon.env')!.content;
    const set = env.split('\n').filter((line) => /^[A-Z_]+=/.test(line));
    expect(set).toEqual(['PORT=3000', 'TALON_DATA_DIR=/var/lib/talon', 'TALON_DEMO=0']);
    for (const { name, meaning } of SERVER_SETTINGS) expect(env).toContain(`# ${name}: ${meaning}`);
  });
});

describe('the units', () => {
  it('deploy/systemd holds exactly what install-service writes for its sample options', () => {
    const regenerate = `npm run install-service -- --out deploy/systemd ${SAMPLE_ARGS.join(' ')} (after deleting the .env files there)`;
    const samples = readdirSync(join(ROOT, 'deploy', 'systemd')).sort();
    const planned = installFiles(SAMPLE);
    expect(samples, regenerate).toEqual(planned.map((file) => file.target.split('/').at(-1)).sort());
    for (const file of planned) {
      expect(readFileSync(join(ROOT, 'deploy', 'systemd', file.target.split('/').at(-1)!), 'utf8'), regenerate).toBe(file.content);
    }
  });

  it('start the server after the network, restart it on failure, as its own user, with only the data folder writable', () => {
    const unit = installFiles(SAMPLE).find((file) => file.target === '/etc/systemd/system/talon.service')!.content;
    for (const line of [
      'Wants=network-online.target',
      'After=network-online.target',
      'Restart=on-failure',
      'User=talon',
      'WorkingDirectory=/opt/talon',
      'EnvironmentFile=/etc/talon/talon.env',
      'ExecStart=/usr/bin/node --import tsx /opt/talon/server/main.ts',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'ProtectHome=yes',
      'PrivateTmp=yes',
      'ReadWritePaths=/var/lib/talon',
      'CapabilityBoundingSet=',
      'WantedBy=multi-user.target',
    ]) {
      expect(unit.split('\n'), line).toContain(line);
    }
  });

  it('give each print agent its key, printer and a jobs file that outlives restarts, and do not retry a usage error', () => {
    const unit = installFiles(SAMPLE).find((file) => file.target.endsWith('talon-print-agent-hall.service'))!.content;
    expect(unit).toContain('Description=Talon print agent hall (office main)');
    expect(unit).toContain('EnvironmentFile=/etc/talon/print-agent-hall.env');
    expect(unit).toContain('StateDirectory=talon-print-agent/hall');
    expect(unit).toContain(
      'ExecStart=/usr/bin/node --import tsx /opt/talon/printer/agent.ts --server ${AGENT_SERVER} --key ${AGENT_KEY} --printer ${AGENT_PRINTER} --model ${AGENT_MODEL} --paper ${AGENT_PAPER} --jobs-file %S/talon-print-agent/hall/printed-jobs.jsonl',
    );
    expect(unit).toContain('RestartPreventExitStatus=2');
  });

  it.skipIf(!hasSystemdAnalyze)('pass systemd-analyze verify', async () => {
    const out = tempDir();
    await run(['--out', out, '--data-dir', out, '--print-agent', 'hall', '--office', 'main', '--print-agent', 'desk', '--office', 'north', '--port', '80']);
    const units = readdirSync(out).filter((name) => name.endsWith('.service')).map((name) => join(out, name));
    expect(units).toHaveLength(3);
    const verified = spawnSync('systemd-analyze', ['verify', ...units], { encoding: 'utf8' });
    expect(verified.stderr.split('\n').filter((line) => line.includes(out))).toEqual([]);
    expect(verified.status).toBe(0);
  });

  it('let the server write its backups to a folder of their own', () => {
    const [unit, env] = installFiles({ ...SAMPLE, backupDir: '/mnt/backup/talon' });
    expect(unit!.content).toContain('ReadWritePaths=/var/lib/talon /mnt/backup/talon');
    expect(env!.content).toContain('\nTALON_BACKUP_DIR=/mnt/backup/talon\n');
  });

  it('keep ports below 1024 working and a checkout in a home folder visible', () => {
    const [unit] = installFiles({ ...SAMPLE, port: 443, installDir: '/home/office/talon' });
    expect(unit!.content).toContain('CapabilityBoundingSet=CAP_NET_BIND_SERVICE');
    expect(unit!.content).toContain('AmbientCapabilities=CAP_NET_BIND_SERVICE');
    expect(unit!.content).toContain('ProtectHome=read-only');
  });
});

describe('the command', () => {
  it('writes the files into --out, environment files for root only, and prints the commands to finish', async () => {
    const out = tempDir();
    const printed = await run(['--out', out, '--print-agent', 'hall', '--office', 'main', '--printer', 'serial:/dev/ttyUSB0?baud=19200', '--model', 'star', '--paper', '58']);
    expect(readdirSync(out).sort()).toEqual(['print-agent-hall.env', 'talon-print-agent-hall.service', 'talon.env', 'talon.service']);
    expect(statSync(join(out, 'talon.env')).mode & 0o777).toBe(0o600);
    expect(statSync(join(out, 'print-agent-hall.env')).mode & 0o777).toBe(0o600);
    expect(statSync(join(out, 'talon.service')).mode & 0o777).toBe(0o644);
    const agentEnv = readFileSync(join(out, 'print-agent-hall.env'), 'utf8');
    for (const line of ['AGENT_SERVER=http://127.0.0.1:3000', 'AGENT_KEY=', 'AGENT_PRINTER=serial:/dev/ttyUSB0?baud=19200', 'AGENT_MODEL=star', 'AGENT_PAPER=58']) {
      expect(agentEnv.split('\n')).toContain(line);
    }
    const lines = printed.split('\n');
    expect(lines).toContain('id -u talon >/dev/null 2>&1 || sudo useradd --system --user-group --no-create-home --home-dir /var/lib/talon --shell /usr/sbin/nologin talon');
    expect(lines).toContain('sudo install -d -m 0750 -o talon -g talon /var/lib/talon');
    expect(lines).toContain(`sudo install -D -m 0644 ${join(out, 'talon.service')} /etc/systemd/system/talon.service`);
    expect(lines).toContain(`sudo test -e /etc/talon/talon.env || sudo install -D -m 0600 ${join(out, 'talon.env')} /etc/talon/talon.env`);
    expect(lines).toContain('sudo systemctl daemon-reload');
    expect(lines).toContain('sudo systemctl enable --now talon.service');
    expect(lines).toContain('sudo systemctl enable --now talon-print-agent-hall.service');
  });

  it('keeps an environment file that is already there, and says so', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'talon.env'), 'TALON_PUBLIC_URL=https://queue.example.org\n');
    const printed = await run(['--out', out]);
    expect(readFileSync(join(out, 'talon.env'), 'utf8')).toBe('TALON_PUBLIC_URL=https://queue.example.org\n');
    expect(printed).toContain(`kept ${join(out, 'talon.env')}`);
    expect(printed).toContain(`wrote ${join(out, 'talon.service')}`);
  });

  it('prints every file and the commands on --dry-run', async () => {
    const printed = await run(['--dry-run', '--user', 'queue', '--data-dir', '/srv/talon']);
    expect(printed).toContain('# ---- /etc/systemd/system/talon.service (mode 0644)');
    expect(printed).toContain('# ---- /etc/talon/talon.env (mode 0600)');
    expect(printed).toContain('User=queue');
    expect(printed).toContain('ReadWritePaths=/srv/talon');
    expect(printed).toContain('sudo systemctl enable --now talon.service');
  });

  it('refuses a print agent without its office, an option before its agent, a relative node and a second agent of the same name', async () => {
    await expect(run(['--dry-run', '--print-agent', 'hall'])).rejects.toThrow('--print-agent hall: give its --office');
    await expect(run(['--dry-run', '--office', 'main'])).rejects.toThrow('--office belongs after the --print-agent it describes');
    await expect(run(['--dry-run', '--node', 'node'])).rejects.toThrow('--node node: systemd needs an absolute path');
    await expect(run(['--dry-run', '--print-agent', 'a', '--office', 'main', '--print-agent', 'a', '--office', 'main'])).rejects.toThrow('--print-agent a: named twice');
    await expect(run(['--dry-run', '--print-agent', 'a', '--office', 'main', '--model', 'nosuch'])).rejects.toThrow('expected one of');
    await expect(run(['--dry-run', '--out', tempDir()])).rejects.toThrow();
  });

  it('is a command of npm run talon', () => {
    const help = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli', 'talon.ts'), 'install-service', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help).toContain('--print-agent <name>');
    expect(help).toContain('--dry-run');
  });
});
