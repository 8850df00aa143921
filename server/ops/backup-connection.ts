// A SQLite connection of its own, apart from the server's Database (its writer and its reader), for
// the few things that must not queue behind the server's statements nor hold them up: copying the
// database (backup.ts) and holding the data folder's lock (restore-lock.ts).
import sqlite3 from 'sqlite3';
import type { SqlValue } from '../store/database';

export interface Connection {
  exec(sql: string): Promise<void>;
  run(sql: string, params: SqlValue[]): Promise<void>;
  close(): Promise<void>;
}

/** Opens `file` read-write without creating it, unless `mode` says otherwise. */
export function openConnection(file: string, mode = sqlite3.OPEN_READWRITE): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (err) => {
      if (err) return reject(err);
      resolve({
        exec: (sql) => new Promise((done, fail) => db.exec(sql, (e) => (e ? fail(e) : done()))),
        run: (sql, params) => new Promise((done, fail) => db.run(sql, params, (e: Error | null) => (e ? fail(e) : done()))),
        close: () => new Promise((done, fail) => db.close((e) => (e ? fail(e) : done()))),
      });
    });
  });
}
