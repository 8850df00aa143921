// The catalogue's `ticket` section holds whole sentences ('Выдан: {date} {time}', 'Ожидание:
// около {count} минут'), while the ticket layout prints `label: value` pairs. This file is the one
// bridge between them: a sentence is split at its first ': ', so paper shows exactly the
// catalogue's sentence. The people-ahead sentence has no colon ('Перед вами 3 человека'), so its
// label is the words around the number; the layout then prints 'Перед вами: 3'.
import type { Lang } from '../../common/protocol';
import { translate } from '../../common/i18n';

export interface LabelledValue {
  label: string;
  value: string;
}

const SEPARATOR = ': ';

/** 'Выдан: 12.03.2025 09:41' → { label: 'Выдан', value: '12.03.2025 09:41' }. */
export function splitSentence(sentence: string): LabelledValue {
  const at = sentence.indexOf(SEPARATOR);
  // Every catalogue's sentences are checked by a unit test; this only fires on a new, bad translation.
  if (at <= 0) throw new Error(`The ticket sentence "${sentence}" has no "label: value" form`);
  return { label: sentence.slice(0, at), value: sentence.slice(at + SEPARATOR.length) };
}

/** A count that picks an ordinary plural form with the number in it (not the '=0' sentence). */
const SAMPLE_COUNT = 5;

/** 'Перед вами 5 человек' → 'Перед вами'; '5 people ahead of you' → 'People ahead of you'. */
export function peopleAheadLabel(lang: Lang): string {
  const sentence = translate(lang, 'ticket.peopleAhead', { count: SAMPLE_COUNT });
  const [before = '', after = ''] = sentence.split(String(SAMPLE_COUNT));
  const words = before.trim() !== '' ? before.trim() : after.trim();
  return words.charAt(0).toLocaleUpperCase(lang) + words.slice(1);
}

export function issuedLine(lang: Lang, date: string, time: string): LabelledValue {
  return splitSentence(translate(lang, 'ticket.issued', { date, time }));
}

export function expectedWaitLine(lang: Lang, minutes: number): LabelledValue {
  return splitSentence(translate(lang, 'ticket.expectedWait', { count: minutes }));
}

/** The phones label; the layout joins the numbers with ', ' itself. */
export function phonesLabel(lang: Lang): string {
  return splitSentence(translate(lang, 'ticket.phones', { phones: '-' })).label;
}
