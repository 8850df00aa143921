import { describe, expect, it } from 'vitest';
import type { Lang } from '../../common/protocol';
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

const call = (code: string, counterNumber: number, language: Lang = 'ru') => ({ code, counterNumber, language });
const url = announcementUrl;

describe('Announcer', () => {
  it("says the ticket's language first, then the display's other languages in their order", async () => {
    const player = manualPlayer();
    const announcer = new Announcer({ play: player.play, languages: () => ['ru', 'uk', 'en'], repeat: () => 1, onBlockedChange: () => undefined });
    const ukrainian = call('Д101', 1, 'uk');
    announcer.enqueue(ukrainian);
    for (let i = 0; i < 3; i++) await player.finish();
    expect(player.started).toEqual([url(ukrainian, 'uk'), url(ukrainian, 'ru'), url(ukrainian, 'en')]);
  });

  it("says queued calls one at a time, in call order, each only in its ticket's language while another call waits", async () => {
    const player = manualPlayer();
    const announcer = new Announcer({ play: player.play, languages: () => ['ru', 'en'], repeat: () => 2, onBlockedChange: () => undefined });
    const first = call('Д101', 1, 'en');
    const second = call('С102', 2, 'ru');
    announcer.enqueue(first);
    announcer.enqueue(second);
    for (let i = 0; i < 6; i++) await player.finish();
    expect(player.started).toEqual([
      // Said twice, as configured; the Russian is left out while С102 waits.
      url(first, 'en'),
      url(first, 'en'),
      // The last call in a quiet hall gets every language, twice.
      url(second, 'ru'),
      url(second, 'en'),
      url(second, 'ru'),
      url(second, 'en'),
    ]);
    expect(player.maxPlaying).toBe(1);
  });

  it('drops the remaining languages of a call as soon as a new call comes in', async () => {
    const player = manualPlayer();
    const announcer = new Announcer({ play: player.play, languages: () => ['ru', 'uk', 'en'], repeat: () => 1, onBlockedChange: () => undefined });
    const first = call('Д101', 1, 'uk');
    const second = call('Д102', 2, 'en');
    announcer.enqueue(first);
    await player.finish();
    // The Russian of Д101 is playing when Д102 is called: it ends, the English of Д101 is skipped.
    announcer.enqueue(second);
    for (let i = 0; i < 4; i++) await player.finish();
    expect(player.started).toEqual([url(first, 'uk'), url(first, 'ru'), url(second, 'en'), url(second, 'ru'), url(second, 'uk')]);
  });

  it("builds the audio URL within the display's office from the ticket code, the counter number and the language", () => {
    const parsed = new URL(announcementUrl(call('Д101', 3), 'uk'), 'http://display');
    expect(parsed.pathname).toBe('/announcements/audio');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({ ticket: 'Д101', counter: '3', lang: 'uk' });
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
    await player.finish();
    await player.finish('blocked');
    expect(announcer.blocked).toBe(true);
    expect(player.started).toHaveLength(2);
    announcer.unblock();
    for (let i = 0; i < 2; i++) await player.finish();
    expect(player.started.slice(2)).toEqual([url(call('Д101', 1), 'ru'), url(call('Д101', 1), 'en')]);
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
