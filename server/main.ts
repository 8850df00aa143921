// Starts Talon: reads the environment, opens and migrates the database, seeds the demo office on
// first start, and listens. Everything else is wired in app.ts.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from './app';
import { adminPasswordShown, ensureAdmin } from './auth/bootstrap';
import { provisionDemo } from './demo';
import { Database } from './store/database';
import { migrate, MigrationMismatchError } from './store/migrate';
import { seedDemoOffice } from './store/seed';

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

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const db = await Database.open(join(dataDir, 'talon.sqlite'));
  try {
    await migrate(db);
  } catch (error) {
    if (error instanceof MigrationMismatchError) {
      console.error(`Talon refuses to start: ${error.message}. Restore a matching database or Talon version.`);
      process.exit(1);
    }
    throw error;
  }
  // The demo office keeps seed 004's hours only on request, so the demo is usable at any hour.
  if (demo) await seedDemoOffice(db, Date.now(), { allDay: env.TALON_DEMO_HOURS !== 'office' });
  const talon = await createApp({ db, webApps, dataDir, allowedOrigins, ...(announcementCacheBytes ? { announcementCacheBytes } : {}), ...(env.TALON_PUBLIC_URL ? { publicUrl: env.TALON_PUBLIC_URL } : {}) });
  const unshownAdminPassword = join(dataDir, 'admin-password-unshown.txt');
  const admin = await ensureAdmin(talon.stores, env, unshownAdminPassword);
  const listening = await talon.listen(port);
  const base = `http://localhost:${listening}`;

  console.log(`\nTalon is running at ${base}`);
  if (admin?.generatedPassword) {
    console.log(`\n  First start: log in as "${admin.login}" with the one-time password ${admin.generatedPassword}`);
    console.log('  (shown only now; set TALON_ADMIN_PASSWORD to choose it yourself)');
    await adminPasswordShown(unshownAdminPassword);
  } else if (admin) {
    console.log(`\n  First start: log in as "${admin.login}" with the password from TALON_ADMIN_PASSWORD`);
  }
  if (demo) {
    const creds = await provisionDemo(talon.stores, join(dataDir, 'demo-credentials.json'), talon.engine.currentConfig.office.defaultLanguage);
    const key = (kind: string) => creds.devices.find((d) => d.kind === kind)?.key ?? '';
    console.log('\n  DEMO MODE — a demo office with demo accounts; not for real use (TALON_DEMO=0 turns it off).');
    console.log(`  Kiosk:      ${base}/kiosk/?key=${key('kiosk')}`);
    console.log(`  Display:    ${base}/display/?key=${key('display')}`);
    console.log(`  Staff app:  ${base}/panel/`);
    console.log(`  Staff logins: ${creds.staff.map((s) => `${s.login} (${s.role})`).join(', ')}; demo password: ${creds.staffPassword}`);
    console.log(`  Booking:    ${base}/book/`);
    console.log(`  Printer:    npm run print-agent -- --server ${base} --key ${key('print-agent')} --printer tcp://PRINTER:9100`);
    const status = talon.engine.officeStatus();
    if (status.state !== 'open') {
      console.log(`  The demo office is ${status.state} now (seed 004's hours, Asia/Irkutsk).`);
    }
  } else {
    console.log(`  Kiosk: ${base}/kiosk/   Display: ${base}/display/   Staff app: ${base}/panel/`);
  }

  const stop = async () => {
    await talon.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Talon failed to start:', error);
  process.exit(1);
});
