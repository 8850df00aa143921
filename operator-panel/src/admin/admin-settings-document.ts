// A settings document of its own (visit journal, appointments, joining from a phone, messages,
// retention): loaded for the panel session's office when the tab opens, edited as a Draft, saved,
// then read back so the tab shows exactly what the server keeps. It also draws the form around the
// tab's fields, because every such tab shows a refused load, loading, read-only and saving the same
// way; a tab itself holds only its fields and texts.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Translator } from '../../../common/i18n';
import type { ApiError, Result } from '../../../common/protocol';
import type { PanelEnv } from '../shared/panel-env';
import { mayEdit, sessionAdminApi, type AdminApi } from './admin-api';
import { Draft } from './admin-draft';
import { formFooter, issueLines } from './admin-fields';
import { refusalText, type IssueReader } from './admin-issues';

export interface SettingsEndpoints<T> {
  load: () => Promise<Result<T>>;
  save: (value: T) => Promise<Result<T>>;
}

export interface SettingsDocumentOptions<T> {
  /** The document's routes among the office's (the office is the session's, known only once the tab is connected). */
  endpoints: (api: AdminApi) => SettingsEndpoints<T>;
  /** Runs after every save, kept or refused: for what the tab shows beside the document and the save may change. */
  afterSave?: () => Promise<void>;
}

/** What a tab draws its fields from, in one render. */
export interface SettingsFields<T> {
  env: PanelEnv;
  /** env.t, the texts in the admin's language. */
  t: Translator;
  /** The draft, as the admin has typed it so far. */
  settings: T;
  /** Take a field's issues before the footer takes the rest (see IssueReader). */
  issues: IssueReader;
  edit: (change: (settings: T) => void) => void;
}

export class SettingsDocument<T> implements ReactiveController {
  /** The settings as the server last gave them. */
  saved: T | null = null;
  loadError: ApiError | null = null;
  readonly draft: Draft<T>;

  /** `env` reads the host's consumed panel context; the host consumes it first, so it has answered by the time this loads. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly env: () => PanelEnv | undefined,
    private readonly options: SettingsDocumentOptions<T>,
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
    const result = await this.endpoints().load();
    this.loadError = result.ok ? null : result.error;
    if (result.ok) this.saved = result.data;
    this.host.requestUpdate();
  }

  readonly edit = (change: (settings: T) => void): void => this.draft.edit(change);

  /** The form's submit: a refusal is worded in the admin's language and sorted onto the fields. */
  readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const env = this.env();
    if (!env) return;
    if (await this.draft.save(this.endpoints().save, (error) => refusalText(env.t, error))) await this.load();
    await this.options.afterSave?.();
  };

  /**
   * The whole tab for a document: why it could not load, nothing until it has, then its form.
   * `channel` names the form when a tab holds several (the messages tab, one per channel).
   */
  render(fields: (parts: SettingsFields<T>) => unknown, channel?: string) {
    const env = this.env();
    if (!env) return nothing;
    if (this.loadError) return issueLines([refusalText(env.t, this.loadError)]);
    return this.form(env, fields, channel);
  }

  /**
   * The form alone (nothing until loaded), for a tab that says its own refusals because it loads
   * more than this document. Admins edit; anyone else sees the same fields disabled and no Save.
   */
  form(env: PanelEnv, fields: (parts: SettingsFields<T>) => unknown, channel?: string) {
    const settings = this.draft.value;
    const saved = this.saved;
    if (!settings || !saved) return nothing;
    const editable = mayEdit(env.user);
    const issues = this.draft.reader();
    // The fields are drawn before the footer, which lists only the issues they left (see IssueReader).
    return html`<form data-channel=${ifDefined(channel)} @submit=${this.submit} novalidate>
      <fieldset class="plain stack" ?disabled=${!editable}>${fields({ env, t: env.t, settings, issues, edit: this.edit })}</fieldset>
      ${editable ? formFooter(env.t, this.draft, issues.rest(), () => this.draft.reset(saved)) : nothing}
    </form>`;
  }

  private endpoints(): SettingsEndpoints<T> {
    return this.options.endpoints(sessionAdminApi(this.env()));
  }
}
