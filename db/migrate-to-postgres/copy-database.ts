// migrate-to-postgres from start to end: the target, the source snapshot, then in ONE PostgreSQL
// transaction the emptiness check, every table's copy (parents first) and every table's count and
// checksum read back on both sides. Any difference throws inside the transaction, so PostgreSQL keeps
// nothing of a copy that did not arrive whole and unchanged.
import { tableSum, type TableSum } from './checksum';
import { copyTable } from './copy-table';
import { takeSourceSnapshot } from './source-snapshot';
import { planTables } from './tables';
import { expectEmpty, openTarget } from './target';

export interface TableCheck {
  table: string;
  sqlite: TableSum;
  postgres: TableSum;
}

export const matches = ({ sqlite, postgres }: TableCheck) => sqlite.rows === postgres.rows && sqlite.checksum === postgres.checksum;

/** A copy that arrived different: rolled back; `checks` shows which tables differ. */
export class CopyMismatchError extends Error {
  constructor(readonly checks: TableCheck[]) {
    const differing = checks.filter((c) => !matches(c)).map((c) => c.table);
    super(`${differing.join(', ')} arrived different from SQLite; nothing was kept in PostgreSQL`);
  }
}

export interface CopyRequest {
  from: string;
  to: string;
  /** The target as it may be shown: the URL without its password. */
  toShownAs: string;
  /** Progress, one line at a time. */
  say(line: string): void;
}

export async function copyDatabase({ from, to, toShownAs, say }: CopyRequest): Promise<TableCheck[]> {
  // The target first: a wrong URL is found before a big database is copied for nothing.
  const target = await openTarget(to, toShownAs);
  try {
    const source = await takeSourceSnapshot(from);
    try {
      say(`Snapshot of ${from} taken at ${new Date(source.takenAt).toISOString()} and migrated to this Talon's schema`);
      if (source.serverRunning) say('A Talon server is serving it: what it commits from now on is not in this copy. Stop it and run again before switching it to PostgreSQL.');
      const plans = await planTables(source.db.read, target.read);
      return await target.transaction(async (tx) => {
        await expectEmpty(tx, plans, toShownAs);
        say(`Copying ${plans.length} tables into ${toShownAs}, parents first, in one transaction`);
        for (const plan of plans) say(`  ${plan.name}: ${await copyTable(source.db.read, tx, plan)} copied`);
        const checks: TableCheck[] = [];
        for (const plan of plans) {
          // Side by side: each database reads on its own while this process hashes.
          const [sqlite, postgres] = await Promise.all([tableSum(source.db.read, plan), tableSum(tx, plan)]);
          checks.push({ table: plan.name, sqlite, postgres });
        }
        if (!checks.every(matches)) throw new CopyMismatchError(checks);
        return checks;
      });
    } finally {
      await source.discard();
    }
  } finally {
    await target.close();
  }
}
