// Sorting a refused settings form's issues by field, and what the devices tab says about a device.
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../common/i18n';
import type { Counter, Device } from '../../common/protocol';
import type { DevicePresence, ScreenPresence } from '../../common/protocol/presence';
import { deviceRows, deviceStartLine, displayWarning, screenName, screenWarning } from '../../operator-panel/src/admin/admin-devices';
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
  const display: Device = { id: 'd1', officeId: 'main', kind: 'display', name: 'Hall', zone: 'hall', revoked: false, settings: {} };
  type Audio = 'enabled' | 'blocked' | 'off';
  const hall = (audio: Audio): ScreenPresence => ({ screenId: 'hall-tab', since: 0, report: { audio, screen: { kind: 'hall', zone: null, counterIds: null } } });
  const sign = (audio: Audio): ScreenPresence => ({ screenId: 'sign-tab', since: 0, report: { audio, screen: { kind: 'booth-sign', zone: null, counterIds: ['booth-3'] } } });
  const presence = (online: boolean, screens: ScreenPresence[] = []): DevicePresence => ({
    deviceId: 'd1',
    kind: 'display',
    name: 'Hall',
    zone: 'hall',
    online,
    since: 0,
    screens,
  });

  it('warns about a display with no screen connected', () => {
    const warning = (p: DevicePresence | null) => displayWarning(deviceRows([display], p ? [p] : [])[0]!);
    expect(warning(null)).toBe('admin.devices.warnOffline');
    expect(warning(presence(false))).toBe('admin.devices.warnOffline');
    expect(warning(presence(true, [hall('enabled')]))).toBeNull();
  });

  it('tells each screen of one key apart: a hall waiting for a tap is not "off in settings" because its booth sign is', () => {
    expect(screenWarning(hall('blocked'))).toBe('admin.devices.warnBlocked');
    expect(screenWarning(hall('off'))).toBe('admin.devices.warnOff');
    expect(screenWarning(hall('enabled'))).toBeNull();
    // A booth sign is silent by default; only one that should speak but is blocked deserves a warning.
    expect(screenWarning(sign('off'))).toBeNull();
    expect(screenWarning(sign('blocked'))).toBe('admin.devices.warnBlocked');
  });

  it('names each screen by what it shows', () => {
    const t = translatorFor('en');
    const counters = [{ id: 'booth-3', number: 3 }] as Counter[];
    expect(screenName(hall('enabled'), counters, t)).toBe('Hall screen');
    expect(screenName(sign('off'), counters, t)).toBe('Sign above booth 3');
    expect(screenName({ screenId: 'x', since: 0, report: { screen: { kind: 'hall', zone: 'upstairs', counterIds: null } } }, counters, t)).toBe('Hall screen, zone upstairs');
  });

  it('does not warn about a revoked display', () => {
    expect(displayWarning(deviceRows([{ ...display, revoked: true }], [])[0]!)).toBeNull();
  });

  it('lists presence alone for someone who may not read the registered devices', () => {
    expect(deviceRows(null, [presence(true, [hall('enabled')])]).map((r) => [r.id, r.device])).toEqual([['d1', null]]);
  });

  it('gives kiosks and displays an address with their key, and print agents a command', () => {
    expect(deviceStartLine('kiosk', 'k+y', 'http://talon:3000')).toBe('http://talon:3000/kiosk/?key=k%2By');
    expect(deviceStartLine('display', 'abc', 'http://talon:3000')).toBe('http://talon:3000/display/?key=abc');
    expect(deviceStartLine('print-agent', 'abc', 'http://talon:3000')).toMatch(/^npm run print-agent -- --server http:\/\/talon:3000 --key abc --printer /);
  });
});
