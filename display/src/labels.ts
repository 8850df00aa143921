// Texts on a display in all its languages: the first leads, the others follow smaller beneath.
import { html, type TemplateResult } from 'lit';
import { translate } from '../../common/i18n';
import type { MessageKey, ParamsArg } from '../../common/i18n/catalogue';
import type { Lang } from '../../common/protocol';

export function label<K extends MessageKey>(langs: readonly Lang[], key: K, ...params: ParamsArg<K>): TemplateResult {
  const [first, ...others] = langs.map((lang) => translate(lang, key, ...params));
  return html`<span class="lead">${first}</span>${others.map((text) => html`<span class="also">${text}</span>`)}`;
}
