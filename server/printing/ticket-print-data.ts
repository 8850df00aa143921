// Every word of a printed ticket, rendered on the server in the ticket's language: the office's
// texts, the service name, the issue time in the office's time zone and the catalogue's labels.
import type { Ticket, WaitEstimate, OfficeId } from '../../common/protocol';
import { liveTicketUrl, type PrintedTicket } from '../../common/protocol/printing';
import { translate, translatorFor, waitValueText } from '../../common/i18n';
import { localized } from '../../common/ui/localized-text';
import type { MonoImage } from '../../printer/escpos/commands';
import type { QueueConfig } from '../domain/state';

export interface TicketPrintOptions {
  /** Where visitors' phones open the live page, without a trailing slash. */
  publicUrl: string;
  /** The ticket's office, named in the live page's link. */
  officeId: OfficeId;
  /** People ahead and wait as they are to be printed (a reprint shows the current ones). */
  estimate: WaitEstimate | null;
  /** A reprint is marked as a duplicate: it replaces its job still pending, or a ticket that came out. */
  duplicate: boolean;
  /** The office's logo, when it prints one. */
  logo?: MonoImage | null;
}

/**
 * "2 December 2026 14:05", "2 декабря 2026 14:05": the month by name, because a numeric date reads
 * differently by country (12/02/2026 is 2 December in English, 12 February here). Intl gives the
 * month's name in the right grammatical case; the order is the catalogue's, without Intl's "г."
 * and its no-break spaces, which code pages lack. The time is 24-hour, as people here read it.
 */
function issueDateTime(at: number, lang: Ticket['language'], timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat(lang, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = translate(lang, 'ticket.date', { day: part('day'), month: part('month'), year: part('year') });
  const time = new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return { date, time };
}

export function printedTicket(ticket: Ticket, config: QueueConfig, options: TicketPrintOptions): PrintedTicket {
  const { office } = config;
  const lang = ticket.language;
  const text = (value: Parameters<typeof localized>[0]) => localized(value, lang, office.defaultLanguage);
  const service = config.services.get(ticket.serviceId);
  const { date, time } = issueDateTime(ticket.issuedAt, lang, office.timeZone);
  const { show, footer } = office.ticketLayout;
  const ownFooter = text(footer);
  return {
    officeName: text(office.name),
    officeAddress: show.address ? text(office.address) : '',
    phones: show.phones ? office.phones : [],
    ticketCode: ticket.code,
    serviceName: service ? text(service.name) : '',
    issuedAt: `${date} ${time}`,
    ...(show.peopleAhead ? { peopleAhead: options.estimate?.ahead ?? 0 } : {}),
    ...(show.expectedWait ? { expectedWait: waitValueText(translatorFor(lang), options.estimate?.waitMinutes ?? null) } : {}),
    ...(show.qrCode ? { liveUrl: liveTicketUrl(options.publicUrl, options.officeId, ticket.id) } : {}),
    ...(options.logo ? { logo: { widthBytes: options.logo.widthBytes, height: options.logo.height, data: Buffer.from(options.logo.data).toString('base64') } } : {}),
    footer: [...(options.duplicate ? [translate(lang, 'ticket.duplicate')] : []), ownFooter || translate(lang, 'ticket.waitForCall')],
    language: lang,
    labels: {
      ticketNumber: translate(lang, 'ticket.yourNumber'),
      issuedAt: translate(lang, 'ticket.label.issued'),
      peopleAhead: translate(lang, 'ticket.label.peopleAhead'),
      expectedWait: translate(lang, 'ticket.label.expectedWait'),
      phones: translate(lang, 'ticket.label.phones'),
      liveStatus: translate(lang, 'ticket.trackOnline'),
    },
  };
}
