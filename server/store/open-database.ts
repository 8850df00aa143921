// Which engine Talon runs on: PostgreSQL when TALON_DATABASE_URL names one, else SQLite in the data
// folder, exactly as before PostgreSQL existed. The server, the talon commands and the tests all
// choose here.
import type { Database } from './database';
import { PostgresDatabase } from './postgres-database';
import { databaseFile, SqliteDatabase } from './sqlite-database';

export type DatabaseLocation = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; poolSize: number };

/** Connections per node unless TALON_DATABASE_POOL says otherwise. */
const DEFAULT_POOL_SIZE = 10;
const MIN_POOL_SIZE = 2;

export function databaseLocation(env: NodeJS.ProcessEnv, dataDir: string): DatabaseLocation {
  const url = env.TALON_DATABASE_URL?.trim();
  if (!url) return { engine: 'sqlite', file: databaseFile(dataDir) };
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`TALON_DATABASE_URL must start with postgres:// (it is ${describeUrl(url)})`);
  const pool = env.TALON_DATABASE_POOL === undefined ? DEFAULT_POOL_SIZE : Number(env.TALON_DATABASE_POOL);
  // The cluster bus keeps one of the pool's connections for LISTEN: with one in all, nothing else would ever get one.
  if (!Number.isInteger(pool) || pool < MIN_POOL_SIZE) {
    throw new Error(`TALON_DATABASE_POOL must be a whole number of connections, at least ${MIN_POOL_SIZE}: one listens for the other nodes (it is ${env.TALON_DATABASE_POOL})`);
  }
  return { engine: 'postgres', url, poolSize: pool };
}

export function openDatabase(location: DatabaseLocation, options: { nodeId?: string } = {}): Promise<Database> {
  return location.engine === 'sqlite' ? SqliteDatabase.open(location.file) : PostgresDatabase.open(location.url, { poolSize: location.poolSize, ...options });
}

/** For logs and messages: the file, or the URL without its password. */
export function describeLocation(location: DatabaseLocation): string {
  return location.engine === 'sqlite' ? location.file : describeUrl(location.url);
}

/** Where a URL can carry a secret: node-postgres and libpq also read `?password=…` and `?sslpassword=…`. */
const SECRET_PARAMETERS = ['password', 'sslpassword'];

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const name of SECRET_PARAMETERS) if (parsed.searchParams.has(name)) parsed.searchParams.set(name, '***');
    return parsed.toString();
  } catch {
    // Unparseable: it may still hold a password, so none of it is shown.
    return 'an address that is not a URL';
  }
}
