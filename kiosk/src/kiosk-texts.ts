// What the kiosk says in words when something stands in the visitor's way: a kiosk not set up, or
// a booking code the server refused. Pure, so the root element keeps only what is on screen.
import { translate } from '../../common/i18n';
import type { ApiError, ErrorCode, Lang } from '../../common/protocol';
import { clockTime } from './office-time';

export type SetupProblem = { kind: 'no-key' } | { kind: 'rejected'; code: ErrorCode } | { kind: 'wrong-kind' };

export function setupDetail(problem: SetupProblem, lang: Lang): string {
  switch (problem.kind) {
    case 'no-key':
      return translate(lang, 'kiosk.setup.noKey');
    case 'wrong-kind':
      return translate(lang, 'kiosk.setup.wrongKind');
    case 'rejected':
      return translate(lang, 'kiosk.setup.rejected', { reason: translate(lang, `errors.${problem.code}`) });
  }
}

/** Why a booking code gave no ticket, in the visitor's language and the office's clock. */
export function checkInRefusal(error: ApiError, lang: Lang, timeZone: string): string {
  const details = (error.details ?? {}) as { opensAt?: number; reason?: string };
  if (error.code === 'not-found') return translate(lang, 'kiosk.keypad.notFound');
  if (error.code === 'not-due-yet' && details.opensAt) return translate(lang, 'kiosk.keypad.tooEarly', { time: clockTime(details.opensAt, lang, timeZone) });
  if (error.code === 'conflict' && details.reason === 'late') return translate(lang, 'kiosk.keypad.late');
  if (error.code === 'conflict' && details.reason === 'cancelled') return translate(lang, 'kiosk.keypad.cancelled');
  return translate(lang, `errors.${error.code}`);
}
