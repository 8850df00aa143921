// The edit-then-save cycle every settings form shares: a draft copied from the live configuration,
// kept in step with it until the admin starts typing, then saved through the API. A refusal
// leaves the draft as typed and sorts the server's issues by field.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiError, Result } from '../../../common/protocol';
import { IssueReader, issuesOf, type Issue } from './admin-issues';

export class Draft<T> implements ReactiveController {
  value: T | null = null;
  dirty = false;
  busy = false;
  saved = false;
  private issues: Issue[] = [];
  private source: T | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Follows the live configuration (another admin's save, a resync) while nothing is edited here. */
  follow(source: T): void {
    if (source === this.source) return;
    this.source = source;
    if (!this.dirty) this.value = structuredClone(source);
  }

  /** Starts over from this value: a new item, or the admin's "discard changes". */
  reset(value: T): void {
    this.value = structuredClone(value);
    this.dirty = false;
    this.saved = false;
    this.issues = [];
    this.host.requestUpdate();
  }

  edit(change: (draft: T) => void): void {
    if (this.value === null) return;
    const next = structuredClone(this.value);
    change(next);
    this.value = next;
    this.dirty = true;
    this.saved = false;
    this.host.requestUpdate();
  }

  async save(send: (value: T) => Promise<Result<unknown>>, describe: (error: ApiError) => string): Promise<boolean> {
    if (this.value === null || this.busy) return false;
    this.busy = true;
    this.host.requestUpdate();
    const result = await send(this.value);
    this.busy = false;
    this.issues = result.ok ? [] : issuesOf(result.error, describe(result.error));
    this.dirty = !result.ok;
    this.saved = result.ok;
    this.host.requestUpdate();
    return result.ok;
  }

  /** A fresh reader for one render: see IssueReader. */
  reader(): IssueReader {
    return new IssueReader(this.issues);
  }
}
