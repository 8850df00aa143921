// A settings document of its own (visit journal, appointments): loaded when the tab opens, edited
// as a Draft, saved, then read back so the tab shows exactly what the server keeps.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiError, Result } from '../../../common/protocol';
import { Draft } from './admin-draft';

export interface SettingsEndpoints<T> {
  load: () => Promise<Result<T>>;
  save: (value: T) => Promise<Result<T>>;
}

export class SettingsDocument<T> implements ReactiveController {
  /** The settings as the server last gave them. */
  saved: T | null = null;
  loadError: ApiError | null = null;
  readonly draft: Draft<T>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly endpoints: SettingsEndpoints<T>,
  ) {
    this.draft = new Draft<T>(host);
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  hostUpdate(): void {
    if (this.saved) this.draft.follow(this.saved);
  }

  async load(): Promise<void> {
    const result = await this.endpoints.load();
    this.loadError = result.ok ? null : result.error;
    if (result.ok) this.saved = result.data;
    this.host.requestUpdate();
  }

  async save(describe: (error: ApiError) => string): Promise<void> {
    if (await this.draft.save(this.endpoints.save, describe)) await this.load();
  }
}
