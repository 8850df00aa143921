// One display key may run two screens at once (the hall and a booth sign): the presence board
// keeps each screen's report apart, and the booth panel learns which hall screens announcing its
// calls cannot speak.
import { describe, expect, it } from 'vitest';
import type { Device, DeviceReport } from '../../common/protocol';
import { silentHallScreens } from '../../operator-panel/src/booth/hall-sound';
import { DevicePresenceBoard } from '../../server/realtime/presence';

const display: Device = { id: 'd1', officeId: 'main', kind: 'display', name: 'Hall display', zone: 'hall', revoked: false, settings: {} };
const HALL: DeviceReport['screen'] = { kind: 'hall', zone: null, counterIds: null };
const SIGN: DeviceReport['screen'] = { kind: 'booth-sign', zone: null, counterIds: ['booth-3'] };

describe('presence per screen', () => {
  it('keeps the sound of a hall screen and a booth sign sharing one key apart', () => {
    const board = new DevicePresenceBoard(() => 1000);
    board.connected(display, 'hall-socket');
    board.connected(display, 'sign-socket');
    board.report(display, 'hall-socket', { audio: 'blocked', screen: HALL });
    board.report(display, 'sign-socket', { audio: 'off', screen: SIGN });
    const [device] = board.list();
    expect(device!.screens.map((s) => [s.screenId, s.report.audio])).toEqual([
      ['hall-socket', 'blocked'],
      ['sign-socket', 'off'],
    ]);
  });

  it('forgets a screen that disconnects and stays online while another is connected', () => {
    let now = 1000;
    const board = new DevicePresenceBoard(() => now);
    board.connected(display, 'a');
    board.connected(display, 'b');
    now = 2000;
    board.disconnected(display, 'a');
    expect(board.list()[0]).toMatchObject({ online: true, since: 1000 });
    expect(board.list()[0]!.screens.map((s) => s.screenId)).toEqual(['b']);
    board.disconnected(display, 'b');
    expect(board.list()[0]).toMatchObject({ online: false, since: 2000, screens: [] });
  });

  it('ignores a report from a screen it does not know or in a shape it does not accept', () => {
    const board = new DevicePresenceBoard(() => 0);
    board.connected(display, 'a');
    expect(board.report(display, 'ghost', { audio: 'off' })).toBe(false);
    expect(board.report(display, 'a', { audio: 'loud' })).toBe(false);
    expect(board.list()[0]!.screens[0]!.report).toEqual({});
  });
});

describe('silent hall screens for a booth', () => {
  const booth = { id: 'booth-3', zone: 'hall' };
  const device = (name: string, screens: DeviceReport[]) => ({
    deviceId: name,
    kind: 'display' as const,
    name,
    zone: null,
    online: screens.length > 0,
    since: 0,
    screens: screens.map((report, i) => ({ screenId: `${name}-${i}`, since: 0, report })),
  });

  it('names a hall screen announcing the booth that waits for a tap, and not its silent booth sign', () => {
    const devices = [device('Hall display', [{ audio: 'blocked', screen: HALL }, { audio: 'off', screen: SIGN }])];
    expect(silentHallScreens(devices, booth)).toEqual([{ name: 'Hall display', audio: 'blocked' }]);
  });

  it('says nothing when the hall speaks', () => {
    expect(silentHallScreens([device('Hall display', [{ audio: 'enabled', screen: HALL }, { audio: 'off', screen: SIGN }])], booth)).toEqual([]);
  });

  it('leaves out hall screens of another zone or other counters', () => {
    const devices = [
      device('Upstairs', [{ audio: 'off', screen: { kind: 'hall', zone: 'upstairs', counterIds: null } }]),
      device('Other booths', [{ audio: 'blocked', screen: { kind: 'hall', zone: null, counterIds: ['booth-1'] } }]),
      device('This zone', [{ audio: 'off', screen: { kind: 'hall', zone: 'hall', counterIds: ['booth-3'] } }]),
    ];
    expect(silentHallScreens(devices, booth)).toEqual([{ name: 'This zone', audio: 'off' }]);
  });
});
