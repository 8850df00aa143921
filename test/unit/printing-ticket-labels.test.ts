import { describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import { LANGUAGES, type Device } from '../../common/protocol';
import { pairedAgent } from '../../server/printing/pairing';
import { expectedWaitLine, issuedLine, peopleAheadLabel, phonesLabel, splitSentence } from '../../server/printing/ticket-labels';

describe('ticket labels from the catalogue', () => {
  it.each(LANGUAGES)('prints exactly the catalogue sentence for issue time and wait in %s', (lang) => {
    const issued = issuedLine(lang, '12.03.2025', '09:41');
    expect(`${issued.label}: ${issued.value}`).toBe(translate(lang, 'ticket.issued', { date: '12.03.2025', time: '09:41' }));
    for (const minutes of [0, 1, 3, 15, 21]) {
      const wait = expectedWaitLine(lang, minutes);
      expect(`${wait.label}: ${wait.value}`).toBe(translate(lang, 'ticket.expectedWait', { count: minutes }));
    }
    expect(`${phonesLabel(lang)}: +7 1, +7 2`).toBe(translate(lang, 'ticket.phones', { phones: '+7 1, +7 2' }));
  });

  it('names the people ahead with the words around the number', () => {
    expect(peopleAheadLabel('ru')).toBe('Перед вами');
    expect(peopleAheadLabel('uk')).toBe('Перед вами');
    expect(peopleAheadLabel('en')).toBe('People ahead of you');
  });

  it('refuses a sentence without a label', () => {
    expect(() => splitSentence('Выдан 12.03.2025')).toThrow(/label: value/);
  });
});

function device(id: string, kind: Device['kind'], zone: string | null, settings: Record<string, unknown> = {}, revoked = false): Device {
  return { id, kind, name: id, zone, revoked, settings };
}

describe('pairing a kiosk with its print agent', () => {
  it('takes the agent named in the kiosk settings over the zone', () => {
    const kiosk = device('k', 'kiosk', 'hall', { printAgentId: 'far' });
    expect(pairedAgent(kiosk, [kiosk, device('near', 'print-agent', 'hall'), device('far', 'print-agent', 'annex')])).toEqual({ ok: true, agentId: 'far' });
  });

  it('takes the only active agent in the kiosk zone', () => {
    const kiosk = device('k', 'kiosk', 'hall');
    const devices = [kiosk, device('old', 'print-agent', 'hall', {}, true), device('a', 'print-agent', 'hall'), device('b', 'print-agent', 'annex')];
    expect(pairedAgent(kiosk, devices)).toEqual({ ok: true, agentId: 'a' });
  });

  it('does not guess between two agents in one zone, nor accept a revoked or unknown named agent', () => {
    const kiosk = device('k', 'kiosk', 'hall');
    expect(pairedAgent(kiosk, [kiosk, device('a', 'print-agent', 'hall'), device('b', 'print-agent', 'hall')]).ok).toBe(false);
    const named = device('k', 'kiosk', 'hall', { printAgentId: 'gone' });
    expect(pairedAgent(named, [named, device('gone', 'print-agent', 'hall', {}, true)]).ok).toBe(false);
    expect(pairedAgent(named, [named, device('a', 'print-agent', 'hall')]).ok).toBe(false);
  });
});
