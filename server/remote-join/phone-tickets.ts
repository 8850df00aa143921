// Today's phone tickets of an office, counted from the store: finished tickets have left the engine's
// state, yet they still count against the phones' share and each phone's day.
import type { LocalDate, OfficeId, Ticket } from '../../common/protocol';
import type { PhoneCounts } from '../domain/remote-join';
import type { Queryable } from '../store/database';

/** Per service, and (with `phoneId`) the asking phone's own. */
export async function phoneCounts(q: Queryable, officeId: OfficeId, day: LocalDate, phoneId?: string): Promise<PhoneCounts> {
  // A few hundred rows a day at most, found by the tickets_by_day index; the phone's id lives in the
  // ticket's document, which both engines store as text.
  const rows = await q.all<{ issued_service_id: string; data: string }>(
    "SELECT issued_service_id, data FROM tickets WHERE office_id = ? AND service_day = ? AND source = 'phone'",
    [officeId, day],
  );
  const byService = new Map<string, number>();
  let thisPhone = 0;
  for (const row of rows) {
    byService.set(row.issued_service_id, (byService.get(row.issued_service_id) ?? 0) + 1);
    if (phoneId !== undefined && (JSON.parse(row.data) as Pick<Ticket, 'phoneId'>).phoneId === phoneId) thisPhone += 1;
  }
  return { byService, thisPhone };
}
