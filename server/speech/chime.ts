import { createHash } from 'node:crypto';
import type { Lang } from '../../common/protocol/model';
import type { SpeechEngine } from './speech-engine';
import { concatAudio, encodeWav, parseWav, pcm16FromSamples, silence, toPcm16, type Audio } from './wav';

// A soft "ding-dong" (E5 then C5, like a station chime) so people look up before the words start.
const NOTES = [
  { hz: 659.25, start: 0, seconds: 0.45 },
  { hz: 523.25, start: 0.35, seconds: 0.75 },
];
const LENGTH_SECONDS = 1.1;
const GAP_BEFORE_SPEECH_SECONDS = 0.25;
const PEAK = 0.45;

/** Generates the chime in 16-bit mono at the given rate: a bell-like tone, quick attack, slow decay. */
export function createChime(sampleRate: number): Audio {
  const samples = new Float64Array(Math.round(LENGTH_SECONDS * sampleRate));
  for (const note of NOTES) {
    const first = Math.round(note.start * sampleRate);
    const count = Math.min(Math.round(note.seconds * sampleRate), samples.length - first);
    for (let i = 0; i < count; i++) {
      const t = i / sampleRate;
      const attack = Math.min(1, t / 0.01); // 10 ms fade-in, or the note clicks
      const decay = Math.exp(-t * 5);
      // A quieter octave above makes the sine sound like a bell rather than a test tone.
      const tone = Math.sin(2 * Math.PI * note.hz * t) + 0.3 * Math.sin(4 * Math.PI * note.hz * t);
      samples[first + i]! += (PEAK / 1.3) * attack * decay * tone;
    }
  }
  return pcm16FromSamples([samples], sampleRate);
}

const generatedChimes = new Map<number, Audio>();

function defaultChime(sampleRate: number): Audio {
  let chime = generatedChimes.get(sampleRate);
  if (!chime) {
    chime = createChime(sampleRate);
    generatedChimes.set(sampleRate, chime);
  }
  return chime;
}

/**
 * One WAV: chime, a short gap, then the speech. The result is 16-bit PCM in the speech's rate and
 * channel count; an office's own chime in another format is converted to match.
 */
export function prependChime(speechWav: Buffer, chimeWav?: Buffer): Buffer {
  const speech = parseWav(speechWav);
  const format = { sampleRate: speech.sampleRate, channels: speech.channels };
  const chime = toPcm16(chimeWav ? parseWav(chimeWav) : defaultChime(speech.sampleRate), format);
  return encodeWav(concatAudio([chime, silence(chime, GAP_BEFORE_SPEECH_SECONDS), toPcm16(speech, format)]));
}

/** Wraps an engine so that everything it says starts with the chime. */
export function withChime(engine: SpeechEngine, chimeWav?: Buffer): SpeechEngine {
  const chimeId = chimeWav ? createHash('sha256').update(chimeWav).digest('hex').slice(0, 12) : 'default';
  return {
    id: `${engine.id} + chime ${chimeId}`,
    async synthesize(text: string, lang: Lang): Promise<Buffer> {
      return prependChime(await engine.synthesize(text, lang), chimeWav);
    },
  };
}
