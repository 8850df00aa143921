// An office's journal of a day as a spreadsheet table: the staff app's columns (time, ticket, what
// happened, details) and, since it spans every booth, the booth, the service and who did it.
// Names are in the office's default language, the column headers and event words in English like
// the rest of the command line; details are the journal's own text (a call's reason as JSON).
import { translate } from '../../common/i18n';
import type { JournalEntry, LocalizedText, TicketOutcome } from '../../common/protocol';
import { localized } from '../../common/ui/localized-text';
import type { Table } from '../analytics/csv';
import type { QueueConfig } from '../domain/state';

/** Who did it, by the journal's actor ('user:<id>', 'device:<id>'): a person's or a device's name. */
export type ActorNames = ReadonlyMap<string, string>;

const OUTCOMES: readonly TicketOutcome[] = ['served', 'no-show', 'cancelled', 'day-ended'];

export function journalTable(entries: readonly JournalEntry[], config: QueueConfig, actors: ActorNames): Table {
  const { office } = config;
  const name = (text: LocalizedText) => localized(text, office.defaultLanguage, office.defaultLanguage);
  const serviceName = (id: string | null) => {
    if (id === null) return '';
    const service = config.services.get(id);
    return service ? name(service.name) : id;
  };
  const boothName = (id: string | null) => {
    if (id === null) return '';
    const counter = config.counters.get(id);
    return counter ? `${counter.number} ${name(counter.name)}` : id;
  };
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: office.timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

  const details = (entry: JournalEntry): string => {
    const note = entry.note ?? '';
    if (entry.kind === 'ticket-finished') {
      const outcome = OUTCOMES.find((o) => o === entry.to);
      if (outcome) return translate('en', `panel.journal.outcomes.${outcome}`);
    }
    if (entry.kind === 'ticket-transferred' && entry.from && entry.to) {
      const to = entry.to.startsWith('counter:') ? boothName(entry.to.slice('counter:'.length)) : serviceName(entry.to);
      return [`${serviceName(entry.from)} → ${to}`, note].filter(Boolean).join(' · ');
    }
    return note;
  };

  return {
    columns: ['Time', 'Ticket', 'What happened', 'Details', 'Booth', 'Service', 'By'],
    rows: entries.map((entry) => [
      time.format(entry.at),
      entry.code ?? '',
      translate('en', `panel.journal.kinds.${entry.kind}`),
      details(entry),
      boothName(entry.counterId),
      serviceName(entry.serviceId),
      actors.get(entry.actor) ?? entry.actor,
    ]),
  };
}
