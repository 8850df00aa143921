import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../common/i18n';
import { groupCode, searchFor, spellCode } from '../../operator-panel/src/consultant/panel-consultant-code';
import { refusalText } from '../../operator-panel/src/consultant/panel-consultant-refusal';

describe('booking codes at the consultant desk', () => {
  it('groups a code in threes however it was typed', () => {
    expect(groupCode('K7H4MP')).toBe('K7H 4MP');
    expect(groupCode('k7h-4mp')).toBe('K7H 4MP');
  });

  it('spells a code with the spelling alphabet in English and letter names in Russian', () => {
    expect(spellCode('K7H4MP', 'en')).toBe('Kilo, seven, Hotel — four, Mike, Papa');
    expect(spellCode('K7H4MP', 'ru')).toBe('ка, семь, аш — четыре, эм, пэ');
  });

  it('reads a search as a code, a phone number, or neither', () => {
    expect(searchFor(' k7h 4mp ')).toEqual({ code: 'K7H4MP' });
    expect(searchFor('+7 (901) 222-33-44')).toEqual({ phone: '+7 (901) 222-33-44' });
    expect(searchFor('44')).toBeNull();
    expect(searchFor('Ivanov')).toBeNull();
  });
});

describe('refusals of the appointment book in words', () => {
  const t = translatorFor('en');

  it('uses the errors catalogue for a plain code', () => {
    expect(refusalText({ code: 'slot-full', message: 'x' }, t, 'en', 'Asia/Irkutsk')).toBe('This time slot is already full.');
  });

  it('names the reason and the booking status the server gives', () => {
    expect(refusalText({ code: 'conflict', message: 'x', details: { reason: 'late', lateMinutes: 25 } }, t, 'en', 'UTC')).toContain('25 min ago');
    expect(refusalText({ code: 'conflict', message: 'x', details: { status: 'checked-in' } }, t, 'en', 'UTC')).toContain('“Checked in”');
    expect(refusalText({ code: 'not-due-yet', message: 'x', details: { opensAt: Date.UTC(2030, 0, 15, 3, 15) } }, t, 'en', 'Asia/Irkutsk')).toBe(
      'Check-in for this booking opens at 11:15.',
    );
  });
});
