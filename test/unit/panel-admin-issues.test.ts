// Sorting a refused settings form's issues by field, and what the devices tab says about a device.
import { describe, expect, it } from 'vitest';
import type { Device } from '../../common/protocol';
import type { DevicePresence } from '../../common/protocol/presence';
import { deviceRows, deviceStartLine, displayWarning } from '../../operator-panel/src/admin/admin-devices';
import { IssueReader, issuesOf } from '../../operator-panel/src/admin/admin-issues';

describe('settings form issues', () => {
  const refusal = {
    code: 'invalid-input' as const,
    message: 'Invalid input — …',
    details: { issues: ['prefix: a prefix is one clear capital letter or nothing', 'schedule.weekly.0.hours.open: expected HH:MM', 'body: the end number must be above the start number'] },
  };

  it('gives each field the messages at its path, and nested ones when asked', () => {
    const reader = new IssueReader(issuesOf(refusal, 'fallback'));
    expect(reader.at('prefix')).toEqual(['a prefix is one clear capital letter or nothing']);
    expect(reader.at('schedule.weekly.0')).toEqual([]);
    expect(reader.at('schedule.weekly.0', true)).toEqual(['expected HH:MM']);
  });

  it('leaves what no field took for the form, and hands each message out only once', () => {
    const reader = new IssueReader(issuesOf(refusal, 'fallback'));
    expect(reader.at('prefix')).toHaveLength(1);
    expect(reader.at('prefix')).toEqual([]);
    expect(reader.rest()).toEqual(['schedule.weekly.0.hours.open: expected HH:MM', 'the end number must be above the start number']);
  });

  it('turns a refusal without field issues into one form-level message', () => {
    expect(issuesOf({ code: 'conflict', message: 'Counter number 2 is already used by booth-2' }, 'Clash: Counter number 2 …')).toEqual([
      { path: 'body', message: 'Clash: Counter number 2 …' },
    ]);
  });
});

describe('devices tab', () => {
  const display: Device = { id: 'd1', kind: 'display', name: 'Hall', zone: 'hall', revoked: false, settings: {} };
  const presence = (online: boolean, audio?: 'enabled' | 'blocked' | 'off'): DevicePresence => ({
    deviceId: 'd1',
    kind: 'display',
    name: 'Hall',
    zone: 'hall',
    online,
    since: 0,
    report: audio ? { audio } : {},
  });

  it('warns about a display that is offline, blocked or switched off, and not about one that speaks', () => {
    const warning = (p: DevicePresence | null) => displayWarning(deviceRows([display], p ? [p] : [])[0]!);
    expect(warning(null)).toBe('admin.devices.warnOffline');
    expect(warning(presence(false, 'enabled'))).toBe('admin.devices.warnOffline');
    expect(warning(presence(true, 'blocked'))).toBe('admin.devices.warnBlocked');
    expect(warning(presence(true, 'off'))).toBe('admin.devices.warnOff');
    expect(warning(presence(true, 'enabled'))).toBeNull();
  });

  it('does not warn about a revoked display', () => {
    expect(displayWarning(deviceRows([{ ...display, revoked: true }], [])[0]!)).toBeNull();
  });

  it('lists presence alone for someone who may not read the registered devices', () => {
    expect(deviceRows(null, [presence(true)]).map((r) => [r.id, r.device])).toEqual([['d1', null]]);
  });

  it('gives kiosks and displays an address with their key, and print agents a command', () => {
    expect(deviceStartLine('kiosk', 'k+y', 'http://talon:3000')).toBe('http://talon:3000/kiosk/?key=k%2By');
    expect(deviceStartLine('display', 'abc', 'http://talon:3000')).toBe('http://talon:3000/display/?key=abc');
    expect(deviceStartLine('print-agent', 'abc', 'http://talon:3000')).toMatch(/^npm run print-agent -- --server http:\/\/talon:3000 --key abc --printer /);
  });
});
