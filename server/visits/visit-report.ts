// Counts for the visit journal report: visits by reason and by result, and repeat visits. A repeat is
// a visit whose contact matched an earlier visit's: without a contact nobody can tell two visitors
// apart (the same reason twice is not a repeat), so repeats are counted among visits with a contact.
import type { LocalDate, LocalizedText, VisitCount, VisitJournalReport, VisitJournalSettings, VisitOption } from '../../common/protocol';
import type { Table } from '../analytics/csv';
import type { VisitFacts } from '../store/visit-journal-store';

function countBy(facts: readonly VisitFacts[], key: (f: VisitFacts) => string | null, options: readonly VisitOption[]): VisitCount[] {
  const counts = new Map<string | null, number>();
  for (const fact of facts) counts.set(key(fact), (counts.get(key(fact)) ?? 0) + 1);
  // Ties keep the office's list order; free text and options since removed come last.
  const rank = (id: string | null) => {
    const index = options.findIndex((o) => o.id === id);
    return index === -1 ? options.length : index;
  };
  return [...counts]
    .map(([id, count]) => ({ id, label: options.find((o) => o.id === id)?.label ?? null, count }))
    .sort((a, b) => b.count - a.count || rank(a.id) - rank(b.id));
}

export function visitReport(facts: readonly VisitFacts[], settings: VisitJournalSettings, period: { from: LocalDate; to: LocalDate }): VisitJournalReport {
  const repeats = facts.filter((f) => f.repeatVisit);
  return {
    period,
    recorded: facts.length,
    byReason: countBy(facts, (f) => f.reasonId, settings.reasons),
    byResult: countBy(facts, (f) => f.resultId, settings.results),
    repeats: {
      withContact: facts.filter((f) => f.hasContact).length,
      repeatVisits: repeats.length,
      byReason: countBy(repeats, (f) => f.reasonId, settings.reasons),
    },
  };
}

/** One table for the spreadsheet: a `section` column says which count a row belongs to. */
export function visitReportTable(report: VisitJournalReport, label: (text: LocalizedText | null, id: string | null) => string): Table {
  const rows = (section: string, counts: VisitCount[]) => counts.map((c) => [section, c.id ?? '', label(c.label, c.id), c.count]);
  return {
    columns: ['section', 'id', 'label', 'count'],
    rows: [
      ['total', '', 'recorded visits', report.recorded],
      ...rows('reason', report.byReason),
      ...rows('result', report.byResult),
      ['repeats', '', 'visits with a contact', report.repeats.withContact],
      ['repeats', '', 'repeat visits', report.repeats.repeatVisits],
      ...rows('repeat-reason', report.repeats.byReason),
    ],
  };
}
