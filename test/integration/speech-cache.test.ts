import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

/** Clips of a known size, so the size bound can be checked exactly; the disk is real. */
class FixedSizeEngine implements SpeechEngine {
  readonly id = 'fixed-1000';
  calls = 0;
  async synthesize(text: string): Promise<Buffer> {
    this.calls += 1;
    return Buffer.alloc(1000, text);
  }
}

describe('AnnouncementCache with a size bound', () => {
  const fixed = new FixedSizeEngine();
  const clips = async () => (await readdir(directory)).filter((f) => f.endsWith('.wav')).sort();

  it('never keeps more than its bound on disk and forgets the phrase used least recently', async () => {
    const cache = new AnnouncementCache(directory, 2500);
    const a = await cache.audioFile(fixed, 'ru', 'А101');
    const b = await cache.audioFile(fixed, 'ru', 'А102');
    await cache.audioFile(fixed, 'ru', 'А101');
    const c = await cache.audioFile(fixed, 'ru', 'А103');

    expect(await clips()).toEqual([a, c].map((p) => basename(p)).sort());
    expect(await clips()).not.toContain(basename(b));
    for (let n = 104; n < 130; n += 1) await cache.audioFile(fixed, 'ru', `А${n}`);
    expect((await clips()).length).toBe(2);
  });

  it('remembers which phrase was used last across a restart', async () => {
    const before = new AnnouncementCache(directory, 2500);
    const a = await before.audioFile(fixed, 'ru', 'А101');
    const b = await before.audioFile(fixed, 'ru', 'А102');
    await before.audioFile(fixed, 'ru', 'А101');

    const after = new AnnouncementCache(directory, 2500);
    const c = await after.audioFile(fixed, 'ru', 'А103');
    expect(await clips()).toEqual([a, c].map((p) => basename(p)).sort());
    expect(b).not.toBe(a);
  });

  it('trims a directory grown past its bound, and removes half-written files, when it starts', async () => {
    const big = new AnnouncementCache(directory, 10_000);
    for (let n = 101; n < 106; n += 1) await big.audioFile(fixed, 'ru', `А${n}`);
    await writeFile(join(directory, 'crashed.wav.1234.part'), Buffer.alloc(500));

    const small = new AnnouncementCache(directory, 2500);
    const newest = await small.audioFile(fixed, 'ru', 'А106');
    expect(await readdir(directory)).toHaveLength(2);
    expect(await readdir(directory)).toContain(basename(newest));
  });
});
