// Form fields of the settings screens, each with its label and the server's issues right below it.
// Every input carries `name` = the field's path in the saved document, so an issue's path, the
// field and a test all point at the same thing.
import { html, nothing } from 'lit';
import type { Translator } from '../../../common/i18n';
import { LANGUAGES, type LocalizedText } from '../../../common/protocol';

export function issueLines(messages: readonly string[]) {
  return messages.length === 0 ? nothing : html`${messages.map((m) => html`<span class="issue" role="alert">${m}</span>`)}`;
}

interface FieldOptions {
  type?: 'text' | 'time' | 'date' | 'password';
  placeholder?: string;
  wide?: boolean;
}

export function textField(name: string, label: string, value: string, onInput: (value: string) => void, issues: readonly string[], options: FieldOptions = {}) {
  return html`<label class=${options.wide ? 'wide' : ''}
    >${label}<input
      name=${name}
      type=${options.type ?? 'text'}
      .value=${value}
      placeholder=${options.placeholder ?? ''}
      aria-invalid=${issues.length > 0 ? 'true' : 'false'}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
    />${issueLines(issues)}</label
  >`;
}

/** A whole number, or null when the field is left empty (the server says whether that is allowed). */
export function numberField(name: string, label: string, value: number | null, onInput: (value: number | null) => void, issues: readonly string[], step = 1) {
  return html`<label
    >${label}<input
      name=${name}
      type="number"
      step=${step}
      .value=${value === null || Number.isNaN(value) ? '' : String(value)}
      aria-invalid=${issues.length > 0 ? 'true' : 'false'}
      @input=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        onInput(input.value.trim() === '' ? null : input.valueAsNumber);
      }}
    />${issueLines(issues)}</label
  >`;
}

export function checkField(name: string, label: string, checked: boolean, onChange: (checked: boolean) => void) {
  return html`<label class="inline"
    ><input name=${name} type="checkbox" .checked=${checked} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />${label}</label
  >`;
}

export function selectField<V extends string>(name: string, label: string, value: V, options: readonly { value: V; label: string }[], onChange: (value: V) => void, issues: readonly string[] = []) {
  return html`<label
    >${label}<select name=${name} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as V)}>
      ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select>${issueLines(issues)}</label
  >`;
}

/** One text in every language Talon speaks; an emptied language is left out of the document. */
export function localizedFields(t: Translator, name: string, label: string, value: LocalizedText, onInput: (value: LocalizedText) => void, issues: readonly string[]) {
  return html`<fieldset class="localized">
    <legend>${label}</legend>
    ${LANGUAGES.map(
      (lang) => html`<label class="lang"
        ><span class="lang-code">${t(`admin.language.${lang}`)}</span
        ><input
          name=${`${name}.${lang}`}
          .value=${value[lang] ?? ''}
          @input=${(e: Event) => {
            const text = (e.target as HTMLInputElement).value;
            const next = { ...value };
            if (text === '') delete next[lang];
            else next[lang] = text;
            onInput(next);
          }}
      /></label>`,
    )}
    ${issueLines(issues)}
  </fieldset>`;
}

/**
 * Save / discard and what became of the last save. Issues no field showed are listed here, so it
 * must be rendered after the fields (see IssueReader).
 */
export function formFooter(
  t: Translator,
  state: { dirty: boolean; busy: boolean; saved: boolean },
  rest: readonly string[],
  onDiscard: (() => void) | null,
  onClose: (() => void) | null = null,
) {
  return html`<div class="footer">
    <button type="submit" class="primary" data-role="save" ?disabled=${state.busy}>${t(state.busy ? 'admin.form.saving' : 'admin.form.save')}</button>
    ${onDiscard && state.dirty ? html`<button type="button" @click=${onDiscard}>${t('admin.form.discard')}</button>` : nothing}
    ${onClose ? html`<button type="button" data-role="close" @click=${onClose}>${t('admin.form.close')}</button>` : nothing}
    ${state.saved ? html`<span class="saved" role="status">${t('admin.form.saved')}</span>` : nothing}
    ${state.dirty && !state.saved && rest.length === 0 ? html`<span class="muted">${t('admin.form.unsaved')}</span>` : nothing}
    ${rest.length > 0 ? html`<ul class="form-issues">${rest.map((m) => html`<li class="issue" role="alert">${m}</li>`)}</ul>` : nothing}
  </div>`;
}

/** A row's edit button: it reads "Edit", and a screen reader hears which row ("Edit «Documents»"). */
export function editButton(t: Translator, name: string, onClick: () => void) {
  return html`<button type="button" data-role="edit" aria-label=${t('admin.form.editItem', { name })} @click=${onClick}>${t('admin.form.edit')}</button>`;
}
