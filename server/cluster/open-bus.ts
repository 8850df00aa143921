// The cluster bus for the database Talon runs on: PostgreSQL's NOTIFY when several nodes may share
// it, none on SQLite (one node by construction).
import type { Database } from '../store/database';
import { PostgresDatabase } from '../store/postgres-database';
import { SingleNodeBus, type ClusterBus } from './cluster-bus';
import { PostgresBus } from './postgres-bus';

export async function openClusterBus(db: Database, nodeId: string): Promise<ClusterBus> {
  return db instanceof PostgresDatabase ? PostgresBus.open(db.pool, nodeId) : new SingleNodeBus(nodeId);
}
