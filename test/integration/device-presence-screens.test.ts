// Two screens on one display key, over real sockets: each screen's sound report is kept apart, a
// staff socket is pushed both, and a closed screen leaves the other one standing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevicePresence } from '../../common/protocol';
import { connectClient, type TestClient } from '../support/socket-client';
import { call, officeApi, startTalon, type RunningTalon } from '../support/talon-server';

let talon: RunningTalon;
const clients: TestClient[] = [];

beforeAll(async () => {
  talon = await startTalon();
});

afterAll(async () => {
  for (const client of clients) client.close();
  await talon?.close();
});

async function displayScreens(token: string): Promise<string[]> {
  const answer = await call<DevicePresence[]>(talon, officeApi('/device-presence'), { token });
  if (!answer.body.ok) throw new Error(answer.body.error.message);
  const display = answer.body.data.find((d) => d.kind === 'display');
  return (display?.screens ?? []).map((s) => `${s.report.screen?.kind ?? '?'}:${s.report.audio ?? '?'}`).sort();
}

describe('presence of a display key used on two screens', () => {
  it('keeps the hall’s and the booth sign’s sound apart and pushes both to staff', async () => {
    const token = await talon.login('operator1');
    const staff = await connectClient(talon.url, { token });
    clients.push(staff);
    const pushed: DevicePresence[][] = [];
    staff.socket.on('devices:presence', (list) => pushed.push(list));

    const hall = await connectClient(talon.url, { deviceKey: talon.deviceKey('display') });
    const sign = await connectClient(talon.url, { deviceKey: talon.deviceKey('display') });
    clients.push(hall, sign);
    hall.socket.emit('device:report', { audio: 'blocked', screen: { kind: 'hall', zone: null, counterIds: null } });
    sign.socket.emit('device:report', { audio: 'off', screen: { kind: 'booth-sign', zone: null, counterIds: ['booth-1'] } });

    await expect.poll(() => displayScreens(token)).toEqual(['booth-sign:off', 'hall:blocked']);
    await expect
      .poll(() => pushed.at(-1)?.find((d) => d.kind === 'display')?.screens.map((s) => s.report.audio).sort())
      .toEqual(['blocked', 'off']);

    sign.close();
    await expect.poll(() => displayScreens(token)).toEqual(['hall:blocked']);
  });
});
