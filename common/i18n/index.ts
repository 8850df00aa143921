// The public face of Talon's translations: catalogues, `translate`/`t`, and the spellers that turn
// ticket codes and numbers into words for announcements.
export { type Catalogue, type MessageKey, type MessageParams } from './catalogue';
export { plural, type PluralForms, type PluralMessage } from './plural';
export { CATALOGUES, translate, translatorFor, type Translator } from './translate';
export { spellNumber, MAX_SPELLED_NUMBER, type SpellOptions } from './spell-number';
export { spellTicketCode } from './spell-ticket-code';
export { letterName } from './letter-names';
export { announcementText } from './announcement-text';
export { expectedWaitText, waitValueText } from './wait-text';
export { dateAfterOn, type DateAfterOnOptions } from './date-after-on';
export { intlLocale } from './intl-locale';
