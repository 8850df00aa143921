// Every action at a booth, once: its keyboard key and when it makes sense. Buttons and keyboard
// shortcuts both read this table, so a shortcut is always the one printed on its button.
import type { CounterState, Ticket } from '../../../common/protocol';

export const BOOTH_ACTIONS = [
  'open',
  'close',
  'pause',
  'resume',
  'callNext',
  'callTicket',
  'recall',
  'start',
  'done',
  'noShow',
  'transfer',
  'return',
  'issue',
  'grant',
] as const;
export type BoothAction = (typeof BOOTH_ACTIONS)[number];

/**
 * Keys by their physical position (KeyboardEvent.code), so they work the same with a Russian or
 * Ukrainian layout switched on. Toggles share a key: only one of each pair is ever available.
 */
export const ACTION_KEYS: Record<BoothAction, { code: string; label: string }> = {
  open: { code: 'KeyO', label: 'O' },
  close: { code: 'KeyO', label: 'O' },
  pause: { code: 'KeyP', label: 'P' },
  resume: { code: 'KeyP', label: 'P' },
  callNext: { code: 'KeyN', label: 'N' },
  callTicket: { code: 'KeyC', label: 'C' },
  recall: { code: 'KeyR', label: 'R' },
  start: { code: 'KeyS', label: 'S' },
  done: { code: 'KeyD', label: 'D' },
  noShow: { code: 'KeyX', label: 'X' },
  transfer: { code: 'KeyT', label: 'T' },
  return: { code: 'KeyQ', label: 'Q' },
  issue: { code: 'KeyI', label: 'I' },
  grant: { code: 'KeyG', label: 'G' },
};

/** The journal's search box: not an action, but reachable by key as well. */
export const JOURNAL_SEARCH_KEY = { code: 'KeyJ', label: 'J' } as const;

export interface ActionPlan {
  /** The one big, obvious next step. */
  primary: BoothAction;
  /** What else may be done with the visitor at the booth. */
  visitor: BoothAction[];
  /** Booth-level actions: open/close, pause, issuing, out-of-turn. */
  booth: BoothAction[];
}

export function planActions(state: CounterState, held: Ticket | null): ActionPlan {
  const always: BoothAction[] = ['issue', 'grant'];
  if (state.status === 'closed') return { primary: 'open', visitor: [], booth: always };
  if (state.status === 'paused') return { primary: 'resume', visitor: [], booth: ['close', ...always] };
  if (held?.status === 'called') {
    return { primary: 'start', visitor: ['recall', 'noShow', 'done', 'transfer', 'return'], booth: always };
  }
  if (held?.status === 'serving') return { primary: 'done', visitor: ['transfer', 'return'], booth: always };
  return { primary: 'callNext', visitor: ['callTicket'], booth: ['pause', 'close', ...always] };
}

export function availableActions(plan: ActionPlan): BoothAction[] {
  return [plan.primary, ...plan.visitor, ...plan.booth];
}

export function actionForKey(code: string, plan: ActionPlan): BoothAction | undefined {
  return availableActions(plan).find((action) => ACTION_KEYS[action].code === code);
}
