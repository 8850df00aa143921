import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announcementText } from '../../common/i18n/announcement-text';
import type { Lang } from '../../common/protocol/model';
import { AnnouncementCache } from '../../server/speech/announcement-cache';
import { EspeakEngine } from '../../server/speech/espeak-engine';
import type { SpeechEngine } from '../../server/speech/speech-engine';

/** The real espeak-ng, counting how often it is asked. */
class CountingEngine implements SpeechEngine {
  readonly id: string;
  calls = 0;
  failNext = false;
  constructor(private readonly inner: SpeechEngine) {
    this.id = inner.id;
  }
  async synthesize(text: string, lang: Lang): Promise<Buffer> {
    this.calls += 1;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('synthesis failed');
    }
    return this.inner.synthesize(text, lang);
  }
}

let directory: string;
let engine: CountingEngine;
beforeEach(async () => {
  directory = join(await mkdtemp(join(tmpdir(), 'talon-cache-')), 'announcements');
  engine = new CountingEngine(new EspeakEngine());
});
afterEach(async () => {
  await rm(dirname(directory), { recursive: true, force: true });
});

const phrase = announcementText('ru', 'А101', 3);

describe('AnnouncementCache', () => {
  it('synthesizes a phrase asked for by several displays at once only once, and gives all the same file', async () => {
    const cache = new AnnouncementCache(directory);
    const paths = await Promise.all([1, 2, 3, 4].map(() => cache.audioFile(engine, 'ru', phrase)));

    expect(new Set(paths).size).toBe(1);
    expect(engine.calls).toBe(1);
    const wav = await readFile(paths[0]!);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
  });

  it('returns the cached file for a repeated phrase without synthesizing again', async () => {
    const cache = new AnnouncementCache(directory);
    const first = await cache.audioFile(engine, 'ru', phrase);
    const again = await cache.audioFile(engine, 'ru', phrase);

    expect(again).toBe(first);
    expect(engine.calls).toBe(1);
  });

  it('keeps its files across restarts', async () => {
    const first = await new AnnouncementCache(directory).audioFile(engine, 'ru', phrase);
    const afterRestart = await new AnnouncementCache(directory).audioFile(engine, 'ru', phrase);

    expect(afterRestart).toBe(first);
    expect(engine.calls).toBe(1);
  });

  it('keeps different phrases, languages and engines apart', async () => {
    const cache = new AnnouncementCache(directory);
    const slower = new CountingEngine(new EspeakEngine({ wordsPerMinute: 120 }));
    const paths = await Promise.all([
      cache.audioFile(engine, 'ru', phrase),
      cache.audioFile(engine, 'ru', announcementText('ru', 'А102', 3)),
      cache.audioFile(engine, 'uk', phrase),
      cache.audioFile(slower, 'ru', phrase),
    ]);

    expect(new Set(paths).size).toBe(4);
    expect(engine.calls + slower.calls).toBe(4);
  });

  it('names files by hash, so no announcement text reaches the file system', async () => {
    const path = await new AnnouncementCache(directory).audioFile(engine, 'ru', phrase);

    expect(dirname(path)).toBe(directory);
    expect(basename(path)).toMatch(/^[0-9a-f]{32}\.wav$/);
    expect(await readdir(directory)).toEqual([basename(path)]);
  });

  it('does not remember a failure: the next request synthesizes again', async () => {
    const cache = new AnnouncementCache(directory);
    engine.failNext = true;
    await expect(cache.audioFile(engine, 'ru', phrase)).rejects.toThrow('synthesis failed');

    const path = await cache.audioFile(engine, 'ru', phrase);
    expect(engine.calls).toBe(2);
    expect(await readdir(directory)).toEqual([basename(path)]);
  });
});
