import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../common/i18n/catalogue';
import type { Message, PluralMessage } from '../../common/i18n/plural';
import { CATALOGUES } from '../../common/i18n/translate';
import { ERROR_CODES } from '../../common/protocol/errors';
import { LANGUAGES } from '../../common/protocol/model';

// tsc already fails on a missing or extra key; these check what types cannot see.

function isPlural(value: unknown): value is PluralMessage {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'plural';
}

function messages(node: unknown, prefix = ''): [string, Message][] {
  if (typeof node === 'string' || isPlural(node)) return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) =>
    messages(child, prefix ? `${prefix}.${key}` : key),
  );
}

function texts(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message.forms);
}

function placeholders(message: Message): string[] {
  const names = texts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));
  return [...new Set(names)].sort();
}

const english = new Map(messages(CATALOGUES.en));

describe('translation catalogues', () => {
  for (const lang of LANGUAGES) {
    const catalogue: Catalogue = CATALOGUES[lang];

    it(`have the same keys in ${lang} as in English, at run time too`, () => {
      expect(messages(catalogue).map(([key]) => key)).toEqual([...english.keys()]);
    });

    it(`have no empty or padded text in ${lang}`, () => {
      for (const [key, message] of messages(catalogue)) {
        for (const text of texts(message)) {
          expect(text.trim(), key).not.toBe('');
          expect(text, key).toBe(text.trim());
        }
      }
    });

    it(`use the same placeholders in ${lang} as in English`, () => {
      for (const [key, message] of messages(catalogue)) {
        expect(placeholders(message), key).toEqual(placeholders(english.get(key)!));
      }
    });

    it(`give every plural message in ${lang} all the forms its plural rules ask for`, () => {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, message] of messages(catalogue)) {
        if (!isPlural(message)) continue;
        for (const category of categories) expect(message.forms, `${key}.${category}`).toHaveProperty(category);
        expect(placeholders(message), key).toContain('count');
      }
    });

    it(`use only balanced, well-formed placeholders in ${lang}`, () => {
      for (const [key, message] of messages(catalogue)) {
        for (const text of texts(message)) expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
      }
    });
  }

  it('have a message for every protocol error code and no other', () => {
    expect(Object.keys(CATALOGUES.en.errors).sort()).toEqual([...ERROR_CODES].sort());
  });
});
