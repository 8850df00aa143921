import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Lang } from '../../common/protocol/model';
import { fileExists } from './file-exists';
import type { SpeechEngine } from './speech-engine';
import { fragmentPlan, type FragmentStep } from './voice-pack-fragments';
import { concatAudio, encodeWav, parseWav, silence } from './wav';

/** A comma or full stop in the text becomes this much silence between fragments. */
const PAUSE_SECONDS = 0.3;

/**
 * Speaks by joining an office's own recordings (`<directory>/<lang>/<fragment>.wav`, named as in
 * voice-pack-fragments.ts). All fragments of a language must share one PCM format.
 */
export class VoicePackEngine implements SpeechEngine {
  readonly id: string;
  private readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
    this.id = `voice-pack ${this.directory}`;
  }

  private async findFragment(lang: Lang, candidates: readonly string[]): Promise<string | undefined> {
    for (const name of candidates) {
      const path = join(this.directory, lang, `${name.normalize('NFC')}.wav`);
      if (await fileExists(path)) return path;
    }
    return undefined;
  }

  async synthesize(text: string, lang: Lang): Promise<Buffer> {
    const plan = fragmentPlan(text, lang);
    const fragments = plan.filter((step): step is FragmentStep => step.kind === 'fragment');
    if (fragments.length === 0) throw new Error(`Nothing to say in "${text}"`);
    const paths = await Promise.all(fragments.map((step) => this.findFragment(lang, step.candidates)));
    const missing = fragments.filter((_, i) => paths[i] === undefined);
    if (missing.length > 0) throw new Error(this.describeMissing(lang, missing));

    const recordings = await Promise.all(paths.map(async (path) => parseWav(await readFile(path!))));
    const pause = silence(recordings[0]!, PAUSE_SECONDS);
    let next = 0;
    return encodeWav(concatAudio(plan.map((step) => (step.kind === 'pause' ? pause : recordings[next++]!))));
  }

  private describeMissing(lang: Lang, missing: FragmentStep[]): string {
    const lines = missing.map((step) => `«${step.words}»: ${step.candidates.map((name) => `${lang}/${name}.wav`).join(' or ')}`);
    return `Voice pack ${this.directory} lacks fragments for:\n${[...new Set(lines)].join('\n')}`;
  }
}
