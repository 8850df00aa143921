// Starts Talon: reads the environment, opens and migrates the database, seeds the demo region on
// first start, and listens. Everything else is wired in app.ts. The database is SQLite in the data
// folder, or PostgreSQL when TALON_DATABASE_URL names one — then several nodes may share it.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from './app';
import { adminPasswordShown, ensureAdmin } from './auth/bootstrap';
import { nodeIdFrom } from './cluster/node-id';
import { provisionDemo } from './demo';
import { demoBanner } from './demo-banner';
import { openDemoPhoneChannels } from './demo-phone-channels';
import { metricsAccess } from './http/metrics-routes';
import { logger } from './observability/logger';
import type { OfficeRuntime } from './offices/office-runtime';
import { backupBeforeMigrating } from './ops/backup-before-migration';
import { DailyBackups } from './ops/backup-schedule';
import { backupSettings } from './ops/backup-settings';
import { databaseCopy } from './ops/database-copy';
import { lockDataFolder } from './ops/restore-lock';
import type { Database } from './store/database';
import { migrate, MigrationMismatchError } from './store/migrate';
import { databaseLocation, describeLocation, openDatabase, type DatabaseLocation } from './store/open-database';
import { refuseSchemaDrift } from './store/schema-drift';
import { seedDemoRegion } from './store/seed';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const dataDir = resolve(env.TALON_DATA_DIR ?? 'data');
const demo = env.TALON_DEMO !== '0';
const dev = env.TALON_DEV === '1';
/** 'none' serves the API alone (tests and headless installs). */
const webApps = env.TALON_WEB_APPS === 'none' ? 'none' : dev ? 'vite' : 'dist';
const cacheMb = Number(env.TALON_ANNOUNCEMENT_CACHE_MB);
/** Disk kept for synthesized announcements; unset or not a positive number: the default. */
const announcementCacheBytes = Number.isFinite(cacheMb) && cacheMb > 0 ? cacheMb * 1024 * 1024 : undefined;
/** Pages on these origins (comma-separated) may connect besides Talon's own, e.g. behind a proxy that rewrites Host. */
const allowedOrigins = (env.TALON_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);

const officeOf = (runtime: OfficeRuntime) => runtime.engine.currentConfig.office;
const officeName = (runtime: OfficeRuntime) => {
  const office = officeOf(runtime);
  return office.name[office.defaultLanguage] ?? runtime.officeId;
};

/** Opens and migrates the database; exits when it disagrees with this Talon's migrations or their schema. */
async function openMigrated(location: DatabaseLocation, backupFolder: string, nodeId: string): Promise<Database> {
  const db = await openDatabase(location, { nodeId });
  try {
    await migrate(db, undefined, backupBeforeMigrating(databaseCopy(location), backupFolder));
    await refuseSchemaDrift(db);
  } catch (error) {
    if (error instanceof MigrationMismatchError) {
      logger.fatal(`Talon refuses to start: ${error.message}. Restore a matching database or Talon version.`);
      process.exit(1);
    }
    throw error;
  }
  return db;
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const location = databaseLocation(env, dataDir);
  const nodeId = nodeIdFrom(env);
  // SQLite: held until the server stops; a restore refuses to run under it, and so does a second
  // server. PostgreSQL is shared by design: several nodes serve one database.
  const lock = location.engine === 'sqlite' ? await lockDataFolder(dataDir) : undefined;
  const backups = backupSettings(env, dataDir);
  logger.info({ database: describeLocation(location), node: nodeId }, 'opening the database');
  const db = await openMigrated(location, backups.folder, nodeId);
  // Nodes starting together on an empty database take turns at seeding and making the first
  // accounts: the second finds them made. (SQLite: one node, no one to wait for.)
  const started = await db.whenFree('start-up', async () => {
    // The demo offices keep their own hours only on request, so the demo is usable at any hour.
    if (demo) await seedDemoRegion(db, Date.now(), { allDay: env.TALON_DEMO_HOURS !== 'office' });
    const talon = await createApp({ db, webApps, dataDir, allowedOrigins, nodeId, metrics: metricsAccess(env.TALON_METRICS), ...(announcementCacheBytes ? { announcementCacheBytes } : {}), ...(env.TALON_PUBLIC_URL ? { publicUrl: env.TALON_PUBLIC_URL } : {}), ...(env.TALON_REDIS_URL ? { redisUrl: env.TALON_REDIS_URL } : {}), ...(env.TALON_TRUST_PROXY ? { trustProxy: env.TALON_TRUST_PROXY } : {}) });
    const unshownAdminPassword = join(dataDir, 'admin-password-unshown.txt');
    const admin = await ensureAdmin(talon.stores, env, unshownAdminPassword);
    if (demo) await openDemoPhoneChannels(db, talon.offices.ids(), Date.now());
    const demoCredentials = demo ? await provisionDemo(talon.stores, join(dataDir, 'demo-credentials.json'), talon.offices.running().map((o) => ({ id: o.officeId, language: officeOf(o).defaultLanguage }))) : undefined;
    return { talon, admin, unshownAdminPassword, demoCredentials };
  });
  const { talon, admin, unshownAdminPassword, demoCredentials } = started;
  const listening = await talon.listen(port);
  const base = `http://localhost:${listening}`;
  logger.info({ port: listening, offices: talon.offices.ids() }, 'Talon is listening');

  console.log(`\nTalon is running at ${base}`);
  if (admin?.generatedPassword) {
    console.log(`\n  First start: log in as "${admin.login}" with the one-time password ${admin.generatedPassword}`);
    console.log('  (shown only now; set TALON_ADMIN_PASSWORD to choose it yourself)');
    await adminPasswordShown(unshownAdminPassword);
  } else if (admin) {
    console.log(`\n  First start: log in as "${admin.login}" with the password from TALON_ADMIN_PASSWORD`);
  }
  if (demoCredentials) {
    const offices = talon.offices.running();
    const banner = offices.map((o) => ({ id: o.officeId, name: officeName(o), state: o.engine.officeStatus().state, timeZone: officeOf(o).timeZone }));
    for (const line of demoBanner(base, demoCredentials, banner)) console.log(line);
  } else {
    console.log(`  Kiosk: ${base}/kiosk/   Display: ${base}/display/   Staff app: ${base}/panel/`);
    if (talon.offices.running().length === 0) console.log('  No office yet: sign in to the staff app as the regional admin and create one.');
  }

  // On PostgreSQL one node makes the day's dump, into its backup folder (shared or not); the database records
  // which node (daily_backups), so the others make none that day.
  const dailyBackups = new DailyBackups(databaseCopy(location), backups, db, nodeId);
  dailyBackups.start();
  const stop = async () => {
    await dailyBackups.stop();
    await talon.close();
    await db.close();
    await lock?.release();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Talon failed to start');
  process.exit(1);
});
