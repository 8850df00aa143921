import type { Lang } from '../../common/protocol/model';

/** Turns an announcement into audio. One adapter per file: espeak-ng, `say`, a recorded voice pack. */
export interface SpeechEngine {
  /** Names the engine and every setting that changes its sound; cached audio is keyed by it. */
  readonly id: string;
  /** A complete WAV file. */
  synthesize(text: string, lang: Lang): Promise<Buffer>;
}
