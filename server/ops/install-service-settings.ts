// The server's settings as the environment file of its systemd unit lists them: every variable the
// server reads, with one line saying what it does. A service sets the few that differ from a
// developer's `npm start` (data folder, no demo); the rest are written commented out, so an
// administrator sees in one file everything there is to set. test/unit/install-service.test.ts
// fails when the server reads a TALON_* variable missing here.

export interface ServerSetting {
  name: string;
  /** One line for the administrator reading the environment file. */
  meaning: string;
}

export interface ServerEnvironment {
  port: number;
  dataDir: string;
  backupDir?: string | undefined;
}

export const SERVER_SETTINGS: readonly ServerSetting[] = [
  { name: 'PORT', meaning: 'HTTP port the server listens on (all addresses).' },
  { name: 'TALON_DATA_DIR', meaning: 'the data folder: talon.sqlite, cached announcements, voice packs, office logos.' },
  { name: 'TALON_DATABASE_URL', meaning: 'postgres://user:password@host/database: run on PostgreSQL (several nodes may share it) instead of the data folder\'s SQLite.' },
  { name: 'TALON_DATABASE_POOL', meaning: 'PostgreSQL connections this node keeps open (default 10).' },
  { name: 'TALON_NODE_ID', meaning: "this node's name among nodes sharing one PostgreSQL database (default host-pid), shown by /api/health." },
  { name: 'TALON_REDIS_URL', meaning: 'redis://host:6379: live events between nodes through Redis instead of PostgreSQL.' },
  { name: 'TALON_DEMO', meaning: '0: no demo offices, accounts or devices; the admin creates offices in the staff app.' },
  { name: 'TALON_DEMO_HOURS', meaning: 'office: demo offices keep their real hours instead of being open all day (demo only).' },
  { name: 'TALON_ADMIN_PASSWORD', meaning: "the first admin's password, read on the very first start only (else one is generated and logged once)." },
  { name: 'TALON_PUBLIC_URL', meaning: "where visitors' phones reach Talon (the QR code on tickets), e.g. https://queue.example.org." },
  { name: 'TALON_TRUST_PROXY', meaning: "which proxies' X-Forwarded-For/-Proto to believe, as Express's trust proxy: addresses or CIDRs, comma-separated (default loopback)." },
  { name: 'TALON_ALLOWED_ORIGINS', meaning: 'comma-separated origins besides Talon\'s own whose pages may open a live connection.' },
  { name: 'TALON_ANNOUNCEMENT_CACHE_MB', meaning: 'disk kept for synthesized announcements (default 100).' },
  { name: 'TALON_WEB_APPS', meaning: 'none: serve the API only, no web apps.' },
  { name: 'TALON_BACKUP_DIR', meaning: "where the daily backups go (default <data folder>/backups); set it with install-service --backup-dir, which lets the unit write there." },
  { name: 'TALON_BACKUPS_KEPT', meaning: 'how many daily backups are kept (default 14); 0: no daily backups.' },
  { name: 'TALON_BACKUP_HOUR', meaning: "the server machine's local hour from which the day's backup is due (default 3)." },
  { name: 'TALON_METRICS', meaning: 'who may read /metrics: admin (a signed-in regional admin, the default), localhost (a scraper on this machine) or off.' },
  { name: 'TALON_LOG_LEVEL', meaning: 'fatal, error, warn, info (default), debug, trace or silent.' },
  { name: 'TALON_DEV', meaning: "1: Vite's development server with hot reload; never on a service." },
];

/** Values a service sets; every other setting keeps the server's default. */
function serviceValues(env: ServerEnvironment): Record<string, string> {
  return { PORT: String(env.port), TALON_DATA_DIR: env.dataDir, TALON_DEMO: '0', ...(env.backupDir ? { TALON_BACKUP_DIR: env.backupDir } : {}) };
}

/** The EnvironmentFile= of talon.service: `NAME=value` lines, unset settings commented out. */
export function serverEnvironmentFile(env: ServerEnvironment): string {
  const values = serviceValues(env);
  const lines = [
    '# Talon server settings, read by talon.service (EnvironmentFile=).',
    '# After a change: sudo systemctl restart talon. Uncomment a line to set it.',
  ];
  for (const { name, meaning } of SERVER_SETTINGS) {
    const value = values[name];
    lines.push('', `# ${name}: ${meaning}`, value === undefined ? `#${name}=` : `${name}=${value}`);
  }
  return `${lines.join('\n')}\n`;
}
