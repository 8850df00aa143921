import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announcementText } from '../../common/i18n/announcement-text';
import { LANGUAGES, type Lang } from '../../common/protocol/model';
import { EspeakEngine } from '../../server/speech/espeak-engine';
import { VoicePackEngine } from '../../server/speech/voice-pack-engine';
import { fragmentPlan, type PlanStep } from '../../server/speech/voice-pack-fragments';
import { durationSeconds, encodeWav, parseWav } from '../../server/speech/wav';

const RATE = 16000;
const FRAMES = 160;

/** A fragment whose every sample is `marker`, so the joined audio shows which fragments came in which order. */
function markerWav(marker: number, rate = RATE): Buffer {
  const data = Buffer.alloc(FRAMES * 2);
  for (let i = 0; i < FRAMES; i++) data.writeInt16LE(marker, i * 2);
  return encodeWav({ sampleRate: rate, channels: 1, bitsPerSample: 16, float: false, data });
}

/** Reads the markers back: each run of one value is a fragment, a run of zeros a pause. */
function markers(wav: Buffer): number[] {
  const { data } = parseWav(wav);
  const runs: number[] = [];
  for (let i = 0; i < data.length; i += 2) {
    const value = data.readInt16LE(i);
    if (runs.at(-1) !== value) runs.push(value);
  }
  return runs;
}

const RU_CALL = 'Талон номер бэ сто двадцать три, пройдите к окну номер пять';
const RU_FRAGMENTS = ['талон', 'номер', 'letter-Б', '100', '20', '3', 'пройдите', 'к', 'окну', '5'];

let pack: string;
beforeEach(async () => {
  pack = await mkdtemp(join(tmpdir(), 'talon-pack-'));
});
afterEach(async () => {
  await rm(pack, { recursive: true, force: true });
});

async function record(lang: Lang, fragments: Record<string, Buffer>): Promise<void> {
  await mkdir(join(pack, lang), { recursive: true });
  for (const [name, wav] of Object.entries(fragments)) await writeFile(join(pack, lang, `${name}.wav`), wav);
}

function firstChoices(plan: PlanStep[]): string[] {
  return plan.map((step) => (step.kind === 'pause' ? ',' : step.candidates[0]!));
}

describe('fragmentPlan', () => {
  it('reads a Russian call as words, letter names, number chunks and a pause', () => {
    const plan = fragmentPlan(RU_CALL, 'ru');
    expect(firstChoices(plan)).toEqual(['талон', 'номер', 'letter-Б', '100', '20', '3', ',', 'пройдите', 'к', 'окну', 'номер', '5']);
  });

  it('accepts either recording of a name two letters share, then the word itself', () => {
    const [step] = fragmentPlan('бэ', 'ru');
    expect(step).toEqual({ kind: 'fragment', words: 'бэ', candidates: ['letter-Б', 'letter-B', 'бэ'] });
  });

  it('takes the longest phrase it knows: «дві тисячі» is one fragment, apostrophes included', () => {
    expect(firstChoices(fragmentPlan("Дві тисячі п’ять", 'uk'))).toEqual(['2000', '5']);
  });

  it('splits English hyphenated tens and keeps "and" as a word', () => {
    const plan = fragmentPlan(announcementText('en', 'Б123', 5), 'en');
    expect(firstChoices(plan)).toEqual([
      'ticket', 'letter-Б', '100', 'and', '20', '3', ',', 'please', 'go', 'to', 'window', '5',
    ]);
  });

  it('speaks digits through the number chunks', () => {
    expect(firstChoices(fragmentPlan('окно 2345.', 'ru'))).toEqual(['окно', '2000', '300', '40', '5']);
  });
});

describe('VoicePackEngine', () => {
  it('joins the recorded fragments in order, with silence at the comma', async () => {
    await record('ru', Object.fromEntries(RU_FRAGMENTS.map((name, i) => [name, markerWav(100 * (i + 1))])));
    const wav = await new VoicePackEngine(pack).synthesize(RU_CALL, 'ru');

    expect(parseWav(wav)).toMatchObject({ sampleRate: RATE, channels: 1, bitsPerSample: 16 });
    const order = [1, 2, 3, 4, 5, 6, 0, 7, 8, 9, 2, 10].map((i) => 100 * i);
    expect(markers(wav)).toEqual(order);
    expect(durationSeconds(parseWav(wav))).toBeCloseTo((11 * FRAMES) / RATE + 0.3, 3);
  });

  it('uses the Latin letter recording when the Cyrillic one with the same name is missing', async () => {
    await record('ru', { 'letter-B': markerWav(7), '1': markerWav(8) });
    expect(markers(await new VoicePackEngine(pack).synthesize('бэ один', 'ru'))).toEqual([7, 8]);
  });

  it('names every missing fragment and the files it looked for', async () => {
    await record('ru', Object.fromEntries(RU_FRAGMENTS.filter((name) => name !== 'талон' && name !== '20').map((name) => [name, markerWav(1)])));
    const attempt = new VoicePackEngine(pack).synthesize(RU_CALL, 'ru');

    await expect(attempt).rejects.toThrow(/«талон»: ru\/талон\.wav/);
    await expect(attempt).rejects.toThrow(/«двадцать»: ru\/20\.wav/);
  });

  it('refuses fragments recorded in different formats', async () => {
    await record('ru', { '1': markerWav(1), '2': markerWav(2, 22050) });
    await expect(new VoicePackEngine(pack).synthesize('один два', 'ru')).rejects.toThrow(/different formats/);
  });

  it('refuses text with nothing to say', async () => {
    await expect(new VoicePackEngine(pack).synthesize(', .', 'ru')).rejects.toThrow(/Nothing to say/);
  });

  for (const lang of LANGUAGES) {
    it(`says a whole ${lang} call from a pack recorded word by word with espeak-ng`, async () => {
      const text = announcementText(lang, 'Б123', 5);
      const espeak = new EspeakEngine();
      const steps = fragmentPlan(text, lang).filter((step) => step.kind === 'fragment');
      const recordings: Record<string, Buffer> = {};
      for (const step of steps) recordings[step.candidates[0]!] = await espeak.synthesize(step.words, lang);
      await record(lang, recordings);

      const wav = parseWav(await new VoicePackEngine(pack).synthesize(text, lang));
      const expected = steps.reduce((sum, step) => sum + durationSeconds(parseWav(recordings[step.candidates[0]!]!)), 0.3);
      expect(wav).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16 });
      expect(durationSeconds(wav)).toBeCloseTo(expected, 3);
    });
  }
});
