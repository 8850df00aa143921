// Two Talon nodes on one PostgreSQL database, as the multi-node proofs need them: two real
// `server/main.ts` processes with their own node id, port and data folder, both on node A's test
// database (test/support/test-database.ts: made for the test file and dropped after it).
//
// Node A starts first, on the empty database: it migrates, seeds the demo region and provisions the
// demo staff and devices, writing their secrets to its data folder. Node B gets a copy of that file
// before it starts, as an installation gives every node the same settings: B's start then finds the
// demo made and prints the same logins instead of making a second set of devices. (Two nodes
// starting at once on an empty database is the start-up lock's own test, not these proofs'.)
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OfficeId } from '../../common/protocol';
import { DEMO_REGION_OFFICES, type DemoCredentials, type DemoDeviceKind } from '../../server/demo';
import type { Queryable } from '../../server/store/database';
import { freePort, spawnTalon, type TalonProcess } from './talon-process';
import { ADMIN_PASSWORD, call } from './talon-server';
import { createTestDatabase, databaseEnv, openTestDatabase } from './test-database';

const DEMO_FILE = 'demo-credentials.json';

export interface TalonNode extends TalonProcess {
  /** TALON_NODE_ID, as GET /api/health names the node. */
  id: string;
  dataDir: string;
  port: number;
}

export interface TwoNodes {
  a: TalonNode;
  b: TalonNode;
  /** The demo region's first office: operator1 … operator4 work there, at booth-1 … booth-4. */
  office: OfficeId;
  demo: DemoCredentials;
  /** A session token; sessions live in the database, so it works on either node. */
  login(login: string, on?: TalonNode): Promise<string>;
  /** The office's demo device of this kind. */
  deviceKey(kind: DemoDeviceKind): string;
  /** The shared database's committed data, read directly. */
  read: Queryable;
  /** Kills whatever node still runs and closes the test's own connections. */
  close(): Promise<void>;
}

async function startNode(id: string, dataDir: string, env: Record<string, string>): Promise<TalonNode> {
  const port = await freePort();
  const running = await spawnTalon(dataDir, port, { ...env, TALON_NODE_ID: id, TALON_LOG_LEVEL: process.env.TALON_LOG_LEVEL ?? 'warn' });
  return { ...running, id, dataDir, port };
}

export async function startTwoNodes(): Promise<TwoNodes> {
  const dirA = mkdtempSync(join(tmpdir(), 'talon-node-a-'));
  const dirB = mkdtempSync(join(tmpdir(), 'talon-node-b-'));
  await createTestDatabase(dirA);
  const env = databaseEnv(dirA);
  const db = await openTestDatabase(dirA);
  const started: TalonNode[] = [];
  const close = async () => {
    await Promise.all(started.map((node) => node.kill9()));
    await db.close();
  };
  try {
    const a = await startNode('node-a', dirA, env);
    started.push(a);
    copyFileSync(join(dirA, DEMO_FILE), join(dirB, DEMO_FILE));
    const b = await startNode('node-b', dirB, env);
    started.push(b);
    const office = DEMO_REGION_OFFICES[0]!.id;
    return {
      a,
      b,
      office,
      demo: a.demo,
      login: async (login, on = a) => {
        const res = await call<{ token: string }>(on, '/api/auth/login', { body: { login, password: login === 'admin' ? ADMIN_PASSWORD : a.demo.staffPassword } });
        if (!res.body.ok) throw new Error(`login ${login} on ${on.id} failed: ${JSON.stringify(res.body.error)}`);
        return res.body.data.token;
      },
      deviceKey: (kind) => {
        const device = a.demo.devices.find((d) => d.officeId === office && d.kind === kind);
        if (!device) throw new Error(`no demo ${kind} in office ${office}`);
        return device.key;
      },
      read: db.read,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
