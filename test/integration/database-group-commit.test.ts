// The database facade's group commit: transactions that arrive while the writer is busy are written
// together, yet each stays atomic on its own and is answered only once it is durable.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database } from '../../server/store/database';
import { SqliteDatabase } from '../../server/store/sqlite-database';
import { onlyOn } from '../support/test-database';

// SQLite only: group commit is how the SQLite engine shares its one writer; PostgreSQL runs transactions side by side.
onlyOn('sqlite')('group commit', () => {
  let db: Database;

  beforeEach(async () => {
    db = await SqliteDatabase.open(join(mkdtempSync(join(tmpdir(), 'talon-group-')), 'db.sqlite'));
    await db.transaction((tx) => tx.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, label TEXT NOT NULL)'));
  });

  afterEach(async () => {
    await db.close();
  });

  const insert = (n: number) =>
    db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (n, label) VALUES (?, ?)', [n, `first ${n}`]);
      await tx.run('UPDATE t SET label = ? WHERE n = ?', [`row ${n}`, n]);
      return n;
    });

  const rows = () => db.read.all<{ n: number; label: string }>('SELECT n, label FROM t ORDER BY n');

  it('commits many concurrent transactions, each answered with its own value once committed', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, (_, n) => insert(n).then(async (value) => ({ value, seen: await db.read.get('SELECT 1 FROM t WHERE n = ?', [n]) }))));
    expect(answers.map((a) => a.value)).toEqual(Array.from({ length: 200 }, (_, n) => n));
    // Durable before answered: the reader, which sees only committed data, finds each row at once.
    expect(answers.every((a) => a.seen)).toBe(true);
    expect(await rows()).toHaveLength(200);
  });

  it('undoes a failing transaction alone, its half-done writes too, and commits the others of its group', async () => {
    // The first keeps the writer busy, so the next three wait and are written as one group.
    const first = insert(0);
    const failing = db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (n, label) VALUES (100, ?)', ['half done']);
      await tx.run('INSERT INTO t (n, label) VALUES (101, NULL)');
    });
    const results = await Promise.allSettled([first, insert(1), failing, insert(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await rows()).toEqual([
      { n: 0, label: 'row 0' },
      { n: 1, label: 'row 1' },
      { n: 2, label: 'row 2' },
    ]);
  });

  it('runs a schema transaction alone, between the groups', async () => {
    const before = [insert(1), insert(2)];
    const schema = db.schemaTransaction((tx) => tx.exec('ALTER TABLE t ADD COLUMN extra TEXT'));
    const after = insert(3);
    await Promise.all([...before, schema, after]);
    expect(await db.read.all('SELECT n, extra FROM t ORDER BY n')).toEqual([
      { n: 1, extra: null },
      { n: 2, extra: null },
      { n: 3, extra: null },
    ]);
  });
});
