// What the start screen offers: active services in kiosk order, services of one group folded into
// a single button that opens a second level, and why a button is greyed out.
import type { Counter, LocalizedText, Service } from '../../common/protocol';
import type { AvailabilityById } from './service-availability';

/** Why a service cannot be chosen now; the office-wide reasons (closed, break) are shown apart. */
export type Unavailable = 'limit' | 'notServed';

export interface ServiceEntry {
  kind: 'service';
  service: Service;
  unavailable: Unavailable | null;
}

export interface GroupEntry {
  kind: 'group';
  /** Identifies the group: services with the same label belong together. */
  key: string;
  label: LocalizedText;
  services: ServiceEntry[];
  /** Set only when no service of the group can be chosen. */
  unavailable: Unavailable | null;
}

export type MenuEntry = ServiceEntry | GroupEntry;

function unavailability(service: Service, counters: readonly Counter[], availability: AvailabilityById | null): Unavailable | null {
  if (availability?.get(service.id)?.limitReached) return 'limit';
  // No active counter is set up for it: a ticket would wait for nobody.
  const served = counters.some((c) => c.active && c.services.some((s) => s.serviceId === service.id));
  return served ? null : 'notServed';
}

export function kioskMenu(services: readonly Service[], counters: readonly Counter[], availability: AvailabilityById | null): MenuEntry[] {
  const entries: MenuEntry[] = [];
  const groups = new Map<string, GroupEntry>();
  const ordered = services.filter((s) => s.active).sort((a, b) => a.kioskOrder - b.kioskOrder);
  for (const service of ordered) {
    const entry: ServiceEntry = { kind: 'service', service, unavailable: unavailability(service, counters, availability) };
    if (service.group === null) {
      entries.push(entry);
      continue;
    }
    const key = JSON.stringify(service.group, Object.keys(service.group).sort());
    let group = groups.get(key);
    if (!group) {
      group = { kind: 'group', key, label: service.group, services: [], unavailable: null };
      groups.set(key, group);
      entries.push(group);
    }
    group.services.push(entry);
  }
  for (const group of groups.values()) {
    const open = group.services.some((s) => s.unavailable === null);
    group.unavailable = open ? null : (group.services[0]?.unavailable ?? null);
  }
  return entries;
}
