// What `npm run install-service` puts on a machine: the unit files and their environment files, each
// with the path systemd reads it from, and the commands the administrator runs afterwards (creating
// the user and the data folder, enabling the units). Pure: the command decides where files go.
import { isAbsolute } from 'node:path';
import { serverEnvironmentFile } from './install-service-settings';
import {
  insideHomeFolder,
  printAgentEnvironmentFile,
  printAgentEnvironmentPath,
  printAgentServiceUnit,
  printAgentUnit,
  SERVER_UNIT,
  serverEnvironmentPath,
  serverUnit,
  type PrintAgentService,
  type PrintAgentSettings,
  type ServiceLayout,
  writablePaths,
} from './install-service-units';

export const SYSTEMD_DIR = '/etc/systemd/system';
export const CONFIG_DIR = '/etc/talon';

export type PrintAgentRequest = PrintAgentService & Omit<PrintAgentSettings, 'server'>;

export interface InstallServiceRequest extends ServiceLayout {
  printAgents: readonly PrintAgentRequest[];
  /** The server's URL as the print agents reach it. */
  agentServer: string;
}

export interface PlannedFile {
  /** Where systemd reads it from. */
  target: string;
  content: string;
  /** Units are public; environment files hold device keys and maybe the admin's password. */
  mode: 0o644 | 0o600;
  /** An environment file holds the administrator's own edits and keys: never overwritten. */
  keepExisting: boolean;
}

export function installFiles(request: InstallServiceRequest): PlannedFile[] {
  const unit = (name: string, content: string): PlannedFile => ({ target: `${SYSTEMD_DIR}/${name}`, content, mode: 0o644, keepExisting: false });
  const environment = (target: string, content: string): PlannedFile => ({ target, content, mode: 0o600, keepExisting: true });
  return [
    unit(SERVER_UNIT, serverUnit(request)),
    environment(serverEnvironmentPath(request), serverEnvironmentFile(request)),
    ...request.printAgents.flatMap((agent) => [
      unit(printAgentUnit(agent), printAgentServiceUnit(request, agent)),
      environment(printAgentEnvironmentPath(request, agent), printAgentEnvironmentFile(agent, { ...agent, server: request.agentServer })),
    ]),
  ];
}

/**
 * The shell lines that finish the installation, with comments. `staged` maps a file's target to
 * where it was written instead (--out); files written in place need no copying.
 */
export function setupCommands(request: InstallServiceRequest, files: readonly PlannedFile[], staged: ReadonlyMap<string, string>): string[] {
  const { user, dataDir, installDir } = request;
  const lines = [
    `# A system user for Talon, without a login shell:`,
    `id -u ${user} >/dev/null 2>&1 || sudo useradd --system --user-group --no-create-home --home-dir ${dataDir} --shell /usr/sbin/nologin ${user}`,
    `# The data folder (and backup folder), the only places the server writes:`,
    `sudo install -d -m 0750 -o ${user} -g ${user} ${writablePaths(request).join(' ')}`,
    `# The web apps the server serves (again after every update of Talon):`,
    `(cd ${installDir} && npm ci && npm run build)`,
  ];
  if (insideHomeFolder(installDir)) {
    lines.push(`# ${installDir} is inside a home folder: ${user} must be able to read it there; /opt/talon is simpler.`);
  }
  const copies = files.filter((file) => staged.has(file.target));
  if (copies.length > 0) {
    lines.push(`# The unit and environment files (an environment file already there keeps the administrator's edits):`);
    for (const file of copies) {
      const install = `sudo install -D -m 0${file.mode.toString(8)} ${staged.get(file.target)} ${file.target}`;
      lines.push(file.keepExisting ? `sudo test -e ${file.target} || ${install}` : install);
    }
  }
  lines.push('sudo systemctl daemon-reload', `# Start now and at every boot; its log: journalctl -u ${SERVER_UNIT} -f`, `sudo systemctl enable --now ${SERVER_UNIT}`);
  for (const agent of request.printAgents) {
    lines.push(
      `# Print agent ${agent.name}: first fill in AGENT_KEY (and AGENT_PRINTER) in ${printAgentEnvironmentPath(request, agent)}, then`,
      `sudo systemctl enable --now ${printAgentUnit(agent)}`,
    );
  }
  return lines;
}

/** The one-line refusal for a request that would make a broken unit, or null. */
export function requestProblem(request: InstallServiceRequest): string | null {
  const paths: [string, string | undefined][] = [['--install-dir', request.installDir], ['--data-dir', request.dataDir], ['--backup-dir', request.backupDir], ['--node', request.node]];
  for (const [option, path] of paths) {
    if (path !== undefined && !isAbsolute(path)) return `${option} ${path}: systemd needs an absolute path`;
  }
  if (!/^[a-z_][a-z0-9_-]*$/.test(request.user)) return `--user ${request.user}: expected a system user name (lower case letters, digits, '-', '_')`;
  const names = new Set<string>();
  for (const agent of request.printAgents) {
    if (!/^[A-Za-z0-9_-]+$/.test(agent.name)) return `--print-agent ${agent.name}: expected letters, digits, '-' and '_' only`;
    if (names.has(agent.name)) return `--print-agent ${agent.name}: named twice`;
    names.add(agent.name);
  }
  return null;
}
