// The one interface every way of telling a visitor implements (e-mail, SMS, Web Push: one file each),
// and the registry the dispatcher finds them in. A sender only delivers: what to say is rendered
// before (render-message.ts), whether it may go now is the dispatcher's, and retrying is the outbox's.
import type { ContactChannel, OfficeId } from '../../common/protocol';
import type { ChannelSettingsStore } from './channel-settings-store';
import type { StoredContact } from './contacts-store';

/** A booking as a calendar entry: an .ics attachment in e-mail. */
export interface CalendarInvite {
  /** REQUEST adds or moves the entry (a higher `sequence` replaces an earlier one), CANCEL removes it. */
  method: 'REQUEST' | 'CANCEL';
  /** Stable per booking, so a move or a cancellation finds the entry it changes. */
  uid: string;
  sequence: number;
  start: number;
  end: number;
  title: string;
  description: string;
  location: string;
  url: string;
}

/** One message in the contact's language. */
export interface RenderedMessage {
  /** An e-mail's subject, a notification's title. */
  subject: string;
  /** The body; for an SMS the whole text (the stop link is the sender's to add, see `smsText`). */
  text: string;
  /** The page the message is about (the live ticket, the booking). */
  url: string;
  /** Following it stops every further message to this contact. */
  stopUrl: string;
  /** "Your turn" loses its point in minutes: push sends it urgent with a short TTL ("N ahead" is not urgent). */
  urgent: boolean;
  calendar?: CalendarInvite;
}

/** What a sender knows of the office the message is from. */
export interface OfficeMessageContext {
  officeId: OfficeId;
  /** In the contact's language. */
  officeName: string;
  timeZone: string;
  /** The office's channel settings, with secrets: the SMTP server, the SMS gateway. */
  settings: ChannelSettingsStore;
}

export interface ChannelSender {
  channel: ContactChannel;
  /** Resolves once the channel accepted the message; throws SendFailure (or anything: retried). */
  send(office: OfficeMessageContext, contact: StoredContact, message: RenderedMessage): Promise<void>;
}

/**
 * How a send failed, when the sender knows: 'retry' (the default for any other throw), 'give-up'
 * (this message will never go, e.g. the gateway refused the number), 'contact-gone' (the push service
 * says the subscription no longer exists: the contact is stopped). The message must not contain the
 * address: it is stored and logged.
 */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly outcome: 'retry' | 'give-up' | 'contact-gone',
  ) {
    super(message);
  }
}

/** The node's senders, one per channel; a channel without one is not offered. */
export class ChannelSenders {
  private readonly byChannel = new Map<ContactChannel, ChannelSender>();

  constructor(senders: Iterable<ChannelSender> = []) {
    for (const sender of senders) this.register(sender);
  }

  /** A later sender for the same channel replaces the earlier (tests replace real ones). */
  register(sender: ChannelSender): void {
    this.byChannel.set(sender.channel, sender);
  }

  get(channel: ContactChannel): ChannelSender | undefined {
    return this.byChannel.get(channel);
  }
}
