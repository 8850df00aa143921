import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementText } from '../../common/i18n/announcement-text';
import { LANGUAGES } from '../../common/protocol/model';
import { cleanSpeechText } from '../../server/speech/clean-text';
import { EspeakEngine, espeakText } from '../../server/speech/espeak-engine';

const run = promisify(execFile);

/** Reads the canonical 44-byte header by hand, independently of server/speech/wav.ts. */
function riffHeader(wav: Buffer) {
  return {
    riff: wav.toString('ascii', 0, 4),
    riffSize: wav.readUInt32LE(4),
    wave: wav.toString('ascii', 8, 12),
    fmt: wav.toString('ascii', 12, 16),
    audioFormat: wav.readUInt16LE(20),
    channels: wav.readUInt16LE(22),
    sampleRate: wav.readUInt32LE(24),
    bitsPerSample: wav.readUInt16LE(34),
    data: wav.toString('ascii', 36, 40),
    dataSize: wav.readUInt32LE(40),
  };
}

/** `sox file -n stat` prints "Length (seconds):  2.07" and "RMS amplitude:  0.08" on stderr. */
async function soxStat(path: string): Promise<{ seconds: number; rms: number }> {
  const { stderr } = await run('sox', [path, '-n', 'stat']);
  const value = (label: string) => Number(new RegExp(`${label}:\\s+([\\d.]+)`).exec(stderr)?.[1]);
  return { seconds: value('Length \\(seconds\\)'), rms: value('RMS\\s+amplitude') };
}

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'talon-espeak-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('EspeakEngine with the real espeak-ng', () => {
  const engine = new EspeakEngine();

  for (const lang of LANGUAGES) {
    it(`speaks a ${lang} announcement as a valid, audible WAV of 1–10 seconds`, async () => {
      const wav = await engine.synthesize(announcementText(lang, 'Б123', 5), lang);

      const header = riffHeader(wav);
      expect(header).toMatchObject({ riff: 'RIFF', wave: 'WAVE', fmt: 'fmt ', data: 'data' });
      expect(header).toMatchObject({ audioFormat: 1, channels: 1, sampleRate: 22050, bitsPerSample: 16 });
      expect(header.riffSize).toBe(wav.length - 8);
      expect(header.dataSize).toBe(wav.length - 44);

      const path = join(directory, `${lang}.wav`);
      await writeFile(path, wav);
      const { seconds, rms } = await soxStat(path);
      expect(seconds).toBeGreaterThan(1);
      expect(seconds).toBeLessThan(10);
      expect(seconds).toBeCloseTo(header.dataSize / 2 / 22050, 2);
      expect(rms).toBeGreaterThan(0.02);
    });
  }

  it('speaks text full of shell and quote characters as plain words', async () => {
    const wav = await engine.synthesize('Талон "А1"; $(reboot) `id` | rm -rf / \\ [[k]]', 'ru');
    expect(riffHeader(wav).dataSize).toBeGreaterThan(22050);
  });

  it('refuses text with nothing to say', async () => {
    await expect(engine.synthesize('"$()`|', 'ru')).rejects.toThrow(/Nothing to say/);
  });

  it('says plainly that espeak-ng is missing when it is', async () => {
    const missing = new EspeakEngine({ command: 'talon-no-such-espeak' });
    await expect(missing.synthesize('Талон', 'ru')).rejects.toThrow(/not installed/);
  });

  it('names its voices and speed in its id, so cached audio follows a settings change', () => {
    expect(new EspeakEngine({ wordsPerMinute: 120 }).id).not.toBe(engine.id);
    expect(new EspeakEngine({ voices: { en: 'en-us' } }).id).not.toBe(engine.id);
  });
});

describe('espeakText', () => {
  /** What espeak-ng would say, as phoneme mnemonics: `k'A` is the letter name «ка». */
  async function phonemes(text: string): Promise<string> {
    const { stdout } = await run('espeak-ng', ['-v', 'ru', '-q', '-x', '-b', '1', '--', text]);
    return stdout.trim();
  }

  it('makes espeak-ng say the Russian «к окну» as a preposition, not as the letter «ка»', async () => {
    expect(await phonemes('пройдите к окну')).toContain("k'A");
    const fixed = espeakText('пройдите к окну, К окну', 'ru');
    expect(fixed).toBe('пройдите [[k]] окну, [[k]] окну');
    expect(await phonemes(fixed)).not.toContain("k'A");
  });

  it('leaves «к» inside words and in other languages alone', () => {
    expect(espeakText('Кира, кот, к-1', 'ru')).toBe('Кира, кот, к-1');
    expect(espeakText('к', 'uk')).toBe('к');
  });
});

describe('cleanSpeechText', () => {
  it.each([
    { text: 'Талон номер бэ, пройдите к окну.', expected: 'Талон номер бэ, пройдите к окну.' },
    { text: "п’ять і пʼять", expected: "п'ять і п'ять" },
    { text: '(SayText "x") \\ [[a]] <b> {c} $d', expected: 'SayText x a b c d' },
    { text: '--help me', expected: 'help me' },
    { text: '  many\n\tspaces  ', expected: 'many spaces' },
  ])('turns "$text" into "$expected"', ({ text, expected }) => {
    expect(cleanSpeechText(text)).toBe(expected);
  });

  it('refuses an announcement longer than anyone would listen to', () => {
    expect(() => cleanSpeechText('слово '.repeat(200))).toThrow(/limit/);
  });
});
