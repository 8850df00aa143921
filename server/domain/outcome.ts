import type { DomainError } from './errors';
import type { Change, QueueState } from './state';

export type Outcome<T> =
  | { ok: true; state: QueueState; changes: Change[]; value: T }
  | { ok: false; error: DomainError };

export function success<T>(state: QueueState, changes: Change[], value: T): Outcome<T> {
  return { ok: true, state, changes, value };
}

export function failure<T>(error: DomainError): Outcome<T> {
  return { ok: false, error };
}
