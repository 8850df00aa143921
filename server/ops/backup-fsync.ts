// Durable files: a backup or a restored database counts only once it is on the disk, and a rename
// only once the folder that holds it is.
import { open } from 'node:fs/promises';

export async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename in `folder` durable. Windows cannot open a folder; NTFS journals the rename itself. */
export async function fsyncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  await fsyncFile(folder);
}
