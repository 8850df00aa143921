// The device that issued a ticket, read from the journal: every change there names its actor, so
// the print job needs no column of its own in the queue's tables, and a job a crash left unmade
// can still find its kiosk later.
import type { OfficeId } from '../../common/protocol';
import { actorLabel } from '../store/queue-store';
import type { Database } from '../store/database';

/** The issuing device's id, or null when a person or the system issued the ticket (or it is another office's). */
export async function issuingDeviceId(db: Database, officeId: OfficeId, ticketId: string): Promise<string | null> {
  const row = await db.read.get<{ actor: string }>(
    "SELECT actor FROM journal WHERE office_id = ? AND ticket_id = ? AND kind = 'ticket-issued' ORDER BY seq LIMIT 1",
    [officeId, ticketId],
  );
  const devicePrefix = actorLabel({ kind: 'device', id: '', deviceKind: 'kiosk' });
  return row?.actor.startsWith(devicePrefix) ? row.actor.slice(devicePrefix.length) : null;
}
