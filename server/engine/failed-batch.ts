// What becomes of a batch's commands when its write did not land (or nobody can tell): the engine's
// retry policy, apart from the engine that carries it out.
import { ApiFailure } from '../http/respond';
import { isUniqueViolation } from './commit-outcome';

/** The marks a command carries back into the engine's queue. */
export interface Retryable {
  /** After a failed group commit each command is retried alone, so one bad command cannot sink the others. */
  solo?: boolean;
  /** Decided again after another node took the seq this batch meant to write. */
  retried?: boolean;
}

export type AfterFailure<P> =
  /** Put back at the head of the queue, to be decided again; `reload` first when the office moved. */
  | { kind: 'retry'; commands: P[]; reload: boolean }
  /** Answered with `failure`; `reload` before the next decision when the batch may have landed. */
  | { kind: 'refuse'; failure: ApiFailure; reload: boolean };

/**
 * `unknown`: the batch may have landed — deciding again could do it twice and "nothing was done"
 * could be false, so refuse and reload. A journal key clash on a shared office: a writer that did not
 * take the office's lock got there first — reload and decide again, once. Several commands: each
 * again on its own, so only the one that cannot be saved fails. One: it could not be saved.
 */
export function afterFailedBatch<P extends Retryable>(commands: P[], error: unknown, unknown: boolean, shared: boolean): AfterFailure<P> {
  if (unknown) return { kind: 'refuse', failure: new ApiFailure({ code: 'internal', message: 'The change may or may not have been saved; check before repeating it' }), reload: true };
  if (shared && isUniqueViolation(error) && !commands.some((p) => p.retried)) return { kind: 'retry', commands: commands.map((p) => ({ ...p, retried: true })), reload: true };
  if (commands.length > 1) return { kind: 'retry', commands: commands.map((p) => ({ ...p, solo: true })), reload: false };
  return { kind: 'refuse', failure: new ApiFailure({ code: 'internal', message: 'The change could not be saved; nothing was done' }), reload: false };
}
