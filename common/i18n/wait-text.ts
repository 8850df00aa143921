// How an estimated wait reads on the kiosk, the live ticket page and paper: a number only when the
// server had one to give; otherwise the honest "cannot be estimated yet".
import type { WaitEstimate } from '../protocol';
import type { Translator } from './translate';

/** The sentence for screens: «Expected wait: about 5 minutes». */
export function expectedWaitText(t: Translator, waitMinutes: WaitEstimate['waitMinutes']): string {
  return waitMinutes === null ? t('ticket.expectedWaitUnknown') : t('ticket.expectedWait', { count: waitMinutes });
}

/** The value after the printed ticket's «Expected wait:» label. */
export function waitValueText(t: Translator, waitMinutes: WaitEstimate['waitMinutes']): string {
  return waitMinutes === null ? t('ticket.waitValueUnknown') : t('ticket.waitValue', { count: waitMinutes });
}
