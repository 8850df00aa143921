// Plural messages: the one piece of the catalogue's shape the English texts themselves use, kept
// apart from the types derived from English so the catalogue and its texts do not import each other.
/** Plural forms by CLDR category, plus an exact '=0' form as in ICU MessageFormat. */
export type PluralForms = { readonly [C in Intl.LDMLPluralRule]?: string } & {
  readonly other: string;
  readonly '=0'?: string;
};

/** A message chosen by a `count` parameter; every form may use `{count}` and other placeholders. */
export interface PluralMessage<F extends PluralForms = PluralForms> {
  readonly kind: 'plural';
  readonly forms: F;
}

/** Marks a message as plural; `const` keeps the English literals so their placeholders can be typed. */
export function plural<const F extends PluralForms>(forms: F): PluralMessage<F> {
  return { kind: 'plural', forms };
}

export type Message = string | PluralMessage;
