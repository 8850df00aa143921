// The shape of a translation catalogue, derived from the English one: English defines the keys, the
// placeholders and which messages are plural; every other language is checked against it by tsc.
import type { en } from './en';
import type { Message, PluralMessage } from './plural';

/** The English literals widened to "any string", so ru/uk must have the same keys, nothing more. */
type Widen<T> = T extends string
  ? string
  : T extends PluralMessage
    ? PluralMessage
    : { readonly [K in keyof T]: Widen<T[K]> };

export type Catalogue = Widen<typeof en>;
export type Section = keyof Catalogue;

/** Dotted paths to every message: 'ticket.peopleAhead', 'errors.not-found' … */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends Message ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Paths<typeof en>;

type MessageAt<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? MessageAt<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

export type ParamValue = string | number;

/** The parameters a message needs, read from its English text: `{ticket}` needs `ticket`. */
export type MessageParams<K extends MessageKey> =
  MessageAt<typeof en, K> extends PluralMessage<infer F>
    ? { count: number } & Record<Exclude<Placeholders<F[keyof F]>, 'count'>, ParamValue>
    : Record<Placeholders<MessageAt<typeof en, K>>, ParamValue>;

/** No second argument for a message without placeholders, a required one otherwise. */
export type ParamsArg<K extends MessageKey> = [keyof MessageParams<K>] extends [never] ? [] : [MessageParams<K>];
