import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Lang } from '../../common/protocol/model';
import { cleanSpeechText } from './clean-text';
import type { SpeechEngine } from './speech-engine';
import { encodeWav, parseWav } from './wav';

const run = promisify(execFile);

export interface EspeakOptions {
  /** The executable; `espeak-ng` from Debian's package of that name by default. */
  command?: string;
  voices?: Partial<Record<Lang, string>>;
  /** Halls echo: a little slower than espeak-ng's 175 words per minute is easier to follow. */
  wordsPerMinute?: number;
  timeoutMs?: number;
}

const DEFAULT_VOICES: Record<Lang, string> = { ru: 'ru', uk: 'uk', en: 'en' };

/**
 * The text as espeak-ng should get it: cleaned, and with the Russian preposition «к» written in
 * espeak-ng's phoneme syntax `[[k]]`, because espeak-ng 1.51 reads a lone «к» as the letter name
 * («ка окну»). The cleaner has removed any brackets of the text's own, so only this one remains.
 */
export function espeakText(text: string, lang: Lang): string {
  const cleaned = cleanSpeechText(text);
  return lang === 'ru' ? cleaned.replace(/(?<![\p{L}'-])[кК](?![\p{L}'-])/gu, '[[k]]') : cleaned;
}

/** Speaks with espeak-ng and returns its WAV (22050 Hz, mono, 16-bit) with a correct header. */
export class EspeakEngine implements SpeechEngine {
  readonly id: string;
  private readonly command: string;
  private readonly voices: Record<Lang, string>;
  private readonly wordsPerMinute: number;
  private readonly timeoutMs: number;

  constructor(options: EspeakOptions = {}) {
    this.command = options.command ?? 'espeak-ng';
    this.voices = { ...DEFAULT_VOICES, ...options.voices };
    this.wordsPerMinute = options.wordsPerMinute ?? 150;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.id = `espeak-ng ${JSON.stringify(this.voices)} ${this.wordsPerMinute}wpm`;
  }

  async synthesize(text: string, lang: Lang): Promise<Buffer> {
    const spoken = espeakText(text, lang);
    // An argument array, never a shell string; '-b 1' reads UTF-8 whatever the server's locale.
    const args = ['-v', this.voices[lang], '-s', String(this.wordsPerMinute), '-b', '1', '--stdout', '--', spoken];
    try {
      const { stdout } = await run(this.command, args, {
        encoding: 'buffer',
        timeout: this.timeoutMs,
        maxBuffer: 32 * 1024 * 1024,
      });
      return encodeWav(parseWav(stdout));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(`${this.command} is not installed (Debian: apt-get install espeak-ng)`, { cause: error });
      }
      throw error;
    }
  }
}
