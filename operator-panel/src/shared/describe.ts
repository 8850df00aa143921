// Words for the things the booth screen names: services, categories, call reasons, refusals.
import type { ApiError, CallReason, Ticket } from '../../../common/protocol';
import { localized } from '../../../common/ui/localized-text';
import { clockTime } from './format';
import type { PanelEnv } from './panel-env';

type Env = Pick<PanelEnv, 'snapshot' | 'lang' | 't'>;

export function text(env: Env, value: Parameters<typeof localized>[0]): string {
  return localized(value, env.lang, env.snapshot.office.defaultLanguage);
}

export function serviceName(env: Env, serviceId: string): string {
  const service = env.snapshot.services.find((s) => s.id === serviceId);
  return service ? text(env, service.name) : serviceId;
}

export function categoryName(env: Env, categoryId: string): string {
  const category = env.snapshot.office.categories.find((c) => c.id === categoryId);
  return category ? text(env, category.name) : categoryId;
}

export function officeTime(env: Env, at: number): string {
  return clockTime(at, env.lang, env.snapshot.office.timeZone);
}

/** Why the server called this ticket next, as a sentence for the specialist. */
export function callReasonText(env: Env, reason: CallReason): string {
  const { t } = env;
  switch (reason.kind) {
    case 'appointment':
      return t('panel.reason.appointment', { time: officeTime(env, reason.slotStart) });
    case 'category':
      return t('panel.reason.category', { category: categoryName(env, reason.categoryId) });
    case 'overdue':
      return t('panel.reason.overdue', { waited: reason.waitedMinutes, max: reason.maxWaitMinutes });
    case 'ratio':
      return t('panel.reason.ratio');
    case 'first-in-line':
      return t(reason.weight === 'main' ? 'panel.reason.firstInLineMain' : 'panel.reason.firstInLineSecondary', {
        service: serviceName(env, reason.serviceId),
      });
    case 'chosen':
      return t('panel.reason.chosen');
    case 'postponed-due':
      return t('panel.reason.postponedDue');
    case 'assigned-to-counter':
      return t('panel.reason.assigned');
  }
}

/** Short badges for a ticket's standing: booked, out of turn, transferred. */
export function ticketBadges(env: Env, ticket: Ticket): string[] {
  const badges: string[] = [];
  const { priority } = ticket;
  if (priority.kind === 'booked') badges.push(env.t('panel.badge.booked', { time: officeTime(env, priority.slotStart) }));
  if (priority.kind === 'category') badges.push(env.t('panel.badge.category', { category: categoryName(env, priority.categoryId) }));
  if (ticket.assignedCounterId || ticket.comment) badges.push(env.t('panel.badge.transferred'));
  return badges;
}

/** A refused action in the specialist's language; the server's English message is only a fallback for logs. */
export function refusalText(env: Pick<PanelEnv, 't'>, error: ApiError): string {
  return env.t(`errors.${error.code}`);
}
