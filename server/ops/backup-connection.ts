// A SQLite connection of its own, apart from the server's Database (its writer and its reader), for
// the few things that must not queue behind the server's statements nor hold them up: copying the
// database (backup.ts) and holding the data folder's lock (restore-lock.ts).
import sqlite3 from 'sqlite3';
import type { Queryable } from '../store/database';
import { openSqlite, queryableOf } from '../store/sqlite-database';

export interface Connection extends Queryable {
  close(): Promise<void>;
}

/** Opens `file` read-write without creating it, unless `mode` says otherwise. */
export async function openConnection(file: string, mode = sqlite3.OPEN_READWRITE): Promise<Connection> {
  const db = await openSqlite(file, mode);
  return { ...queryableOf(db), close: () => new Promise((done, fail) => db.close((e) => (e ? fail(e) : done()))) };
}
