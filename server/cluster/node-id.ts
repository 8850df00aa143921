// Which Talon node this process is: several nodes may serve one PostgreSQL database, and health
// answers, logs and cluster messages name the node they come from. TALON_NODE_ID names it for good
// (a systemd unit per node); without it, host and process id tell nodes apart well enough.
import { hostname } from 'node:os';

export function nodeIdFrom(env: NodeJS.ProcessEnv): string {
  const given = env.TALON_NODE_ID?.trim();
  return given ? given : `${hostname()}-${process.pid}`;
}
