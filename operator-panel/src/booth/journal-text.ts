// A journal row in words. The server keeps some details as machine text (the call reason as JSON,
// the outcome, "lunch: …"); here they become the specialist's language.
import type { CallReason, JournalEntry, PauseReason, TicketOutcome } from '../../../common/protocol';
import { callReasonText, serviceName, text } from '../shared/describe';
import type { PanelEnv } from '../shared/panel-env';


const OUTCOMES: readonly TicketOutcome[] = ['served', 'no-show', 'cancelled', 'day-ended'];
const PAUSE_REASONS: readonly PauseReason[] = ['lunch', 'technical', 'other'];

function parsedReason(note: string): CallReason | null {
  try {
    const value = JSON.parse(note) as unknown;
    return typeof value === 'object' && value !== null && 'kind' in value ? (value as CallReason) : null;
  } catch {
    return null;
  }
}

function destination(env: PanelEnv, to: string): string {
  if (!to.startsWith('counter:')) return serviceName(env, to);
  const counter = env.snapshot.counters.find((c) => c.id === to.slice('counter:'.length));
  return counter ? text(env, counter.name) : to;
}

export function journalDetail(env: PanelEnv, row: JournalEntry): string {
  const note = row.note ?? '';
  switch (row.kind) {
    case 'ticket-called': {
      const reason = note ? parsedReason(note) : null;
      return reason ? callReasonText(env, reason) : note;
    }
    case 'ticket-finished': {
      const outcome = OUTCOMES.find((o) => o === row.to);
      return outcome ? env.t(`panel.journal.outcomes.${outcome}`) : note;
    }
    case 'ticket-transferred': {
      const route = row.from && row.to ? `${serviceName(env, row.from)} → ${destination(env, row.to)}` : '';
      return [route, note].filter(Boolean).join(' · ');
    }
    case 'counter-paused': {
      const [reason = '', ...rest] = note.split(': ');
      const known = PAUSE_REASONS.find((r) => r === reason);
      return known ? [env.t(`panel.pauseReasons.${known}`), rest.join(': ')].filter(Boolean).join(': ') : note;
    }
    default:
      return note;
  }
}
