// The administrator's command line: `npm run talon -- <command> [options]`. Each command lives in
// its own file `server/cli/<name>-command.ts` and exports a factory returning a commander Command;
// this file only lists them and turns a failure into one line on stderr and a non-zero exit.
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { backupCommand } from './backup-command';
import { checkDbCommand } from './check-db-command';
import { CliFailure } from './cli-failure';
import { createAdminCommand } from './create-admin-command';
import { exportJournalCommand } from './export-journal-command';
import { installServiceCommand } from './install-service-command';
import { resetPasswordCommand } from './reset-password-command';
import { restoreCommand } from './restore-command';
import { revokeDeviceCommand } from './revoke-device-command';
import { rotateDeviceKeyCommand } from './rotate-device-key-command';

/**
 * Every command of `talon`, one factory per file. To add yours: import its factory and append it
 * here, one line each (the order is the order `talon --help` lists them in).
 */
const commandFactories: Array<() => Command> = [
  // CLI
  resetPasswordCommand,
  createAdminCommand,
  revokeDeviceCommand,
  rotateDeviceKeyCommand,
  exportJournalCommand,
  // BACKUP
  backupCommand,
  restoreCommand,
  checkDbCommand,
  // SERVICE
  installServiceCommand,
];

export function talonProgram(): Command {
  const program = new Command('talon')
    .description("Talon's command line for administrators: run `talon <command> --help` for each command's options.");
  for (const factory of commandFactories) program.addCommand(factory());
  return program;
}

/** Runs as a script (`tsx server/cli/talon.ts …`), not when a test imports it. */
async function runFromShell(): Promise<void> {
  try {
    await talonProgram().parseAsync(process.argv);
  } catch (error) {
    // Expected refusals are one line for the administrator; anything else is a bug worth its stack.
    console.error(error instanceof CliFailure ? `talon: ${error.message}` : error);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runFromShell();
