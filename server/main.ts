// Starts Talon: reads the environment, opens and migrates the database, seeds the demo region on
// first start, and listens. Everything else is wired in app.ts.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from './app';
import { adminPasswordShown, ensureAdmin } from './auth/bootstrap';
import { provisionDemo } from './demo';
import { demoBanner } from './demo-banner';
import { metricsAccess } from './http/metrics-routes';
import { logger } from './observability/logger';
import type { OfficeRuntime } from './offices/office-runtime';
import { backupBeforeMigrating } from './ops/backup-before-migration';
import { DailyBackups } from './ops/backup-schedule';
import { backupSettings } from './ops/backup-settings';
import { lockDataFolder } from './ops/restore-lock';
import { SqliteDatabase, databaseFile } from './store/sqlite-database';
import { migrate, MigrationMismatchError, migrationsDir } from './store/migrate';
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

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  // Held until the server stops: a restore refuses to run under it, and so does a second server.
  const lock = await lockDataFolder(dataDir);
  const backups = backupSettings(env, dataDir);
  const dbFile = databaseFile(dataDir);
  const db = await SqliteDatabase.open(dbFile);
  try {
    await migrate(db, migrationsDir('sqlite'), backupBeforeMigrating(dbFile, backups.folder));
  } catch (error) {
    if (error instanceof MigrationMismatchError) {
      logger.fatal(`Talon refuses to start: ${error.message}. Restore a matching database or Talon version.`);
      process.exit(1);
    }
    throw error;
  }
  // The demo offices keep their own hours only on request, so the demo is usable at any hour.
  if (demo) await seedDemoRegion(db, Date.now(), { allDay: env.TALON_DEMO_HOURS !== 'office' });
  const talon = await createApp({ db, webApps, dataDir, allowedOrigins, metrics: metricsAccess(env.TALON_METRICS), ...(announcementCacheBytes ? { announcementCacheBytes } : {}), ...(env.TALON_PUBLIC_URL ? { publicUrl: env.TALON_PUBLIC_URL } : {}) });
  const unshownAdminPassword = join(dataDir, 'admin-password-unshown.txt');
  const admin = await ensureAdmin(talon.stores, env, unshownAdminPassword);
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
  if (demo) {
    const offices = talon.offices.running();
    const creds = await provisionDemo(talon.stores, join(dataDir, 'demo-credentials.json'), offices.map((o) => ({ id: o.officeId, language: officeOf(o).defaultLanguage })));
    const banner = offices.map((o) => ({ id: o.officeId, name: officeName(o), state: o.engine.officeStatus().state, timeZone: officeOf(o).timeZone }));
    for (const line of demoBanner(base, creds, banner)) console.log(line);
  } else {
    console.log(`  Kiosk: ${base}/kiosk/   Display: ${base}/display/   Staff app: ${base}/panel/`);
    if (talon.offices.running().length === 0) console.log('  No office yet: sign in to the staff app as the regional admin and create one.');
  }

  const dailyBackups = new DailyBackups(dbFile, backups);
  dailyBackups.start();
  const stop = async () => {
    await dailyBackups.stop();
    await talon.close();
    await db.close();
    await lock.release();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Talon failed to start');
  process.exit(1);
});
