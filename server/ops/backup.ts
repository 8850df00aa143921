// A consistent copy of Talon's SQLite database, taken while the server goes on serving.
//
// VACUUM INTO on a connection of its own, not SQLite's online backup API. In WAL mode a reader never
// blocks the writer, and VACUUM INTO is a single read transaction: the copy is the database as it was
// when the copy began, every commit acknowledged before then included, and the server's writer keeps
// committing meanwhile (the WAL only grows until the copy ends and a checkpoint can pass it). The
// backup API copies in steps and starts over whenever another connection writes between two steps:
// under a steady stream of tickets it may never finish; done in one step it holds the same read
// transaction as VACUUM INTO, without compacting the copy. A connection of its own, because the
// server's reader answers every query and would wait behind the copy.
//
// SQLite neither fsyncs VACUUM INTO's output nor cleans up after a crash mid-copy, so the copy is
// written beside the target under another name, synced, and only then renamed to the target.
import { rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openConnection } from './backup-connection';
import { fsyncFile, fsyncFolder } from './backup-fsync';

/** Copies the database `source` into `target` (a file that must not exist yet). */
export async function backupDatabase(source: string, target: string): Promise<void> {
  const partial = `${target}.partial`;
  // VACUUM INTO refuses a file that exists: a copy a crash left half-written is dropped.
  await rm(partial, { force: true });
  const connection = await openConnection(source);
  try {
    await connection.exec('PRAGMA busy_timeout = 5000');
    await connection.run('VACUUM INTO ?', [partial]);
  } finally {
    await connection.close();
  }
  await fsyncFile(partial);
  await rename(partial, target);
  await fsyncFolder(dirname(target));
}

/** A moment as a file name's part, in UTC and without colons (Windows refuses them): 2026-12-02T03-00-00Z. */
export function backupStamp(at: number): string {
  return new Date(at).toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
}
