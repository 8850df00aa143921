import { rename, writeFile } from 'node:fs/promises';

/** Writes a small private file so that a crash mid-write leaves the old content or the new, never half of it. */
export async function writeAtomically(file: string, content: string): Promise<void> {
  const partial = `${file}.part`;
  await writeFile(partial, content, { mode: 0o600 });
  await rename(partial, file);
}
