// The visit journal in words: the last visit a booth served (the one the form records), and a
// record's reason and result in the specialist's language for the booth's journal.
import type { JournalEntry, VisitJournalSettings, VisitOption, VisitRecord } from '../../../common/protocol';
import { text } from '../shared/describe';
import type { PanelEnv } from '../shared/panel-env';

/** A visit the booth served today, as the journal shows it. */
export interface ServedVisit {
  ticketId: string;
  code: string;
  at: number;
}

/** The newest 'served' row of a journal listed newest first. */
export function lastServedVisit(rows: readonly JournalEntry[]): ServedVisit | null {
  const row = rows.find((r) => r.kind === 'ticket-finished' && r.to === 'served' && r.ticketId !== null);
  return row?.ticketId ? { ticketId: row.ticketId, code: row.code ?? '', at: row.at } : null;
}

function choice(env: Pick<PanelEnv, 'snapshot' | 'lang' | 't'>, options: readonly VisitOption[], id: string | null, free: string): string {
  const option = id === null ? undefined : options.find((o) => o.id === id);
  const label = option ? text(env, option.label) : id ?? '';
  return [label, free].filter(Boolean).join(': ');
}

export function visitSummary(env: Pick<PanelEnv, 'snapshot' | 'lang' | 't'>, settings: VisitJournalSettings | null, record: VisitRecord): string {
  const entry = env.t('visits.journal.entry', {
    reason: choice(env, settings?.reasons ?? [], record.reasonId, record.reasonText),
    result: choice(env, settings?.results ?? [], record.resultId, record.resultText),
  });
  const person = [record.visitorName, record.visitorContact].filter(Boolean).join(', ');
  return [entry, person, record.repeatVisit ? env.t('visits.journal.repeat') : ''].filter(Boolean).join(' · ');
}
