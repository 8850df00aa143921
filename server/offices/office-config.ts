// Changes to one office's configuration (its office document, services, counters), from the
// config routes and from PATCH /api/offices/:id alike: each is vetted, saved, then adopted by the
// office's engine and announced to its clients — live, no restart. With several nodes, each of the
// other nodes hears of the change and reloads the stored configuration into its own engine.
import type { Counter, Office, OfficeId, Service } from '../../common/protocol';
import type { QueueConfig } from '../domain/state';
import type { QueueEngine } from '../engine/queue-engine';
import { fail } from '../http/respond';
import { loadConfig, saveCounter, saveOffice, saveService } from '../store/config-store';
import type { Database, Queryable } from '../store/database';
import { officeLock } from '../store/office-lock';

/** Refuses a configuration some part of Talon cannot carry out (e.g. a letter no printer can print): a message, or null. */
export type ConfigVetting = (candidate: QueueConfig) => Promise<string | null>;

export interface OfficeConfigDeps {
  db: Database;
  officeId: OfficeId;
  engine: QueueEngine;
  vet: ConfigVetting;
  /** Called after the engine adopted a change (the hub tells clients `config:changed`). */
  changed: () => void;
}

export class OfficeConfig {
  // One change at a time, from save to adoption: two admins saving at once must not leave the
  // engine on a configuration read half before and half after the other's save.
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: OfficeConfigDeps) {}

  get current(): QueueConfig {
    return this.deps.engine.currentConfig;
  }

  async saveOffice(office: Office): Promise<Office> {
    await this.change({ ...this.current, office }, (tx, now) => saveOffice(tx, this.deps.officeId, office, now));
    return office;
  }

  async saveService(service: Service): Promise<Service> {
    const services = new Map(this.current.services).set(service.id, service);
    await this.change({ ...this.current, services }, (tx, now) => saveService(tx, this.deps.officeId, service, now));
    return service;
  }

  async saveCounter(counter: Counter): Promise<Counter> {
    const unknown = counter.services.filter((s) => !this.current.services.has(s.serviceId));
    if (unknown.length > 0) fail('invalid-input', `Unknown services: ${unknown.map((s) => s.serviceId).join(', ')}`);
    const clash = [...this.current.counters.values()].find((c) => c.number === counter.number && c.id !== counter.id);
    if (clash) fail('conflict', `Counter number ${counter.number} is already used by ${clash.id}`);
    await this.change({ ...this.current, counters: new Map(this.current.counters).set(counter.id, counter) }, (tx, now) =>
      saveCounter(tx, this.deps.officeId, counter, now),
    );
    return counter;
  }

  private async change(candidate: QueueConfig, write: (tx: Queryable, now: number) => Promise<void>): Promise<void> {
    const problem = await this.deps.vet(candidate);
    if (problem) fail('invalid-input', problem);
    const { db, engine } = this.deps;
    return this.serially(async () => {
      await db.transaction((tx) => write(tx, engine.now()), officeLock(this.deps.officeId));
      await this.adoptStored();
      this.deps.changed();
    });
  }

  /** Another node saved a change (and told the clients): this node's engine adopts what is stored now. */
  reload(): Promise<void> {
    return this.serially(() => this.adoptStored());
  }

  private async adoptStored(): Promise<void> {
    const { db, officeId, engine } = this.deps;
    const config = await loadConfig(db, officeId);
    if (!config) fail('internal', `The configuration of office ${officeId} is missing`);
    await engine.replaceConfig(config);
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
