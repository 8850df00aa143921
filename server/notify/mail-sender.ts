// E-mail through the office's own SMTP server ('mail' settings), with nodemailer. Every message carries
// its stop link in the text and as List-Unsubscribe (RFC 2369) with one-click POST (RFC 8058): the
// one-click address takes the token in its query, which the request log never writes. A booking's
// message has its calendar entry attached as an .ics file.
import { createTransport } from 'nodemailer';
import type { MailSettings } from '../../common/protocol';
import { translate } from '../../common/i18n';
import { calendarFile } from './calendar-file';
import { SendFailure, type ChannelSender, type RenderedMessage } from './channel-sender';
import type { StoredContact } from './contacts-store';

const TIMEOUT_MS = 20_000;

/** The address inside a From like "Client service <noreply@example.org>". */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/** The one-click stop address for List-Unsubscribe-Post: the token in the query, never in the path. */
export function oneClickStopUrl(stopUrl: string): string {
  const [page = '', token = ''] = stopUrl.split('#');
  return `${page.replace(/\/stop\/(\?.*)?$/, '')}/api/stop?t=${encodeURIComponent(token)}`;
}

/** Sends through the settings' server; throws what nodemailer throws (retried by the dispatcher). */
export async function sendMail(settings: MailSettings, mail: { to: string; subject: string; text: string; headers?: Record<string, string>; ics?: string }): Promise<void> {
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password } } : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail({
      from: settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.headers ? { headers: mail.headers } : {}),
      ...(mail.ics ? { icalEvent: { filename: 'booking.ics', method: /METHOD:CANCEL/.test(mail.ics) ? 'CANCEL' : 'REQUEST', content: mail.ics } } : {}),
    });
  } finally {
    transport.close();
  }
}

export function mailBody(message: RenderedMessage, contact: Pick<StoredContact, 'language'>): string {
  const lang = contact.language;
  const link = message.calendar ? translate(lang, 'messages.manageBooking', { url: message.url }) : translate(lang, 'messages.openTicket', { url: message.url });
  return `${message.text}\n\n${link}\n\n-- \n${translate(lang, 'messages.stopLine', { url: message.stopUrl })}\n`;
}

export const mailSender: ChannelSender = {
  channel: 'email',
  async send(office, contact, message) {
    const settings = await office.settings.get('mail');
    if (!settings.enabled) throw new SendFailure('the office has e-mail off', 'give-up');
    const ics = message.calendar ? calendarFile(message.calendar, { name: office.officeName, email: addressOf(settings.from) }) : undefined;
    try {
      await sendMail(settings, {
        to: contact.address,
        subject: message.subject,
        text: mailBody(message, contact),
        headers: { 'List-Unsubscribe': `<${oneClickStopUrl(message.stopUrl)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        ...(ics ? { ics } : {}),
      });
    } catch (error) {
      // nodemailer's messages may quote the recipient: keep only its code and the server's reply code.
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      // 550–553: this mailbox will never take it; other refusals (a wrong password, a full queue) may pass later.
      const permanent = typeof responseCode === 'number' && responseCode >= 550 && responseCode <= 553;
      throw new SendFailure(`SMTP ${code ?? 'error'}${responseCode ? ` ${responseCode}` : ''}`, permanent ? 'give-up' : 'retry');
    }
  },
};
