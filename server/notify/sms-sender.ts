// The SMS channel: the message's short text and its stop link, to the contact's phone through the
// office's HTTP gateway (sms-gateway.ts). A gateway refusing the request itself (a 4xx other than a
// timeout or a rate limit: a number it cannot reach, a bad token) says the same on every retry, so
// that message is given up; anything else is retried by the dispatcher.
import { translate } from '../../common/i18n';
import type { Lang } from '../../common/protocol';
import { SendFailure, type ChannelSender, type RenderedMessage } from './channel-sender';
import { GatewayRefused, sendSms } from './sms-gateway';

/** What the SMS says: the text, then the stop link every message carries. */
export function smsText(language: Lang, message: Pick<RenderedMessage, 'text' | 'stopUrl'>): string {
  return `${message.text} ${translate(language, 'messages.smsStop', { url: message.stopUrl })}`;
}

/** Statuses that say "not now" rather than "never". */
const RETRY_STATUSES = new Set([408, 425, 429]);

export const smsSender: ChannelSender = {
  channel: 'sms',
  async send(office, contact, message) {
    const settings = await office.settings.get('sms');
    try {
      await sendSms(settings, contact.address, smsText(contact.language, message));
    } catch (error) {
      if (error instanceof GatewayRefused && error.status < 500 && !RETRY_STATUSES.has(error.status)) throw new SendFailure(error.message, 'give-up');
      // The gateway's errors name the status or the timeout only, never the number or the text: safe to keep.
      throw error instanceof Error ? new SendFailure(error.message, 'retry') : error;
    }
  },
};
