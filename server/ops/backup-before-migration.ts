// The copy migrate() makes before it changes a database that already holds data: a migration that
// goes wrong, or a Talon upgrade an office wants to undo, then has the database as it was.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../engine/queue-engine';
import { childLogger } from '../observability/logger';
import type { BeforeMigrating } from '../store/migrate';
import { backupStamp } from './backup';
import type { DatabaseCopy } from './database-copy';

const log = childLogger({ component: 'backup' });

/**
 * migrate()'s hook for the live database: a copy into `folder` named after the moment and the first
 * pending migration, e.g. talon-2026-12-02T09-00-00Z-before-0011_retention.sqlite (.dump on
 * PostgreSQL). A failed copy fails the start: migrating without it is what the hook exists to prevent.
 */
export function backupBeforeMigrating(copy: DatabaseCopy, folder: string, clock: Clock = Date.now): BeforeMigrating {
  return async (pending) => {
    await mkdir(folder, { recursive: true });
    const file = join(folder, `talon-${backupStamp(clock())}-before-${pending[0]!.replace(/\.sql$/, '')}.${copy.extension}`);
    await copy.to(file);
    log.info({ file, pending }, 'database backed up before migrating');
  };
}
