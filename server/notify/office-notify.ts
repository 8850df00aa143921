// What one office's parts that tell visitors (the public contacts route, the ticket watch, the booking
// notices) share: the office's channel settings, how long a contact is kept, and a nudge to this
// node's dispatcher once their transaction has committed. Contacts and messages themselves are written
// with contacts-store.ts and outbox-store.ts, inside the caller's transaction.
import type { LocalDate, OfficeId } from '../../common/protocol';
import { addDays, zonedToEpoch } from '../../common/time/calendar';
import type { QueueEngine } from '../engine/queue-engine';
import type { Database } from '../store/database';
import type { VisitJournal } from '../visits/visit-journal';
import { createChannelSettingsStore, type ChannelSettingsStore } from './channel-settings-store';

export interface OfficeNotify {
  officeId: OfficeId;
  settings: ChannelSettingsStore;
  /**
   * When a contact about a ticket or booking of `day` (the office's date) is purged: the end of that
   * day plus the office's retention of visitors' personal data (the visit journal's retentionDays).
   */
  keepUntil(day: LocalDate): Promise<number>;
  /** Call after the transaction that queued messages has committed: this node sends them now rather than at its next look. */
  wake(): void;
}

export interface OfficeNotifyDeps {
  db: Database;
  officeId: OfficeId;
  engine: Pick<QueueEngine, 'currentConfig'>;
  visitJournal: Pick<VisitJournal, 'settings'>;
  /** The node's dispatcher (dispatcher.ts). */
  wake: () => void;
}

export function createOfficeNotify(deps: OfficeNotifyDeps): OfficeNotify {
  return {
    officeId: deps.officeId,
    settings: createChannelSettingsStore(deps.db, deps.officeId),
    async keepUntil(day) {
      const { retentionDays } = await deps.visitJournal.settings();
      return zonedToEpoch(addDays(day, 1 + retentionDays), 0, deps.engine.currentConfig.office.timeZone);
    },
    wake: deps.wake,
  };
}
