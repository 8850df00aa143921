// The booth's side of the visit journal API: the office's lists (loaded once a minute at most, as
// the journal and the form both need them), the booth's records of today, and saving one.
import type { Result, VisitJournalSettings, VisitRecord, VisitRecordInput } from '../../../common/protocol';
import { api } from '../../../common/ui/api';

const SETTINGS_FRESH_MS = 60_000;
let cached: { at: number; settings: Promise<Result<VisitJournalSettings>> } | null = null;

export function loadVisitSettings(): Promise<Result<VisitJournalSettings>> {
  if (!cached || Date.now() - cached.at > SETTINGS_FRESH_MS) {
    const settings = api<VisitJournalSettings>('/api/visit-journal/settings');
    cached = { at: Date.now(), settings };
    // A failed load is not kept: the next caller asks again.
    void settings.then((result) => !result.ok && cached?.settings === settings && (cached = null));
  }
  return cached.settings;
}

export function loadVisitRecords(counterId: string): Promise<Result<VisitRecord[]>> {
  return api<VisitRecord[]>(`/api/visit-journal?counterId=${encodeURIComponent(counterId)}`);
}

export function saveVisitRecord(ticketId: string, input: VisitRecordInput): Promise<Result<VisitRecord>> {
  return api<VisitRecord>(`/api/visit-journal/tickets/${encodeURIComponent(ticketId)}`, { method: 'PUT', body: input });
}
