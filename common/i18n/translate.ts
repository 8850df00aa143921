import type { Lang } from '../protocol/model';
import type { Catalogue, MessageKey, ParamsArg, ParamValue } from './catalogue';
import type { Message, PluralMessage } from './plural';
import { en } from './en';
import { ru } from './ru';
import { uk } from './uk';

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, ru, uk };

const pluralRules = new Map<Lang, Intl.PluralRules>();

function pluralRulesFor(lang: Lang): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules;
}

/** The message stored under a dotted key; the key type guarantees it exists in every catalogue. */
function messageAt(catalogue: Catalogue, key: MessageKey): Message {
  let node: unknown = catalogue;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string' && (node as PluralMessage | undefined)?.kind !== 'plural') {
    throw new Error(`No message "${key}" in the catalogue`);
  }
  return node as Message;
}

function choosePluralForm(lang: Lang, message: PluralMessage, count: number): string {
  const { forms } = message;
  if (count === 0 && forms['=0'] !== undefined) return forms['=0'];
  return forms[pluralRulesFor(lang).select(count)] ?? forms.other;
}

/**
 * Fills `{name}` placeholders. Numbers are written with String(), not Intl.NumberFormat: grouping
 * would insert no-break spaces that a receipt printer's code page may not have.
 */
export function interpolate(template: string, params: Readonly<Record<string, ParamValue>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for placeholder {${name}} in "${template}"`);
    return String(value);
  });
}

/** `translate('ru', 'ticket.peopleAhead', { count: 3 })` → 'Перед вами 3 человека'. */
export function translate<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsArg<K>): string {
  const values: Record<string, ParamValue> = params[0] ?? {};
  const message = messageAt(CATALOGUES[lang], key);
  const template = typeof message === 'string' ? message : choosePluralForm(lang, message, Number(values['count']));
  return interpolate(template, values);
}

export type Translator = <K extends MessageKey>(key: K, ...params: ParamsArg<K>) => string;

/** A `t(key, params)` bound to one language, for a screen or a printed ticket. */
export function translatorFor(lang: Lang): Translator {
  return (key, ...params) => translate(lang, key, ...params);
}
