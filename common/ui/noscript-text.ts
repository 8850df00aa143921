// What a browser without JavaScript shows instead of an app. A page is plain HTML before any script
// runs and does not know the office's language yet, so it says it in every language, from the
// catalogues; the build writes it into each page's empty <noscript></noscript>.
import { translate } from '../i18n';
import { LANGUAGES } from '../protocol/model';

export const NOSCRIPT_PLACEHOLDER = '<noscript></noscript>';

export function noscriptHtml(): string {
  return `<noscript>${LANGUAGES.map((lang) => `<p lang="${lang}">${translate(lang, 'common.noscript')}</p>`).join('')}</noscript>`;
}
