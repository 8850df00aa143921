// What a specialist may record about a visit, and when personal data must go. A record belongs to a
// ticket finished as served today; an operator records it for their own booth (the one they staff
// now, or where they pressed Done themselves), an administrator for any booth.
import type { z } from 'zod';
import type { LocalDate, OfficeUser, VisitJournalReport, VisitJournalSettings, VisitRecord, visitRecordSchema } from '../../common/protocol';
import { userIdOf } from '../analytics/visits';
import { localDate } from '../../common/time/calendar';
import type { QueueEngine } from '../engine/queue-engine';
import { fail } from '../http/respond';
import type { FinishedTicket, VisitJournalStore } from '../store/visit-journal-store';
import { contactKey } from './contact-key';
import { visitReport } from './visit-report';

const DAY_MS = 86_400_000;

type RecordInput = z.output<typeof visitRecordSchema>;
type ServedTicket = FinishedTicket & { counterId: string; finishedAt: number };

export class VisitJournal {
  constructor(
    private readonly store: VisitJournalStore,
    private readonly engine: QueueEngine,
  ) {}

  private today(): LocalDate {
    return localDate(this.engine.now(), this.engine.currentConfig.office.timeZone);
  }

  settings(): Promise<VisitJournalSettings> {
    return this.store.settings();
  }

  /** Saves the settings; a shorter retention or a stop to collecting takes effect at once. */
  async saveSettings(settings: VisitJournalSettings): Promise<VisitJournalSettings> {
    await this.store.saveSettings(settings, this.engine.now());
    await this.sweep();
    return settings;
  }

  /** Erases names and contacts older than the retention period; answers how many records lost them. */
  async sweep(): Promise<number> {
    const { retentionDays } = await this.store.settings();
    return this.store.erasePersonalData(this.engine.now() - retentionDays * DAY_MS);
  }

  list(day: LocalDate | undefined, counterId: string | undefined): Promise<VisitRecord[]> {
    return this.store.list(day ?? this.today(), counterId);
  }

  async record(user: OfficeUser, ticketId: string, input: RecordInput): Promise<VisitRecord> {
    const ticket = await this.servedToday(ticketId);
    if (user.role !== 'admin' && !this.isOwnBooth(user, ticket)) {
      fail('ticket-not-at-counter', `Ticket ${ticket.code} was served at another booth`);
    }
    const settings = await this.store.settings();
    if (input.reasonId !== null && !settings.reasons.some((r) => r.id === input.reasonId)) fail('invalid-input', `No reason ${input.reasonId} in the office's list`);
    if (input.resultId !== null && !settings.results.some((r) => r.id === input.resultId)) fail('invalid-input', `No result ${input.resultId} in the office's list`);
    const personal = input.visitorName !== '' || input.visitorContact !== '';
    if (personal && !settings.collectPersonalData) fail('invalid-input', "This office does not keep visitors' names and contacts");
    return this.store.save({
      ticketId: ticket.id,
      serviceDay: ticket.serviceDay,
      serviceId: ticket.serviceId,
      counterId: ticket.counterId,
      specialistId: ticket.finishedBy ? userIdOf(ticket.finishedBy) : null,
      servedAt: ticket.finishedAt,
      reasonId: input.reasonId,
      reasonText: input.reasonText,
      resultId: input.resultId,
      resultText: input.resultText,
      visitorName: input.visitorName || null,
      visitorContact: input.visitorContact || null,
      contactKey: contactKey(input.visitorContact),
      recordedAt: this.engine.now(),
      recordedBy: `user:${user.id}`,
    });
  }

  async report(period: { from: LocalDate; to: LocalDate }): Promise<VisitJournalReport> {
    const [facts, settings] = await Promise.all([this.store.facts(period.from, period.to), this.store.settings()]);
    return visitReport(facts, settings, period);
  }

  private async servedToday(ticketId: string): Promise<ServedTicket> {
    const ticket = await this.store.finishedTicket(ticketId);
    if (!ticket) {
      if (this.engine.currentState.tickets.has(ticketId)) fail('conflict', 'Record the visit once the ticket is done', { reason: 'not-served' });
      fail('not-found', 'No such ticket');
    }
    const { finishedAt, counterId } = ticket;
    const { timeZone } = this.engine.currentConfig.office;
    if (ticket.outcome !== 'served' || finishedAt === null || counterId === null || localDate(finishedAt, timeZone) !== this.today()) {
      fail('conflict', 'Only visits served today can be recorded', { reason: 'not-served' });
    }
    return { ...ticket, finishedAt, counterId };
  }

  private isOwnBooth(user: OfficeUser, ticket: ServedTicket): boolean {
    if (ticket.finishedBy === `user:${user.id}`) return true;
    const booth = this.engine.currentState.counters.get(ticket.counterId);
    return booth !== undefined && booth.status !== 'closed' && booth.operatorId === user.id;
  }
}
