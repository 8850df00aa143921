// Office configuration (admin): office, schedule, services, counters. Every change is validated,
// saved, then adopted by the engine and announced to clients — live, no restart.
import { Router } from 'express';
import { counterSchema, officeSchema, serviceSchema, type Counter, type Office, type Service } from '../../common/protocol';
import { requireRole } from '../auth/permissions';
import type { QueueConfig } from '../domain/state';
import type { QueueEngine } from '../engine/queue-engine';
import type { TalonIo } from '../realtime/hub';
import { loadConfig, saveCounter, saveOffice, saveService } from '../store/config-store';
import type { Database, Queryable } from '../store/database';
import { fail, handle, parse } from './respond';

/** Refuses a configuration some part of Talon cannot carry out (e.g. a letter no printer can print): a message, or null. */
export type ConfigVetting = (candidate: QueueConfig) => Promise<string | null>;

export function configRoutes(engine: QueueEngine, db: Database, io: () => TalonIo | undefined, vet: ConfigVetting = async () => null): Router {
  const router = Router();

  // One change at a time, from save to adoption: two admins saving at once must not leave the
  // engine on a configuration read half before and half after the other's save.
  let tail: Promise<unknown> = Promise.resolve();
  function change(write: (tx: Queryable, now: number) => Promise<void>): Promise<void> {
    const run = async () => {
      await db.transaction((tx) => write(tx, engine.now()));
      const config = await loadConfig(db);
      if (!config) fail('internal', 'The office configuration is missing');
      await engine.replaceConfig(config);
      io()?.emit('config:changed');
    };
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  }

  async function vetted(candidate: QueueConfig): Promise<void> {
    const problem = await vet(candidate);
    if (problem) fail('invalid-input', problem);
  }

  router.get(
    '/api/config',
    requireRole('admin', 'manager'),
    handle(() => {
      const { office, services, counters } = engine.currentConfig;
      return { office, services: [...services.values()], counters: [...counters.values()] };
    }),
  );

  router.put(
    '/api/config/office',
    requireRole('admin'),
    handle(async (req) => {
      const office = parse(officeSchema, req.body) as Office;
      await vetted({ ...engine.currentConfig, office });
      await change((tx, now) => saveOffice(tx, office, now));
      return office;
    }),
  );

  router.put(
    '/api/config/services/:id',
    requireRole('admin'),
    handle(async (req) => {
      const service = parse(serviceSchema, { ...(req.body as object), id: req.params.id }) as Service;
      await vetted({ ...engine.currentConfig, services: new Map(engine.currentConfig.services).set(service.id, service) });
      await change((tx, now) => saveService(tx, service, now));
      return service;
    }),
  );

  router.put(
    '/api/config/counters/:id',
    requireRole('admin'),
    handle(async (req) => {
      const counter = parse(counterSchema, { ...(req.body as object), id: req.params.id }) as Counter;
      const unknown = counter.services.filter((s) => !engine.currentConfig.services.has(s.serviceId));
      if (unknown.length > 0) fail('invalid-input', `Unknown services: ${unknown.map((s) => s.serviceId).join(', ')}`);
      const clash = [...engine.currentConfig.counters.values()].find((c) => c.number === counter.number && c.id !== counter.id);
      if (clash) fail('conflict', `Counter number ${counter.number} is already used by ${clash.id}`);
      await change((tx, now) => saveCounter(tx, counter, now));
      return counter;
    }),
  );

  return router;
}
