// A refusal from the appointment routes in words: the errors catalogue by code, sharpened by the
// details the server adds (why a check-in or a change was refused, when check-in opens).
import type { Translator } from '../../../common/i18n';
import type { ApiError, AppointmentStatus, Lang } from '../../../common/protocol';
import { clockTime } from '../shared/format';

interface RefusalDetails {
  reason?: string;
  lateMinutes?: number;
  opensAt?: number;
  status?: AppointmentStatus;
}

export function refusalText(error: ApiError, t: Translator, lang: Lang, timeZone: string): string {
  const details = (error.details ?? {}) as RefusalDetails;
  if (error.code === 'conflict') {
    if (details.reason === 'cancelled') return t('consultant.refusal.cancelled');
    if (details.reason === 'late') return t('consultant.refusal.late', { minutes: details.lateMinutes ?? 0 });
    if (details.reason === 'phone-limit') return t('consultant.refusal.phoneLimit');
    if (details.status) return t('consultant.refusal.notBooked', { status: t(`consultant.status.${details.status}`) });
  }
  if (error.code === 'not-due-yet' && details.opensAt !== undefined) {
    return t('consultant.refusal.notYet', { time: clockTime(details.opensAt, lang, timeZone) });
  }
  return t(`errors.${error.code}`);
}
