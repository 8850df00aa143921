// `talon install-service`: writes the systemd units of the server and its print agents with their
// environment files, and prints the commands that finish the job (user, data folder, enabling).
// It never runs systemctl or useradd itself: the administrator reads and runs those, as root.
//   npm run install-service -- --print-agent hall --office main --printer tcp://192.168.1.50:9100
//   npm run install-service -- --out ./units      (writes into a folder to review and copy)
//   npm run install-service -- --dry-run          (prints everything, writes nothing)
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { officeIdSchema } from '../../common/protocol/offices';
import { PRINTER_MODELS } from '../../printer/profiles';
import { CONFIG_DIR, installFiles, requestProblem, setupCommands, type InstallServiceRequest, type PlannedFile, type PrintAgentRequest } from '../ops/install-service-plan';
import { CliFailure } from './cli-failure';

/** This checkout: the services run the code the administrator ran this command from. */
const THIS_CHECKOUT = join(import.meta.dirname, '..', '..');

interface InstallServiceOptions {
  user: string;
  dataDir: string;
  backupDir?: string;
  installDir: string;
  node: string;
  port: string;
  agentServer?: string;
  out?: string;
  dryRun?: boolean;
}

/**
 * The per-agent options belong to the --print-agent before them, so they are collected in the order
 * given (commander keeps no order between different options): `--print-agent a --office x
 * --print-agent b --office y`.
 */
function printAgentOptions(command: Command, agents: PrintAgentRequest[]): Command {
  const last = (option: string): PrintAgentRequest => {
    const agent = agents.at(-1);
    if (!agent) throw new InvalidArgumentError(`${option} belongs after the --print-agent it describes`);
    return agent;
  };
  return command
    .option('--print-agent <name>', 'a print agent on this machine (repeat for each printer); the options below follow it', (name: string) => {
      // No office until its --office follows; requestFrom refuses an agent still without one.
      agents.push({ name, office: '' });
      return name;
    })
    .option('--office <id>', "the print agent's office", (office: string) => {
      if (!officeIdSchema.safeParse(office).success) throw new InvalidArgumentError(`${office} is not an office id`);
      last('--office').office = office;
      return office;
    })
    .option('--printer <connection>', "the print agent's printer: tcp://HOST:9100, serial:/dev/ttyUSB0?baud=19200, file:/dev/usb/lp0", (printer: string) => {
      last('--printer').printer = printer;
      return printer;
    })
    .option('--model <model>', `the print agent's printer model: ${Object.keys(PRINTER_MODELS).join(', ')} (default epson)`, (model: string) => {
      if (!Object.hasOwn(PRINTER_MODELS, model)) throw new InvalidArgumentError(`expected one of ${Object.keys(PRINTER_MODELS).join(', ')}`);
      last('--model').model = model;
      return model;
    })
    .option('--paper <width>', "the print agent's paper width, 58 or 80 (default 80)", (paper: string) => {
      last('--paper').paper = paper;
      return paper;
    });
}

function requestFrom(options: InstallServiceOptions, agents: readonly PrintAgentRequest[]): InstallServiceRequest {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new CliFailure(`--port ${options.port}: expected a port number`);
  const missingOffice = agents.find((agent) => !agent.office);
  if (missingOffice) throw new CliFailure(`--print-agent ${missingOffice.name}: give its --office`);
  const request: InstallServiceRequest = {
    user: options.user,
    installDir: resolve(options.installDir),
    node: options.node,
    dataDir: resolve(options.dataDir),
    backupDir: options.backupDir ? resolve(options.backupDir) : undefined,
    configDir: CONFIG_DIR,
    port,
    printAgents: agents,
    agentServer: options.agentServer ?? `http://127.0.0.1:${port}`,
  };
  const problem = requestProblem(request);
  if (problem) throw new CliFailure(problem);
  return request;
}

/** Writes each file where `destination` says; an environment file already there is kept. */
async function writeFiles(files: readonly PlannedFile[], destination: (file: PlannedFile) => string): Promise<string[]> {
  const report: string[] = [];
  for (const file of files) {
    const path = destination(file);
    if (file.keepExisting && existsSync(path)) {
      report.push(`kept ${path} (already there; compare it with --dry-run's)`);
      continue;
    }
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content, { mode: file.mode });
      await chmod(path, file.mode);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') throw new CliFailure(`cannot write ${path}: run as root, or use --out <folder> and copy the files as the printed commands say`);
      throw error;
    }
    report.push(`wrote ${path}`);
  }
  return report;
}

function dryRun(request: InstallServiceRequest, files: readonly PlannedFile[]): string[] {
  const shown = files.flatMap((file) => [`# ---- ${file.target} (mode 0${file.mode.toString(8)})`, file.content]);
  return [...shown, '# ---- then run:', ...setupCommands(request, files, new Map())];
}

async function install(options: InstallServiceOptions, agents: readonly PrintAgentRequest[]): Promise<void> {
  const request = requestFrom(options, agents);
  const files = installFiles(request);
  if (options.dryRun) {
    console.log(dryRun(request, files).join('\n'));
    return;
  }
  const out = options.out ? resolve(options.out) : null;
  const staged = new Map(out ? files.map((file) => [file.target, join(out, basename(file.target))]) : []);
  const written = await writeFiles(files, (file) => staged.get(file.target) ?? file.target);
  console.log([...written, '', 'Now run:', ...setupCommands(request, files, staged)].join('\n'));
}

export function installServiceCommand(): Command {
  const agents: PrintAgentRequest[] = [];
  const command = new Command('install-service')
    .description('Write systemd units (server, print agents) and their environment files, and print the systemctl commands to run')
    .option('--user <name>', 'the system user the services run as', 'talon')
    // Not TALON_DATA_DIR: a developer's ./data is rarely where a service should keep its data.
    .option('--data-dir <folder>', "the server's data folder", '/var/lib/talon')
    .option('--backup-dir <folder>', 'where the daily backups go, if not <data-dir>/backups (TALON_BACKUP_DIR; the unit may write there)')
    .option('--install-dir <folder>', 'the Talon checkout the services run from', THIS_CHECKOUT)
    .option('--node <path>', 'the node binary', process.execPath)
    .option('--port <port>', 'the HTTP port of the server', '3000')
    .option('--agent-server <url>', 'the server URL the print agents connect to (default http://127.0.0.1:<port>)');
  return printAgentOptions(command, agents)
    .addOption(new Option('--out <folder>', 'write the files into this folder instead of /etc, to review and copy').conflicts('dryRun'))
    .option('--dry-run', 'print the files and commands, write nothing')
    .action((options: InstallServiceOptions) => install(options, agents));
}
