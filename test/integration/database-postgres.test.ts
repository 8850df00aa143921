// The PostgreSQL engine itself (server/store/postgres-database.ts), on a database of each test's own:
// Talon's SQL with `?` runs, numbers come back as numbers, and the locks keep apart what must not
// overlap — across two "nodes", two engines open on one database.
import { afterEach, expect, it } from 'vitest';
import type { Database, Queryable } from '../../server/store/database';
import { PostgresDatabase } from '../../server/store/postgres-database';
import { databaseEnv, freshDatabase, onlyOn } from '../support/test-database';

const opened: Database[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

/** A node on a fresh database, with a table `t` to write to, and a way to open a second node on the same database. */
async function node(): Promise<{ db: PostgresDatabase; another: () => Promise<PostgresDatabase> }> {
  const { db, dataDir } = await freshDatabase('talon-engine-');
  opened.push(db);
  await db.transaction((tx) => tx.exec('CREATE TABLE t (name TEXT PRIMARY KEY, at BIGINT, blob BYTEA)'));
  const url = databaseEnv(dataDir).TALON_DATABASE_URL!;
  return {
    db: db as PostgresDatabase,
    another: async () => {
      const other = await PostgresDatabase.open(url, { poolSize: 2 });
      opened.push(other);
      return other;
    },
  };
}

function gate(): { open: () => void; passed: Promise<void> } {
  let open!: () => void;
  const passed = new Promise<void>((resolve) => (open = resolve));
  return { open, passed };
}

/** Advisory locks in this database held (or waited for) right now, by any connection. */
async function advisoryLocks(read: Queryable, state: 'held' | 'awaited'): Promise<number> {
  const row = await read.get<{ n: number }>(
    `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted = ${state === 'held' ? 'true' : 'false'} AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return row!.n;
}

onlyOn('postgres')('the PostgreSQL engine', () => {
  it('runs Talon’s ? parameters, leaving ? in strings, quoted names and comments alone', async () => {
    const { db } = await node();
    const row = await db.read.get(`SELECT CAST(? AS INTEGER) AS a, 'it''s ?' AS b, "q?".x AS c FROM (SELECT CAST(? AS TEXT) AS x) AS "q?" /* ? */ -- ?`, [7, 'y']);
    expect(row).toEqual({ a: 7, b: "it's ?", c: 'y' });
  });

  it('gives BIGINT values and counts as numbers, and refuses one a number cannot hold exactly', async () => {
    const { db } = await node();
    await db.transaction((tx) => tx.run('INSERT INTO t (name, at) VALUES (?, ?), (?, ?)', ['a', 1_796_219_226_883, 'b', 2]));
    expect(await db.read.all('SELECT name, at FROM t ORDER BY name')).toEqual([
      { name: 'a', at: 1_796_219_226_883 },
      { name: 'b', at: 2 },
    ]);
    expect(await db.read.get('SELECT count(*) AS n, max(at) + 1 AS next FROM t')).toEqual({ n: 2, next: 1_796_219_226_884 });
    await expect(db.read.get('SELECT CAST(9007199254740993 AS BIGINT) AS big')).rejects.toThrow(/does not fit a JavaScript number/);
    // The connection that met it serves on.
    expect(await db.read.get('SELECT count(*) AS n FROM t')).toEqual({ n: 2 });
  });

  it('keeps bytes as bytes', async () => {
    const { db } = await node();
    const bytes = Buffer.from([0, 1, 2, 255]);
    await db.transaction((tx) => tx.run('INSERT INTO t (name, blob) VALUES (?, ?)', ['a', bytes]));
    expect((await db.read.get<{ blob: Buffer }>('SELECT blob FROM t'))!.blob.equals(bytes)).toBe(true);
  });

  it('tells how many rows a statement changed', async () => {
    const { db } = await node();
    await db.transaction(async (tx) => {
      expect(await tx.run('INSERT INTO t (name) VALUES (?), (?)', ['a', 'b'])).toEqual({ changes: 2 });
      expect(await tx.run('INSERT INTO t (name) VALUES (?) ON CONFLICT DO NOTHING', ['a'])).toEqual({ changes: 0 });
      expect(await tx.run('UPDATE t SET at = ? WHERE name <> ?', [1, 'nobody'])).toEqual({ changes: 2 });
    });
  });

  it('undoes the whole transaction when its work throws, and when one of its statements fails', async () => {
    const { db } = await node();
    const committed: number[] = [];
    db.onCommitted((ms) => committed.push(ms));
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t (name) VALUES (?)', ['a']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t (name) VALUES (?)', ['b']);
        await tx.run('INSERT INTO t (name) VALUES (?)', ['b']);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await db.read.all('SELECT name FROM t')).toEqual([]);
    expect(committed).toEqual([]);
    // Every connection went back to the pool ready for more.
    for (let i = 0; i < 6; i++) await db.transaction((tx) => tx.run('INSERT INTO t (name) VALUES (?)', [`c${i}`]));
    expect(committed).toHaveLength(6);
  });

  it('never overlaps two transactions with the same lock key, on any node; the second sees what the first committed', async () => {
    const { db, another } = await node();
    const other = await another();
    const first = gate();
    const firstDone = db.transaction(
      async (tx) => {
        await tx.run('INSERT INTO t (name) VALUES (?)', ['first']);
        await first.passed;
      },
      { lock: 'office:a' },
    );
    await expect.poll(() => advisoryLocks(db.read, 'held')).toBe(1);
    let secondStarted = false;
    const second = other.transaction(
      async (tx) => {
        secondStarted = true;
        return tx.all('SELECT name FROM t');
      },
      { lock: 'office:a' },
    );
    await expect.poll(() => advisoryLocks(db.read, 'awaited')).toBe(1);
    expect(secondStarted).toBe(false);
    first.open();
    await firstDone;
    expect(await second).toEqual([{ name: 'first' }]);
  });

  it('runs transactions with different lock keys side by side', async () => {
    const { db, another } = await node();
    const other = await another();
    const first = gate();
    const firstDone = db.transaction(() => first.passed, { lock: 'office:a' });
    await expect.poll(() => advisoryLocks(db.read, 'held')).toBe(1);
    // Committed while office a's transaction is still open.
    await other.transaction((tx) => tx.run('INSERT INTO t (name) VALUES (?)', ['b']), { lock: 'office:b' });
    await other.transaction((tx) => tx.run('INSERT INTO t (name) VALUES (?)', ['org']));
    expect(await db.read.all('SELECT name FROM t ORDER BY name')).toEqual([{ name: 'b' }, { name: 'org' }]);
    first.open();
    await firstDone;
  });

  it('skips exclusive work another node is doing right now, and runs it once that node is done', async () => {
    const { db, another } = await node();
    const other = await another();
    const first = gate();
    const firstRun = db.exclusively('daily-backup', async () => {
      // The pool stays free for the work itself.
      await db.transaction((tx) => tx.run('INSERT INTO t (name) VALUES (?)', ['first']));
      await first.passed;
    });
    await expect.poll(() => advisoryLocks(db.read, 'held')).toBe(1);
    let ranOnOther = 0;
    expect(await other.exclusively('daily-backup', async () => void ranOnOther++)).toBe(false);
    expect(await other.exclusively('day-rollover', async () => void ranOnOther++)).toBe(true);
    first.open();
    expect(await firstRun).toBe(true);
    expect(await other.exclusively('daily-backup', async () => void ranOnOther++)).toBe(true);
    expect(ranOnOther).toBe(2);
  });

  it('makes start-up work wait for another node’s, then runs it', async () => {
    const { db, another } = await node();
    const other = await another();
    const first = gate();
    const order: string[] = [];
    const firstRun = db.whenFree('start-up', async () => {
      await first.passed;
      order.push('first');
    });
    await expect.poll(() => advisoryLocks(db.read, 'held')).toBe(1);
    const secondRun = other.whenFree('start-up', async () => {
      order.push('second');
      return 'done';
    });
    await expect.poll(() => advisoryLocks(db.read, 'awaited')).toBe(1);
    expect(order).toEqual([]);
    first.open();
    await firstRun;
    expect(await secondRun).toBe('done');
    expect(order).toEqual(['first', 'second']);
  });
});

onlyOn('postgres')('server-side session settings (a node that vanished must not keep its sessions for hours)', () => {
  it('sets keep-alives and the idle-in-transaction timeout on every pooled connection, for reads and transactions alike', async () => {
    const { db } = await node();
    const settings = (q: Queryable) =>
      q.get<Record<string, string>>(
        `SELECT current_setting('tcp_keepalives_idle') AS idle, current_setting('tcp_keepalives_interval') AS interval,
                current_setting('tcp_keepalives_count') AS count, current_setting('idle_in_transaction_session_timeout') AS idle_in_tx,
                (SELECT client_addr IS NULL FROM pg_stat_activity WHERE pid = pg_backend_pid()) AS unix_socket`,
      );
    const seen = [await settings(db.read), await db.transaction((tx) => settings(tx))];
    for (const row of seen) {
      expect(row?.idle_in_tx).toBe('1min');
      // Over a Unix socket the server has no TCP keep-alives to set and shows 0.
      if (row?.unix_socket) continue;
      expect([row?.idle, row?.interval, row?.count]).toEqual(['10', '5', '3']);
    }
  });
});
