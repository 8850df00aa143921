import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../../common/protocol/model';
import { fileExists } from './file-exists';
import type { SpeechEngine } from './speech-engine';

/**
 * Keeps synthesized announcements as WAV files in one directory, named by a hash of (engine, lang,
 * text): the same call repeated, or asked for by several displays at once, is synthesized once.
 * Files survive restarts; a file is renamed into place only when complete, so a reader never sees
 * half of one.
 */
export class AnnouncementCache {
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(private readonly directory: string) {}

  /** The path of the WAV for this phrase, synthesizing it first if it is not cached yet. */
  audioFile(engine: SpeechEngine, lang: Lang, text: string): Promise<string> {
    const hash = createHash('sha256').update(JSON.stringify([engine.id, lang, text])).digest('hex');
    const path = join(this.directory, `${hash.slice(0, 32)}.wav`);
    const pending = this.inFlight.get(path);
    if (pending) return pending;
    const produced = this.produce(path, engine, lang, text).finally(() => this.inFlight.delete(path));
    this.inFlight.set(path, produced);
    return produced;
  }

  private async produce(path: string, engine: SpeechEngine, lang: Lang, text: string): Promise<string> {
    if (await fileExists(path)) return path;
    const audio = await engine.synthesize(text, lang);
    await mkdir(this.directory, { recursive: true });
    const partial = `${path}.${randomUUID()}.part`;
    await writeFile(partial, audio);
    await rename(partial, path);
    return path;
  }
}
