// The visitor's language as the staff choose and see it (a ticket issued at the booth, a booking made
// by a consultant): each language by its own name ("Українська"), as the visitor calls it and as the
// kiosk's switch shows it, so the specialist needs no translation to match what the visitor says.
import { html } from 'lit';
import { translate } from '../../../common/i18n';
import type { Lang, PublicOffice } from '../../../common/protocol';

/** 'Українська' for uk, whatever the staff screen's language. */
export function ownLanguageName(lang: Lang): string {
  return translate(lang, 'common.language');
}

/** The office's languages for a <select>, its default chosen. */
export function visitorLanguageOptions(office: Pick<PublicOffice, 'languages' | 'defaultLanguage'>) {
  return office.languages.map((l) => html`<option value=${l} lang=${l} ?selected=${l === office.defaultLanguage}>${ownLanguageName(l)}</option>`);
}
