// `talon reset-password <login>`: a new password for a staff account, and every session it had is
// ended, as when an admin sets one in the staff app — a reset is often done because the old one leaked.
import { Command } from 'commander';
import { createSessionsStore } from '../store/sessions-store';
import { createUsersStore } from '../store/users-store';
import { CliFailure } from './cli-failure';
import { printLine, processIo, type CliIo } from './cli-io';
import { withDataDirOption, withMigratedDatabase, type DataDirOptions } from './data-folder';
import { choosePassword, withPasswordOptions, type PasswordOptions } from './password-input';

export function resetPasswordCommand(io: CliIo = processIo): Command {
  const command = new Command('reset-password')
    .description("Set a staff account's password and sign it out everywhere; without --password or --password-stdin a new one is generated and shown once")
    .summary('new password for a staff account, signed out everywhere')
    .argument('<login>', 'the login of the account');
  withPasswordOptions(command);
  withDataDirOption(command);
  return command.action(async (login: string, options: DataDirOptions & PasswordOptions) => {
    const { password, generated } = await choosePassword(options, io);
    await withMigratedDatabase(options.dataDir, async (db) => {
      const users = createUsersStore(db);
      const found = await users.findByLogin(login);
      if (!found) throw new CliFailure(`no account with the login "${login}"`);
      const { user } = found;
      await users.setPassword(user.id, password);
      await createSessionsStore(db).deleteForUser(user.id);
      printLine(io, `The password of "${user.login}" (${user.name}) is reset and every session it had is ended.`);
      if (!user.active) printLine(io, 'The account is deactivated: an admin must activate it before it can sign in.');
      if (generated) printLine(io, `New password (shown only now): ${password}`);
    });
  });
}
