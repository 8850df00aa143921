import { describe, expect, it } from 'vitest';
import { MAX_REPEAT, displaySettingsFrom, mergedParams } from '../../display/src/display-settings';

const settings = (query: string) => displaySettingsFrom(new URLSearchParams(query));

describe('displaySettingsFrom', () => {
  it('gives a speaking hall display of every zone when the URL says nothing', () => {
    expect(settings('')).toMatchObject({
      boothCounterId: null,
      zone: null,
      counterIds: null,
      serviceIds: null,
      layout: 'auto',
      languages: [],
      speak: true,
      repeat: 1,
      volume: 100,
      showWaiting: false,
      ticker: '',
    });
  });

  it('reads zone, counters, services, languages, repeat, volume and the running text', () => {
    expect(settings('zone=hall&counters=booth-1,booth-2&services=documents&lang=ru,en&repeat=2&volume=60&waiting=1&ticker=Hello&layout=portrait')).toMatchObject({
      zone: 'hall',
      counterIds: ['booth-1', 'booth-2'],
      serviceIds: ['documents'],
      languages: ['ru', 'en'],
      repeat: 2,
      volume: 60,
      showWaiting: true,
      ticker: 'Hello',
      layout: 'portrait',
    });
  });

  it('ignores languages Talon does not have and repeats of a language', () => {
    expect(settings('lang=de,uk,uk,en').languages).toEqual(['uk', 'en']);
  });

  it('keeps numbers within their limits instead of failing on a typo', () => {
    expect(settings('repeat=99').repeat).toBe(MAX_REPEAT);
    expect(settings('repeat=0').repeat).toBe(1);
    expect(settings('repeat=two').repeat).toBe(1);
    expect(settings('recent=-3').recentCount).toBe(0);
  });

  it('makes a booth sign silent unless it is told to speak', () => {
    expect(settings('counter=booth-2')).toMatchObject({ boothCounterId: 'booth-2', speak: false });
    expect(settings('counter=booth-2&speak=1').speak).toBe(true);
    expect(settings('speak=0').speak).toBe(false);
  });
});

describe('settings from the server', () => {
  it('takes the device settings an admin gave, with the URL winning where both are given', () => {
    const params = mergedParams({ zone: 'upstairs', lang: ['uk', 'en'], repeat: 2, speak: false }, '?repeat=3&waiting=1');
    const settings = displaySettingsFrom(params);
    expect(settings.zone).toBe('upstairs');
    expect(settings.languages).toEqual(['uk', 'en']);
    expect(settings.repeat).toBe(3);
    expect(settings.speak).toBe(false);
    expect(settings.showWaiting).toBe(true);
  });
});
