import { describe, expect, it } from 'vitest';
import { Announcer, STALE_AFTER_MS, announcementUrl, type PlayResult } from '../../display/src/announcer';

/** A player whose clips end only when the test says so, recording every URL and any overlap. */
function manualPlayer() {
  const started: string[] = [];
  const pending: ((result: PlayResult) => void)[] = [];
  let playing = 0;
  let maxPlaying = 0;
  return {
    started,
    get maxPlaying() {
      return maxPlaying;
    },
    play: (url: string) =>
      new Promise<PlayResult>((resolve) => {
        started.push(url);
        maxPlaying = Math.max(maxPlaying, ++playing);
        pending.push((result) => {
          playing--;
          resolve(result);
        });
      }),
    /** Ends the clip now playing with `result` and lets the announcer move on. */
    async finish(result: PlayResult = 'played') {
      pending.shift()!(result);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

const call = (code: string, counterNumber: number) => ({ code, counterNumber });

describe('Announcer', () => {
  it('says queued calls one at a time, in call order, in every language, as many times as configured', async () => {
    const player = manualPlayer();
    const announcer = new Announcer({ play: player.play, languages: () => ['ru', 'en'], repeat: () => 2, onBlockedChange: () => undefined });
    announcer.enqueue(call('Д101', 1));
    announcer.enqueue(call('С102', 2));
    for (let i = 0; i < 8; i++) await player.finish();
    const expected = [
      ...[1, 2].flatMap(() => [announcementUrl(call('Д101', 1), 'ru'), announcementUrl(call('Д101', 1), 'en')]),
      ...[1, 2].flatMap(() => [announcementUrl(call('С102', 2), 'ru'), announcementUrl(call('С102', 2), 'en')]),
    ];
    expect(player.started).toEqual(expected);
    expect(player.maxPlaying).toBe(1);
  });

  it('builds the audio URL from the ticket code, the counter number and the language', () => {
    const url = new URL(announcementUrl(call('Д101', 3), 'uk'), 'http://display');
    expect(url.pathname).toBe('/api/announcements/audio');
    expect(Object.fromEntries(url.searchParams)).toEqual({ ticket: 'Д101', counter: '3', lang: 'uk' });
  });

  it('skips a clip that fails and still says the next call', async () => {
    const player = manualPlayer();
    const announcer = new Announcer({ play: player.play, languages: () => ['ru'], repeat: () => 1, onBlockedChange: () => undefined });
    announcer.enqueue(call('Д101', 1));
    announcer.enqueue(call('Д102', 2));
    await player.finish('failed');
    await player.finish();
    expect(player.started).toEqual([announcementUrl(call('Д101', 1), 'ru'), announcementUrl(call('Д102', 2), 'ru')]);
  });

  it('stops when sound is blocked and, after a tap, says the blocked call again from its start', async () => {
    const player = manualPlayer();
    const blockedChanges: boolean[] = [];
    const announcer = new Announcer({ play: player.play, languages: () => ['ru', 'en'], repeat: () => 1, onBlockedChange: (b) => blockedChanges.push(b) });
    announcer.enqueue(call('Д101', 1));
    announcer.enqueue(call('Д102', 2));
    await player.finish();
    await player.finish('blocked');
    expect(announcer.blocked).toBe(true);
    expect(player.started).toHaveLength(2);
    announcer.unblock();
    for (let i = 0; i < 4; i++) await player.finish();
    expect(player.started.slice(2)).toEqual([
      announcementUrl(call('Д101', 1), 'ru'),
      announcementUrl(call('Д101', 1), 'en'),
      announcementUrl(call('Д102', 2), 'ru'),
      announcementUrl(call('Д102', 2), 'en'),
    ]);
    expect(blockedChanges).toEqual([true, false]);
  });

  it('drops calls that went stale while sound was blocked', async () => {
    const player = manualPlayer();
    let now = 1_000_000;
    const announcer = new Announcer({ play: player.play, languages: () => ['ru'], repeat: () => 1, onBlockedChange: () => undefined, now: () => now });
    announcer.markBlocked();
    announcer.enqueue(call('Д101', 1));
    now += STALE_AFTER_MS + 1;
    announcer.enqueue(call('Д102', 2));
    expect(player.started).toEqual([]);
    announcer.unblock();
    await player.finish();
    expect(player.started).toEqual([announcementUrl(call('Д102', 2), 'ru')]);
  });
});
