// The systemd units that keep Talon running for years: the server, and one print agent per printer.
// Both start once the network is up, come back after a crash, read their settings from an
// environment file kept outside the code, run as a dedicated user, and see the system read-only
// except their own data. They run `node --import tsx` directly rather than `npm run`: one process,
// so systemd's SIGTERM reaches the code that finishes a print job or closes the database.
import { PRINTER_MODELS } from '../../printer/profiles';

export interface ServiceLayout {
  /** The user (and group) the services run as. */
  user: string;
  /** The Talon checkout with node_modules and the built web apps (dist/). */
  installDir: string;
  /** Absolute path of the node binary. */
  node: string;
  /** The server's data folder, the only place it writes besides the backup folder. */
  dataDir: string;
  /** The daily backups' folder when it is not inside the data folder (another disk, say). */
  backupDir?: string | undefined;
  /** Where the environment files live, e.g. /etc/talon. */
  configDir: string;
  /** Ports below 1024 need a capability the units otherwise drop. */
  port: number;
}

export interface PrintAgentService {
  /** Names the unit, its environment file and its folder: letters, digits, '-' and '_'. */
  name: string;
  /** The office whose print agent this is (its key decides; this names it for the administrator). */
  office: string;
}

export const SERVER_UNIT = 'talon.service';
export const printAgentUnit = (agent: PrintAgentService) => `talon-print-agent-${agent.name}.service`;
export const serverEnvironmentPath = (layout: ServiceLayout) => `${layout.configDir}/talon.env`;
export const printAgentEnvironmentPath = (layout: ServiceLayout, agent: PrintAgentService) => `${layout.configDir}/print-agent-${agent.name}.env`;
/** Where the server writes: its data folder, and the backup folder if that is elsewhere. */
export const writablePaths = (layout: ServiceLayout) => [layout.dataDir, ...(layout.backupDir ? [layout.backupDir] : [])];

/** Folders a unit with ProtectHome=yes cannot see at all. */
const HOME_FOLDERS = ['/home/', '/root/', '/run/user/'];
export const insideHomeFolder = (path: string) => HOME_FOLDERS.some((home) => `${path}/`.startsWith(home));

/** Below StateDirectory= (/var/lib): the agent's file of printed jobs, which must outlive restarts. */
const printAgentStateDir = (agent: PrintAgentService) => `talon-print-agent/${agent.name}`;

/**
 * What neither process needs: privileges, other users' homes, the kernel's knobs, a writable
 * system. MemoryDenyWriteExecute is left out on purpose: V8's JIT writes and runs its own code.
 * AF_NETLINK stays allowed: the server lists the machine's addresses for the tickets' QR code.
 */
function hardening(layout: ServiceLayout): string[] {
  const lowPort = layout.port < 1024;
  const seesHome = [layout.installDir, ...writablePaths(layout)].some(insideHomeFolder);
  return [
    'NoNewPrivileges=yes',
    'ProtectSystem=strict',
    // Talon checked out (or its data kept) in a home folder has to stay visible there.
    `ProtectHome=${seesHome ? 'read-only' : 'yes'}`,
    'PrivateTmp=yes',
    'ProtectKernelTunables=yes',
    'ProtectKernelModules=yes',
    'ProtectKernelLogs=yes',
    'ProtectControlGroups=yes',
    'ProtectClock=yes',
    'ProtectHostname=yes',
    'RestrictNamespaces=yes',
    'RestrictRealtime=yes',
    'RestrictSUIDSGID=yes',
    'LockPersonality=yes',
    'SystemCallArchitectures=native',
    'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX AF_NETLINK',
    `CapabilityBoundingSet=${lowPort ? 'CAP_NET_BIND_SERVICE' : ''}`,
    ...(lowPort ? ['AmbientCapabilities=CAP_NET_BIND_SERVICE'] : []),
    'UMask=0027',
  ];
}

/** [Unit] and the restart policy shared by both: after the network, and never giving up for good. */
function unitSection(layout: ServiceLayout, description: string): string[] {
  return [
    '[Unit]',
    `Description=${description}`,
    `Documentation=file://${layout.installDir}/docs/operations.md`,
    'Wants=network-online.target',
    'After=network-online.target',
    // A server that cannot start (its database on a disk not yet mounted) keeps being retried, every
    // RestartSec, instead of systemd's default of giving up after five quick failures.
    'StartLimitIntervalSec=0',
  ];
}

