import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import say from 'say';
import type { Lang } from '../../common/protocol/model';
import { cleanSpeechText } from './clean-text';
import type { SpeechEngine } from './speech-engine';
import { encodeWav, parseWav, toPcm16 } from './wav';

/** The part of the `say` package this engine uses; tests pass a recording stand-in. */
export interface SayBackend {
  speak(text: string, voice?: string, speed?: number, callback?: (err: string) => void): void;
  export(text: string, voice?: string, speed?: number, filePath?: string, callback?: (err: string) => void): void;
}

export interface SayEngineOptions {
  say?: SayBackend;
  platform?: NodeJS.Platform;
  /** Voice names per language; defaults depend on the platform (see DEFAULT_VOICES). */
  voices?: Partial<Record<Lang, string>>;
}

// Linux: Festival with Debian's festvox-ru; there is no Ukrainian Festival voice, and English ones
// are separate packages, so an office that has one names it here. macOS and Windows ship these.
const DEFAULT_VOICES: Partial<Record<NodeJS.Platform, Partial<Record<Lang, string>>>> = {
  linux: { ru: 'voice_msu_ru_nsh_clunits' },
  darwin: { ru: 'Milena', uk: 'Lesya', en: 'Samantha' },
  win32: { ru: 'Microsoft Irina Desktop', en: 'Microsoft Zira Desktop' },
};

// `say` pastes the voice into Festival Scheme `(voice)` on Linux and into a PowerShell string on
// Windows: a name is letters, digits, '_', '-' and spaces, nothing that could end either.
const SAFE_VOICE = /^[A-Za-z0-9_ -]+$/;

function settle(resolve: () => void, reject: (error: Error) => void): (err: string) => void {
  return (err) => (err ? reject(new Error(`say: ${String(err)}`)) : resolve());
}

/**
 * The `say` package. On Linux it can only play through the server's own speakers (`speak`), for a
 * hall whose loudspeakers hang off the server; `synthesize` works on macOS and Windows, where
 * `say.export` writes files.
 */
export class SayEngine implements SpeechEngine {
  readonly id: string;
  private readonly say: SayBackend;
  private readonly platform: NodeJS.Platform;
  private readonly voices: Partial<Record<Lang, string>>;

  constructor(options: SayEngineOptions = {}) {
    this.say = options.say ?? say;
    this.platform = options.platform ?? process.platform;
    this.voices = { ...DEFAULT_VOICES[this.platform], ...options.voices };
    for (const voice of Object.values(this.voices)) {
      if (!SAFE_VOICE.test(voice)) throw new Error(`Unsafe voice name for say: "${voice}"`);
    }
    this.id = `say ${this.platform} ${JSON.stringify(this.voices)}`;
  }

  private voiceFor(lang: Lang): string {
    const voice = this.voices[lang];
    if (!voice) throw new Error(`No say voice for "${lang}" on ${this.platform}; set one in the engine options`);
    return voice;
  }

  /** Plays the announcement on this computer's speakers and resolves when it has been said. */
  speak(text: string, lang: Lang): Promise<void> {
    const cleaned = cleanSpeechText(text);
    const voice = this.voiceFor(lang);
    return new Promise((resolve, reject) => this.say.speak(cleaned, voice, undefined, settle(resolve, reject)));
  }

  async synthesize(text: string, lang: Lang): Promise<Buffer> {
    if (this.platform === 'linux') {
      throw new Error('say cannot write audio files on Linux, only play them on the server: use EspeakEngine or SayEngine.speak');
    }
    const cleaned = cleanSpeechText(text);
    const voice = this.voiceFor(lang);
    const directory = await mkdtemp(join(tmpdir(), 'talon-say-'));
    try {
      const file = join(directory, 'speech.wav');
      await new Promise<void>((resolve, reject) => this.say.export(cleaned, voice, undefined, file, settle(resolve, reject)));
      // macOS writes 32-bit float; everything else in Talon joins 16-bit PCM.
      const audio = parseWav(await readFile(file));
      return encodeWav(toPcm16(audio, { sampleRate: audio.sampleRate, channels: audio.channels }));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }
}
