// The booth's side of the visit journal API: the office's lists (loaded once a minute at most, as
// the journal and the form both need them), the booth's records of today, and saving one.
import type { Result, VisitJournalSettings, VisitRecord, VisitRecordInput } from '../../../common/protocol';
import type { OfficeId } from '../../../common/protocol/offices';
import { officeApi } from '../../../common/ui/office-api';

const SETTINGS_FRESH_MS = 60_000;
let cached: { officeId: OfficeId; at: number; settings: Promise<Result<VisitJournalSettings>> } | null = null;

export function loadVisitSettings(officeId: OfficeId): Promise<Result<VisitJournalSettings>> {
  if (!cached || cached.officeId !== officeId || Date.now() - cached.at > SETTINGS_FRESH_MS) {
    const settings = officeApi(officeId)<VisitJournalSettings>('/visit-journal/settings');
    cached = { officeId, at: Date.now(), settings };
    // A failed load is not kept: the next caller asks again.
    void settings.then((result) => !result.ok && cached?.settings === settings && (cached = null));
  }
  return cached.settings;
}

export function loadVisitRecords(officeId: OfficeId, counterId: string): Promise<Result<VisitRecord[]>> {
  return officeApi(officeId)<VisitRecord[]>(`/visit-journal?counterId=${encodeURIComponent(counterId)}`);
}

export function saveVisitRecord(officeId: OfficeId, ticketId: string, input: VisitRecordInput): Promise<Result<VisitRecord>> {
  return officeApi(officeId)<VisitRecord>(`/visit-journal/tickets/${encodeURIComponent(ticketId)}`, { method: 'PUT', body: input });
}
