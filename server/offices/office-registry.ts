// The offices this server runs: a runtime for every office not archived, started at start-up,
// one more when an office is created, one fewer when an office is archived. The dispatcher and the
// organisation's routes find an office's runtime here; nothing else holds a list of offices. With
// several nodes, an office created or archived on one is started or stopped on the others when they
// hear of it (and when their bus reconnects, against the stored list).
import type { CreateOfficeInput, OfficeId, OfficeSummary } from '../../common/protocol';
import { fail } from '../http/respond';
import { logger } from '../observability/logger';
import { archiveOffice, copyOffice, createOffice, getOffice, listOffices } from '../store/offices-store';
import { closeNamespace } from '../realtime/socket-server';
import { startOfficeRuntime, type OfficeRuntime, type SharedServices } from './office-runtime';

export function summaryOf(runtime: OfficeRuntime): OfficeSummary {
  const { name, address, timeZone } = runtime.engine.currentConfig.office;
  return { id: runtime.officeId, name, address, timeZone, archived: false };
}

export class OfficeRegistry {
  /** In creation order: the order offices are listed everywhere. */
  private readonly runtimes = new Map<OfficeId, OfficeRuntime>();
  /** Creations and archivals one at a time, so two admins cannot start the same office twice. */
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(private readonly shared: SharedServices) {}

  static async start(shared: SharedServices): Promise<OfficeRegistry> {
    const registry = new OfficeRegistry(shared);
    for (const { id, archived } of await listOffices(shared.db.read)) {
      if (!archived) registry.runtimes.set(id, await startOfficeRuntime(shared, id));
    }
    return registry;
  }

  get(officeId: OfficeId): OfficeRuntime | undefined {
    return this.runtimes.get(officeId);
  }

  running(): OfficeRuntime[] {
    return [...this.runtimes.values()];
  }

  ids(): OfficeId[] {
    return [...this.runtimes.keys()];
  }

  /** Stores the new office (or the copy) and starts its runtime. */
  create({ id, copyFrom, office }: CreateOfficeInput): Promise<OfficeRuntime> {
    return this.serially(async () => {
      const now = this.shared.clock();
      const outcome = await this.shared.db.transaction((tx) => {
        if (copyFrom !== undefined) return copyOffice(tx, copyFrom, id, now, office);
        return createOffice(tx, id, office ?? fail('invalid-input', 'Give the office document, or copyFrom'), now);
      });
      if (outcome === 'id-taken') fail('conflict', `The office id "${id}" is taken (archived offices keep theirs)`);
      if (outcome === 'source-not-found') fail('not-found', `No office ${copyFrom ?? ''} to copy`);
      const runtime = await startOfficeRuntime(this.shared, id);
      this.runtimes.set(id, runtime);
      this.shared.bus.tell({ kind: 'office-created', officeId: id });
      return runtime;
    });
  }

  /** Marks the office archived and stops its runtime: its routes answer office-not-found, its sockets are closed. */
  archive(officeId: OfficeId): Promise<OfficeSummary> {
    return this.serially(async () => {
      const runtime = this.runtimes.get(officeId) ?? fail('not-found', `No office ${officeId}`);
      if (!(await this.shared.db.transaction((tx) => archiveOffice(tx, officeId, this.shared.clock())))) fail('not-found', `No office ${officeId}`);
      await this.stopRuntime(runtime);
      this.shared.bus.tell({ kind: 'office-archived', officeId });
      return { ...summaryOf(runtime), archived: true };
    });
  }

  /**
   * Another node created or archived an office (or the bus came back and anything may have been
   * missed): this node runs exactly the offices the database holds as not archived. `only` limits
   * the look to one office.
   */
  followStore(only?: OfficeId): Promise<void> {
    return this.serially(async () => {
      const stored = only === undefined ? await listOffices(this.shared.db.read) : [await getOffice(this.shared.db.read, only)].flatMap((o) => (o ? [o] : []));
      for (const { id, archived } of stored) {
        const runtime = this.runtimes.get(id);
        if (archived && runtime) await this.stopRuntime(runtime);
        if (!archived && !runtime) {
          this.runtimes.set(id, await startOfficeRuntime(this.shared, id));
          logger.info({ office: id }, 'office started: created on another node');
        }
      }
    });
  }

  private async stopRuntime(runtime: OfficeRuntime): Promise<void> {
    this.runtimes.delete(runtime.officeId);
    closeNamespace(this.shared.io, runtime.namespace);
    await runtime.stop();
  }

  async close(): Promise<void> {
    await this.tail;
    await Promise.all(this.running().map((runtime) => runtime.stop()));
    this.runtimes.clear();
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
