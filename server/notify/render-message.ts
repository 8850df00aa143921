// What a message says, from its facts, in the contact's language and the office's clock: rendered
// when it is sent (not when queued), so a text fixed in the catalogue reaches messages still waiting.
// Pure: the office's configuration and public URL are handed in.
import { translate } from '../../common/i18n';
import { intlLocale } from '../../common/i18n/intl-locale';
import { manageBookingPath, type Lang, type MessageFacts } from '../../common/protocol';
import { liveTicketUrl } from '../../common/protocol/printing';
import { localized } from '../../common/ui/localized-text';
import type { QueueConfig } from '../domain/state';
import type { CalendarInvite, RenderedMessage } from './channel-sender';

export interface RenderContext {
  config: Pick<QueueConfig, 'office' | 'services'>;
  publicUrl: string;
  officeId: string;
  language: Lang;
  stopToken: string;
  /** When the message was queued: a booking's calendar entry with a later one replaces an earlier. */
  queuedAt: number;
}

const trimmed = (url: string) => url.replace(/\/+$/, '');

/** The stop page takes its token from the fragment, which never reaches the server's logs; it speaks the contact's language. */
export function stopUrl(publicUrl: string, stopToken: string, language: Lang): string {
  return `${trimmed(publicUrl)}/stop/?lang=${language}#${stopToken}`;
}

/** The booking's own page; with the manage token (a confirmation only) it opens the booking at once, else it asks for code and phone. */
export function manageBookingUrl(publicUrl: string, officeId: string, manageToken?: string): string {
  return `${trimmed(publicUrl)}${manageBookingPath(officeId, manageToken ?? '').replace(/#$/, '')}`;
}

export function officeName(config: Pick<QueueConfig, 'office'>, language: Lang): string {
  return localized(config.office.name, language, config.office.defaultLanguage);
}

export function renderMessage(facts: MessageFacts, ctx: RenderContext): RenderedMessage {
  const { config, language: lang } = ctx;
  const stop = stopUrl(ctx.publicUrl, ctx.stopToken, lang);
  switch (facts.kind) {
    case 'ticket-ahead':
      return {
        subject: translate(lang, 'messages.ticketAheadSubject', { code: facts.ticketCode }),
        text: translate(lang, 'messages.ticketAhead', { code: facts.ticketCode, count: facts.ahead }),
        url: liveTicketUrl(ctx.publicUrl, ctx.officeId, facts.ticketId),
        stopUrl: stop,
        // Only "your turn" is urgent; "N ahead" can wait a moment (push: normal urgency, longer TTL).
        urgent: false,
      };
    case 'ticket-called': {
      const counter = facts.counterNumber ?? facts.counterName;
      return {
        subject: translate(lang, 'messages.ticketCalledSubject', { code: facts.ticketCode }),
        text:
          counter === null
            ? translate(lang, 'messages.ticketCalled', { code: facts.ticketCode })
            : translate(lang, 'messages.ticketCalledAt', { code: facts.ticketCode, counter }),
        url: liveTicketUrl(ctx.publicUrl, ctx.officeId, facts.ticketId),
        stopUrl: stop,
        urgent: true,
      };
    }
    default: {
      const { timeZone } = config.office;
      const office = officeName(config, lang);
      const service = config.services.get(facts.serviceId);
      const values = {
        office,
        code: facts.code,
        service: service ? localized(service.name, lang, config.office.defaultLanguage) : facts.serviceId,
        date: new Intl.DateTimeFormat(intlLocale(lang), { timeZone, day: 'numeric', month: 'long', weekday: 'short' }).format(facts.slotStart),
        time: new Intl.DateTimeFormat(intlLocale(lang), { timeZone, hour: '2-digit', minute: '2-digit' }).format(facts.slotStart),
      };
      const url = manageBookingUrl(ctx.publicUrl, ctx.officeId, facts.manageToken);
      const texts = {
        'booking-confirmed': ['messages.bookingConfirmedSubject', 'messages.bookingConfirmed'],
        'booking-reminder': ['messages.bookingReminderSubject', 'messages.bookingReminder'],
        'booking-moved': ['messages.bookingMovedSubject', 'messages.bookingMoved'],
        'booking-cancelled': ['messages.bookingCancelledSubject', 'messages.bookingCancelled'],
      } as const;
      const [subject, text] = texts[facts.kind];
      const calendar: CalendarInvite = {
        method: facts.kind === 'booking-cancelled' ? 'CANCEL' : 'REQUEST',
        uid: `${facts.appointmentId}@talon`,
        sequence: Math.floor(ctx.queuedAt / 1000),
        start: facts.slotStart,
        end: facts.slotEnd,
        title: translate(lang, 'messages.calendarTitle', { service: values.service, office }),
        description: `${translate(lang, text, values)}\n${translate(lang, 'messages.manageBooking', { url })}`,
        location: [office, localized(config.office.address, lang, config.office.defaultLanguage)].filter((part) => part !== '').join(', '),
        url,
      };
      return { subject: translate(lang, subject, values), text: translate(lang, text, values), url, stopUrl: stop, urgent: false, calendar };
    }
  }
}
