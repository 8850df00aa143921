// Every word of a printed ticket, rendered on the server in the ticket's language: the office's
// texts, the service name, the issue time in the office's time zone and the catalogue's labels.
import type { Ticket, WaitEstimate } from '../../common/protocol';
import type { PrintedTicket } from '../../common/protocol/printing';
import { translate, translatorFor, waitValueText } from '../../common/i18n';
import { localized } from '../../common/ui/localized-text';
import type { MonoImage } from '../../printer/escpos/commands';
import type { QueueConfig } from '../domain/state';

export interface TicketPrintOptions {
  /** Where visitors' phones open the live page, without a trailing slash. */
  publicUrl: string;
  /** People ahead and wait as they are to be printed (a reprint shows the current ones). */
  estimate: WaitEstimate | null;
  /** A reprint of a ticket that already came out is marked as a duplicate. */
  duplicate: boolean;
  /** The office's logo, when it prints one. */
  logo?: MonoImage | null;
}

function issueDateTime(at: number, lang: Ticket['language'], timeZone: string): { date: string; time: string } {
  // h23 and two-digit parts: no AM/PM and none of the narrow no-break spaces a code page lacks.
  const date = new Intl.DateTimeFormat(lang, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
  const time = new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return { date, time };
}

export function liveTicketUrl(publicUrl: string, ticketId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/t/${encodeURIComponent(ticketId)}`;
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
    ...(show.qrCode ? { liveUrl: liveTicketUrl(options.publicUrl, ticket.id) } : {}),
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
