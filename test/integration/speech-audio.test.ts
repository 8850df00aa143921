import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../common/protocol/model';
import { createChime, prependChime, withChime } from '../../server/speech/chime';
import { EspeakEngine } from '../../server/speech/espeak-engine';
import type { SpeechEngine } from '../../server/speech/speech-engine';
import { concatAudio, durationSeconds, encodeWav, parseWav, silence, toPcm16, type Audio } from '../../server/speech/wav';

const run = promisify(execFile);

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'talon-audio-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A 440 Hz tone made by sox in the given format. */
async function soxTone(name: string, formatArgs: string[], seconds = 0.5): Promise<Buffer> {
  const path = join(directory, name);
  await run('sox', ['-n', ...formatArgs, path, 'synth', String(seconds), 'sine', '440']);
  return readFile(path);
}

function rms(audio: Audio, fromSeconds = 0, toSeconds = durationSeconds(audio)): number {
  const mono = toPcm16(audio, { sampleRate: audio.sampleRate, channels: 1 });
  const first = Math.floor(fromSeconds * mono.sampleRate);
  const last = Math.floor(toSeconds * mono.sampleRate);
  let sum = 0;
  for (let i = first; i < last; i++) sum += (mono.data.readInt16LE(i * 2) / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, last - first));
}

function zeroCrossings(audio: Audio): number {
  let crossings = 0;
  for (let i = 2; i < audio.data.length; i += 2) {
    if (audio.data.readInt16LE(i - 2) < 0 !== audio.data.readInt16LE(i) < 0) crossings += 1;
  }
  return crossings;
}

describe('WAV reading and conversion', () => {
  it.each([
    { name: 'u8.wav', args: ['-r', '8000', '-c', '1', '-b', '8', '-e', 'unsigned-integer'], rate: 8000, channels: 1, bits: 8, float: false },
    { name: 's16-stereo.wav', args: ['-r', '44100', '-c', '2', '-b', '16'], rate: 44100, channels: 2, bits: 16, float: false },
    { name: 's24.wav', args: ['-r', '48000', '-c', '1', '-b', '24'], rate: 48000, channels: 1, bits: 24, float: false },
    { name: 's32-3ch.wav', args: ['-r', '16000', '-c', '3', '-b', '32'], rate: 16000, channels: 3, bits: 32, float: false },
    { name: 'f32.wav', args: ['-r', '32000', '-c', '1', '-b', '32', '-e', 'floating-point'], rate: 32000, channels: 1, bits: 32, float: true },
  ])('reads a sox $name and converts it to 22050 Hz mono 16-bit at the same pitch and length', async (format) => {
    const audio = parseWav(await soxTone(format.name, format.args));
    expect(audio).toMatchObject({ sampleRate: format.rate, channels: format.channels, bitsPerSample: format.bits, float: format.float });
    expect(durationSeconds(audio)).toBeCloseTo(0.5, 3);

    const converted = toPcm16(audio, { sampleRate: 22050, channels: 1 });
    expect(converted).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16, float: false });
    expect(durationSeconds(converted)).toBeCloseTo(0.5, 3);
    // A 440 Hz sine crosses zero 880 times a second.
    expect(zeroCrossings(converted)).toBeGreaterThan(430);
    expect(zeroCrossings(converted)).toBeLessThan(450);
    expect(rms(converted)).toBeGreaterThan(0.3);
  });

  it('writes what it reads, byte for byte', async () => {
    const original = await soxTone('plain.wav', ['-r', '22050', '-c', '1', '-b', '16']);
    expect(encodeWav(parseWav(original))).toEqual(original);
  });

  it('reads a streamed WAV whose header claims more data than there is, as espeak-ng --stdout writes', () => {
    const audio = silence({ sampleRate: 22050, channels: 1, bitsPerSample: 16, float: false, data: Buffer.alloc(0) }, 0.1);
    const streamed = encodeWav(audio);
    streamed.writeUInt32LE(0x7ffff024, 4);
    streamed.writeUInt32LE(0x7ffff000, 40);
    expect(parseWav(streamed).data.length).toBe(audio.data.length);
  });

  it('skips chunks it does not need, including odd-sized padded ones', () => {
    const audio = { sampleRate: 8000, channels: 1, bitsPerSample: 16, float: false, data: Buffer.from([1, 0, 2, 0]) };
    const plain = encodeWav(audio);
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc'), Buffer.from([0])]);
    const withList = Buffer.concat([plain.subarray(0, 36), list, plain.subarray(36)]);
    expect(parseWav(withList).data).toEqual(audio.data);
  });

  it('refuses a file that is not a WAV', () => {
    expect(() => parseWav(Buffer.from('ID3 this is an mp3'))).toThrow(/Not a WAV/);
  });

  it('refuses to join audio of different formats', () => {
    const a = silence({ sampleRate: 22050, channels: 1, bitsPerSample: 16, float: false, data: Buffer.alloc(0) }, 0.1);
    const b = { ...a, sampleRate: 16000 };
    expect(() => concatAudio([a, b])).toThrow(/different formats: 22050 Hz.*16000 Hz/);
  });
});

