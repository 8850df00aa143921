// The words a kiosk screen reads aloud, from the parts the kiosk lists (see protocol/read-aloud.ts).
// The browser's own voice and the server's speech say the same sentence, so it is composed here.
import type { Lang, Service } from '../protocol/model';
import type { SpokenPart } from '../protocol/read-aloud';
import { localized } from '../ui/localized-text';
import type { MessageKey } from './catalogue';
import { spellTicketCode } from './spell-ticket-code';
import { translate } from './translate';

/** Names a part refers to: the office's services and its default language for missing names. */
export interface SpokenNames {
  services: readonly Service[];
  fallback: Lang;
}

/** Throws for a key not in the catalogue, a missing parameter or a service the office does not have. */
function partText(part: SpokenPart, lang: Lang, names: SpokenNames): string {
  if ('key' in part) {
    // The key arrives at run time, so the types cannot check its parameters: a text left with a
    // placeholder unfilled is refused rather than read out as "{number}".
    const text = (translate as (l: Lang, k: MessageKey, p?: object) => string)(lang, part.key as MessageKey, part.params ?? {});
    if (/\{\w+\}/u.test(text)) throw new RangeError(`Parameters missing for ${part.key}`);
    return text;
  }
  if ('ticket' in part) return spellTicketCode(part.ticket, lang);
  const id = 'service' in part ? part.service : part.groupOf;
  const service = names.services.find((s) => s.id === id);
  if (!service) throw new RangeError(`No service ${id}`);
  const text = 'service' in part ? service.name : service.group;
  if (!text) throw new RangeError(`Service ${id} is in no group`);
  return localized(text, lang, names.fallback);
}

/** One sentence per part, so a voice pauses between a heading and each option. */
export function spokenScreen(parts: readonly SpokenPart[], lang: Lang, names: SpokenNames): string {
  return parts
    .map((part) => partText(part, lang, names).trim().replace(/[.!?…:]*$/u, ''))
    .filter((text) => text.length > 0)
    .join('. ')
    .concat('.');
}
