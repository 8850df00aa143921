// `talon create-admin <login>`: a new regional admin — admin in every office, able to manage every
// account — for when nobody can sign in as one any more (the first admin's password is lost, or the
// only admin left). To get back into an existing admin account, reset-password is enough.
import { Command } from 'commander';
import { createUserSchema } from '../../common/protocol/admin-schemas';
import { createUsersStore } from '../store/users-store';
import { CliFailure } from './cli-failure';
import { printLine, processIo, type CliIo } from './cli-io';
import { withDataDirOption, withMigratedDatabase, type DataDirOptions } from './data-folder';
import { choosePassword, withPasswordOptions, type PasswordOptions } from './password-input';

interface CreateAdminOptions extends DataDirOptions, PasswordOptions {
  name?: string;
}

export function createAdminCommand(io: CliIo = processIo): Command {
  const command = new Command('create-admin')
    .description('Create a regional admin account (admin in every office); without --password or --password-stdin a password is generated and shown once')
    .summary('create a regional admin account')
    .argument('<login>', 'the new login: letters, digits and . _ - @')
    .option('--name <name>', 'the name the staff app shows (default: the login)');
  withPasswordOptions(command);
  withDataDirOption(command);
  return command.action(async (rawLogin: string, options: CreateAdminOptions) => {
    // The same rules as an account made in the staff app.
    const login = createUserSchema.shape.login.safeParse(rawLogin);
    if (!login.success) throw new CliFailure(`"${rawLogin}" is not a valid login: use letters, digits and . _ - @ only`);
    const name = createUserSchema.shape.name.safeParse(options.name ?? login.data);
    if (!name.success) throw new CliFailure('the name must be 1 to 200 characters long');
    const { password, generated } = await choosePassword(options, io);
    await withMigratedDatabase(options.dataDir, async (db) => {
      const created = await createUsersStore(db).create({ login: login.data, name: name.data, password, organisationRole: 'regional-admin', offices: [] });
      if (created.kind !== 'created') throw new CliFailure(`the login "${login.data}" is already taken (reset-password gives that account a new password)`);
      printLine(io, `Regional admin "${created.user.login}" (${created.user.name}) created.`);
      if (generated) printLine(io, `Password (shown only now): ${password}`);
    });
  });
}