/** The head of [Service] both share: who runs it, where, with which settings, in which groups. */
function serviceSection(layout: ServiceLayout, environmentFile: string, groups: string): string[] {
  return [
    '[Service]',
    'Type=simple',
    `User=${layout.user}`,
    `Group=${layout.user}`,
    `SupplementaryGroups=${groups}`,
    `WorkingDirectory=${layout.installDir}`,
    `EnvironmentFile=${environmentFile}`,
    'Environment=NODE_ENV=production',
  ];
}

const RESTART_ON_FAILURE = ['Restart=on-failure', 'RestartSec=5s'];

function installSection(): string[] {
  return ['[Install]', 'WantedBy=multi-user.target'];
}

export function serverUnit(layout: ServiceLayout): string {
  return lines([
    ...unitSection(layout, 'Talon electronic queue server'),
    '',
    // Speaking on the server's own speakers (an office setting) goes through ALSA: group audio.
    ...serviceSection(layout, serverEnvironmentPath(layout), 'audio'),
    `ExecStart=${layout.node} --import tsx ${layout.installDir}/server/main.ts`,
    ...RESTART_ON_FAILURE,
    // On SIGTERM the server closes its offices and the database; a stuck close is killed after this.
    'TimeoutStopSec=30s',
    ...hardening(layout),
    `ReadWritePaths=${writablePaths(layout).join(' ')}`,
    '',
    ...installSection(),
  ]);
}

export function printAgentServiceUnit(layout: ServiceLayout, agent: PrintAgentService): string {
  const jobsFile = `%S/${printAgentStateDir(agent)}/printed-jobs.jsonl`;
  return lines([
    ...unitSection(layout, `Talon print agent ${agent.name} (office ${agent.office})`),
    '',
    // Serial printers belong to group dialout, USB ones (/dev/usb/lp0) to lp.
    ...serviceSection(layout, printAgentEnvironmentPath(layout, agent), 'dialout lp'),
    `StateDirectory=${printAgentStateDir(agent)}`,
    `ExecStart=${layout.node} --import tsx ${layout.installDir}/printer/agent.ts --server \${AGENT_SERVER} --key \${AGENT_KEY} --printer \${AGENT_PRINTER} --model \${AGENT_MODEL} --paper \${AGENT_PAPER} --jobs-file ${jobsFile}`,
    ...RESTART_ON_FAILURE,
    // Exit 2 is a usage error (the key or printer not filled in yet): retrying cannot help.
    'RestartPreventExitStatus=2',
    // A job being printed is finished and written down before the agent stops.
    'TimeoutStopSec=30s',
    ...hardening(layout),
    '',
    ...installSection(),
  ]);
}

export interface PrintAgentSettings {
  server: string;
  printer?: string | undefined;
  model?: string | undefined;
  paper?: string | undefined;
}

/** The agent's EnvironmentFile=: systemd puts these values into its command line (ExecStart). */
export function printAgentEnvironmentFile(agent: PrintAgentService, settings: PrintAgentSettings): string {
  return lines([
    `# Print agent ${agent.name} of office ${agent.office}, read by ${printAgentUnit(agent)}.`,
    `# After a change: sudo systemctl restart ${printAgentUnit(agent)}`,
    '',
    '# The Talon server this agent connects to.',
    `AGENT_SERVER=${settings.server}`,
    '',
    `# The agent's device key: register a print agent for office ${agent.office} in the staff app`,
    '# (Office settings → Devices) and paste the key it shows once. Keep this file readable by root only.',
    'AGENT_KEY=',
    '',
    '# The printer: tcp://HOST:9100, serial:/dev/ttyUSB0?baud=19200 or file:/dev/usb/lp0.',
    `AGENT_PRINTER=${settings.printer ?? ''}`,
    '',
    `# Printer model (${Object.keys(PRINTER_MODELS).join(', ')}) and paper width (58 or 80).`,
    `AGENT_MODEL=${settings.model ?? 'epson'}`,
    `AGENT_PAPER=${settings.paper ?? '80'}`,
  ]);
}

function lines(all: readonly string[]): string {
  return `${all.join('\n')}\n`;
}