describe('chime', () => {
  it('is a short, audible, unclipped tone', () => {
    const chime = createChime(22050);
    expect(durationSeconds(chime)).toBeGreaterThan(0.5);
    expect(durationSeconds(chime)).toBeLessThan(2);
    expect(rms(chime, 0, 0.3)).toBeGreaterThan(0.05);
    let peak = 0;
    for (let i = 0; i < chime.data.length; i += 2) peak = Math.max(peak, Math.abs(chime.data.readInt16LE(i)));
    expect(peak).toBeLessThan(32767 * 0.9);
  });

  it('has two notes: the first half sounds higher than the second', () => {
    const chime = createChime(22050);
    const half = (from: number, to: number) => ({ ...chime, data: chime.data.subarray(from * 2, to * 2) });
    const quarter = Math.round(22050 * 0.3);
    expect(zeroCrossings(half(0, quarter))).toBeGreaterThan(zeroCrossings(half(quarter + 4000, 2 * quarter + 4000)));
  });

  it('goes before espeak-ng speech in one WAV of the speech format, leaving the speech untouched', async () => {
    const speechWav = await new EspeakEngine().synthesize('Талон номер а один', 'ru');
    const speech = parseWav(speechWav);
    const joined = parseWav(prependChime(speechWav));

    expect(joined).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16 });
    const chimeSeconds = durationSeconds(joined) - durationSeconds(speech);
    expect(chimeSeconds).toBeGreaterThan(0.5);
    expect(chimeSeconds).toBeLessThan(2);
    expect(rms(joined, 0, 0.3)).toBeGreaterThan(0.05);
    expect(joined.data.subarray(joined.data.length - speech.data.length)).toEqual(speech.data);
  });

  it("resamples an office's own chime to the speech's rate and channels", async () => {
    const officeChime = await soxTone('office-chime.wav', ['-r', '44100', '-c', '2', '-b', '16'], 0.6);
    const speech = silence({ sampleRate: 22050, channels: 1, bitsPerSample: 16, float: false, data: Buffer.alloc(0) }, 1);
    const joined = parseWav(prependChime(encodeWav(speech), officeChime));

    expect(joined).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16 });
    expect(durationSeconds(joined) - 1).toBeCloseTo(0.6 + 0.25, 2);
    expect(rms(joined, 0, 0.6)).toBeGreaterThan(0.3);
  });

  it('wraps an engine so every phrase starts with the chime, under an id of its own', async () => {
    const quiet: SpeechEngine = {
      id: 'quiet',
      synthesize: async (_text: string, _lang: Lang) =>
        encodeWav(silence({ sampleRate: 16000, channels: 1, bitsPerSample: 16, float: false, data: Buffer.alloc(0) }, 1)),
    };
    const chimed = withChime(quiet);
    const audio = parseWav(await chimed.synthesize('x', 'en'));

    expect(chimed.id).not.toBe(quiet.id);
    expect(audio.sampleRate).toBe(16000);
    expect(rms(audio, 0, 0.3)).toBeGreaterThan(0.05);
    expect(rms(audio, durationSeconds(audio) - 1)).toBe(0);
  });
});
