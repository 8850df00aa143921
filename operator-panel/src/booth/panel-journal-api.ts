// The booth's journal of today, read page by page (the server answers at most JOURNAL_PAGE_MAX
// entries at a time) until the day's oldest entry: a booth's day is a few hundred entries, so it
// is one request in practice, and a long day is still shown whole.
import { JOURNAL_PAGE_MAX, type JournalEntry, type JournalPage, type Result } from '../../../common/protocol';
import type { OfficeId } from '../../../common/protocol/offices';
import { officeApi } from '../../../common/ui/office-api';

export async function loadBoothJournal(officeId: OfficeId, counterId: string): Promise<Result<JournalEntry[]>> {
  const call = officeApi(officeId);
  const entries: JournalEntry[] = [];
  let before: number | null = null;
  do {
    const cursor: string = before === null ? '' : `&before=${before}`;
    const page: Result<JournalPage> = await call<JournalPage>(`/journal?counterId=${encodeURIComponent(counterId)}&limit=${JOURNAL_PAGE_MAX}${cursor}`);
    if (!page.ok) return page;
    entries.push(...page.data.entries);
    before = page.data.next;
  } while (before !== null);
  return { ok: true, data: entries };
}
