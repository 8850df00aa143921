// `talon reset-password` and `talon create-admin` against the data folder of a running Talon: the
// new password works, the old one and every session it opened stop working — in the running server
// too, once its few seconds of remembered callers are over.
import { describe, expect, it } from 'vitest';
import { createAdminCommand } from '../../server/cli/create-admin-command';
import { resetPasswordCommand } from '../../server/cli/reset-password-command';
import { connectClient } from '../support/socket-client';
import { runCommand } from '../support/talon-cli';
import { call } from '../support/talon-server';
import { useServerAndClients } from '../support/server-and-clients';

const env = useServerAndClients();

const signInStatus = async (login: string, password: string) =>
  (await call(env.server, '/api/auth/login', { body: { login, password } })).status;

describe('talon reset-password', () => {
  it('sets the password read from stdin and ends the sessions the running server knew', async () => {
    const token = await env.server.login('operator1');
    const socket = await connectClient(env.server.url, { token });
    env.clients.push(socket);

    const printed = await runCommand(resetPasswordCommand, ['operator1', '--password-stdin', '--data-dir', env.server.dataDir], 'a-new-password-1\n');

    expect(printed).toContain('The password of "operator1"');
    expect(printed).not.toContain('a-new-password-1');
    expect(await signInStatus('operator1', 'a-new-password-1')).toBe(200);
    expect(await signInStatus('operator1', env.server.demo.staffPassword)).toBe(401);
    await expect.poll(async () => (await call(env.server, '/api/auth/me', { token })).status).toBe(401);
    // Its open socket runs no command any more (refused, or already disconnected by the server's sweep) and is closed.
    const answer = await socket.socket.timeout(5_000).emitWithAck('counter:open', { counterId: 'booth-1' }).catch(() => 'disconnected');
    expect(answer).not.toMatchObject({ ok: true });
    await expect.poll(() => socket.socket.connected, { timeout: 45_000 }).toBe(false);
  });

  it('generates a password and shows it once when none is given', async () => {
    const printed = await runCommand(resetPasswordCommand, ['manager', '--data-dir', env.server.dataDir]);
    const password = /New password \(shown only now\): (\S+)/.exec(printed)?.[1];
    expect(password).toBeDefined();
    expect(await signInStatus('manager', password!)).toBe(200);
  });

  it('refuses a login nobody has, and a password shorter than eight characters', async () => {
    await expect(runCommand(resetPasswordCommand, ['nobody', '--password', 'long-enough-1', '--data-dir', env.server.dataDir])).rejects.toThrow(
      'no account with the login "nobody"',
    );
    await expect(runCommand(resetPasswordCommand, ['operator1', '--password', 'short', '--data-dir', env.server.dataDir])).rejects.toThrow('8 to 200 characters');
    expect(await signInStatus('operator1', env.server.demo.staffPassword)).toBe(200);
  });
});

describe('talon create-admin', () => {
  it('creates a regional admin who manages every account', async () => {
    const printed = await runCommand(createAdminCommand, ['rescue', '--name', 'Rescue admin', '--password', 'rescue-password', '--data-dir', env.server.dataDir]);
    expect(printed).toContain('Regional admin "rescue" (Rescue admin) created.');

    const token = await env.server.login('rescue', 'rescue-password');
    const users = await call<{ login: string; organisationRole: string | null }[]>(env.server, '/api/users', { token });
    expect(users.body.ok && users.body.data.find((u) => u.login === 'rescue')?.organisationRole).toBe('regional-admin');
    expect(users.body.ok && users.body.data.some((u) => u.login === 'operator1')).toBe(true);
  });

  it('refuses a login that is taken or not a login', async () => {
    await expect(runCommand(createAdminCommand, ['operator1', '--data-dir', env.server.dataDir])).rejects.toThrow('already taken');
    await expect(runCommand(createAdminCommand, ['two words', '--data-dir', env.server.dataDir])).rejects.toThrow('not a valid login');
  });
});
