import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../../common/protocol/model';
import type { SpeechEngine } from './speech-engine';

/** About 400 clips of a few seconds: every call of a busy hour in three languages, a few MB of disk each. */
export const DEFAULT_ANNOUNCEMENT_CACHE_BYTES = 100 * 1024 * 1024;

/**
 * Keeps synthesized announcements as WAV files in one directory, named by a hash of (engine, lang,
 * text): the same call repeated, or asked for by several displays at once, is synthesized once.
 * Files survive restarts; a file is renamed into place only when complete, so a reader never sees
 * half of one. The directory is bounded: past `maxBytes` the least recently used files are
 * deleted. A file's modification time records its last use, so the order survives restarts.
 */
export class AnnouncementCache {
  private readonly inFlight = new Map<string, Promise<string>>();
  /** Size of each file on disk, least recently used first (a Map keeps insertion order). */
  private files: Promise<Map<string, number>> | undefined;
  private total = 0;
  /** Last use times are kept strictly increasing, so two uses in one millisecond keep their order. */
  private lastUse = 0;

  constructor(
    private readonly directory: string,
    private readonly maxBytes: number = DEFAULT_ANNOUNCEMENT_CACHE_BYTES,
  ) {}

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
    const files = await this.index();
    const size = files.get(path);
    if (size !== undefined) {
      await this.used(files, path, size);
      return path;
    }
    const audio = await engine.synthesize(text, lang);
    await mkdir(this.directory, { recursive: true });
    const partial = `${path}.${randomUUID()}.part`;
    await writeFile(partial, audio);
    await rename(partial, path);
    this.total += audio.length;
    await this.used(files, path, audio.length);
    await this.evict(files, path);
    return path;
  }

  /** Bytes on disk now, for the metrics; the first call reads the directory, as the first announcement would. */
  async bytesOnDisk(): Promise<number> {
    await this.index();
    return this.total;
  }

  /** Moves the file to the most recently used end, in memory and on disk. */
  private async used(files: Map<string, number>, path: string, size: number): Promise<void> {
    files.delete(path);
    files.set(path, size);
    this.lastUse = Math.max(Date.now(), this.lastUse + 1);
    const at = new Date(this.lastUse);
    await utimes(path, at, at).catch(() => undefined);
  }

  /** Deletes the least recently used files until the cache fits, never the one just made. */
  private async evict(files: Map<string, number>, keep: string): Promise<void> {
    for (const [path, size] of files) {
      if (this.total <= this.maxBytes) return;
      if (path === keep) continue;
      files.delete(path);
      this.total -= size;
      await unlink(path).catch(() => undefined);
    }
  }

  /** What is on disk, read once: oldest use first; half-written files of a crashed run are removed. */
  private index(): Promise<Map<string, number>> {
    this.files ??= (async () => {
      const names = await readdir(this.directory).catch(() => [] as string[]);
      const found: { path: string; size: number; used: number }[] = [];
      for (const name of names) {
        const path = join(this.directory, name);
        if (name.endsWith('.part')) await unlink(path).catch(() => undefined);
        if (!name.endsWith('.wav')) continue;
        const info = await stat(path).catch(() => null);
        if (info?.isFile()) found.push({ path, size: info.size, used: info.mtimeMs });
      }
      found.sort((a, b) => a.used - b.used);
      this.total = found.reduce((sum, f) => sum + f.size, 0);
      this.lastUse = found.at(-1)?.used ?? 0;
      const files = new Map(found.map((f) => [f.path, f.size] as const));
      await this.evict(files, '');
      return files;
    })();
    return this.files;
  }
}
