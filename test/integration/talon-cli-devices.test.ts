// `talon revoke-device` and `talon rotate-device-key` against the data folder of a running Talon:
// the running server refuses the old key within seconds, and the sockets holding it are closed.
import { describe, expect, it } from 'vitest';
import { revokeDeviceCommand } from '../../server/cli/revoke-device-command';
import { rotateDeviceKeyCommand } from '../../server/cli/rotate-device-key-command';
import { connectClient } from '../support/socket-client';
import { runCommand } from '../support/talon-cli';
import { call, officeApi } from '../support/talon-server';
import { useServerAndClients } from '../support/server-and-clients';

const env = useServerAndClients();

const demoDevice = (kind: 'kiosk' | 'display') => env.server.demo.devices.find((d) => d.officeId === env.server.office && d.kind === kind)!;
const issueStatus = async (deviceKey: string) => (await call(env.server, officeApi('/tickets'), { body: { serviceId: 'documents' }, deviceKey })).status;

describe('talon revoke-device', () => {
  it('revokes a device named as the staff app lists it; the running server refuses it and closes its sockets', async () => {
    const kiosk = demoDevice('kiosk');
    const socket = await connectClient(env.server.url, { deviceKey: kiosk.key });
    env.clients.push(socket);

    const printed = await runCommand(revokeDeviceCommand, ['--office', env.server.office, '--device', kiosk.name, '--data-dir', env.server.dataDir]);

    expect(printed).toContain(`Revoked the kiosk "${kiosk.name}"`);
    await expect.poll(() => issueStatus(kiosk.key)).toBe(403);
    // Nobody told the server: its sweep of open sockets finds the revoked key and closes the socket.
    // Up to 5 s of remembered callers and 15 s between sweeps.
    await expect.poll(() => socket.socket.connected, { timeout: 45_000 }).toBe(false);
    await expect(connectClient(env.server.url, { deviceKey: kiosk.key })).rejects.toMatchObject({ data: { code: 'device-revoked' } });
  });

  it('says so when the device was already revoked, and refuses an unknown device or office', async () => {
    const display = demoDevice('display');
    const devices = await call<{ id: string; name: string }[]>(env.server, officeApi('/devices'), { token: await env.server.login('admin') });
    const id = devices.body.ok ? devices.body.data.find((d) => d.name === display.name)!.id : '';
    const args = ['--office', env.server.office, '--data-dir', env.server.dataDir];
    await runCommand(revokeDeviceCommand, [...args, '--device', id]);
    expect(await runCommand(revokeDeviceCommand, [...args, '--device', id])).toContain('was already revoked');
    await expect(runCommand(revokeDeviceCommand, [...args, '--device', 'no such device'])).rejects.toThrow('no device "no such device"');
    await expect(runCommand(revokeDeviceCommand, ['--office', 'nowhere', '--device', id, '--data-dir', env.server.dataDir])).rejects.toThrow('no office "nowhere"');
  });
});

describe('talon rotate-device-key', () => {
  it('prints a new key once; the running server takes it and refuses the old one', async () => {
    const kiosk = demoDevice('kiosk');
    const printed = await runCommand(rotateDeviceKeyCommand, ['--office', env.server.office, '--device', kiosk.name, '--data-dir', env.server.dataDir]);
    const newKey = printed.trim().split('\n').at(-1)!;

    expect(newKey).toMatch(/^[\w-]{43}$/);
    expect(await issueStatus(newKey)).toBe(200);
    await expect.poll(() => issueStatus(kiosk.key)).toBe(401);
  });

  it('refuses to give a revoked device a key', async () => {
    const args = ['--office', env.server.office, '--device', demoDevice('kiosk').name, '--data-dir', env.server.dataDir];
    await runCommand(revokeDeviceCommand, args);
    await expect(runCommand(rotateDeviceKeyCommand, args)).rejects.toThrow('is revoked');
  });
});
