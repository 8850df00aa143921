// The new password of reset-password and create-admin: generated and shown once (the default), or
// read from stdin (keeps it out of the shell history and the process list), or given with --password.
import { Option, type Command } from 'commander';
import { newPassword } from '../../common/protocol/admin-schemas';
import { generatedPassword } from '../auth/passwords';
import { CliFailure } from './cli-failure';
import type { CliIo } from './cli-io';

export interface PasswordOptions {
  password?: string;
  passwordStdin?: boolean;
}

export interface ChosenPassword {
  password: string;
  /** True when Talon made it up: the command must show it, it is stored nowhere in clear. */
  generated: boolean;
}

export function withPasswordOptions(command: Command): Command {
  return command
    .addOption(new Option('--password <password>', 'the new password (visible in the process list and shell history; prefer --password-stdin)').conflicts('passwordStdin'))
    .option('--password-stdin', 'read the new password from stdin (its first line)');
}

async function firstLineOf(stdin: CliIo['stdin']): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

export async function choosePassword(options: PasswordOptions, io: CliIo): Promise<ChosenPassword> {
  const given = options.passwordStdin ? await firstLineOf(io.stdin) : options.password;
  if (given === undefined) return { password: generatedPassword(), generated: true };
  const checked = newPassword.safeParse(given);
  if (!checked.success) throw new CliFailure('the password must be 8 to 200 characters long');
  return { password: checked.data, generated: false };
}
