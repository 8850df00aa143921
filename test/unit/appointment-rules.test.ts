import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_CODE_ALPHABET, APPOINTMENT_CODE_LENGTH, DEFAULT_APPOINTMENT_SETTINGS, type Appointment } from '../../common/protocol';
import { appointmentCode, isAppointmentCode, normalizeAppointmentCode } from '../../common/appointment-codes';
import { checkInDecision, isNoShow, noShowAt, type CheckInRules } from '../../server/domain/check-in';
import { walkInShareFor, withinHorizon } from '../../server/domain/booking';

const MINUTE = 60_000;
const SLOT_START = Date.UTC(2025, 2, 10, 9, 0);
const appointment = (status: Appointment['status'] = 'booked', minutes = 15) => ({ status, slotStart: SLOT_START, slotEnd: SLOT_START + minutes * MINUTE });
const rules: CheckInRules = { earlyMinutes: 60, graceMinutes: 20, lateArrival: 'walk-in' };
const at = (minutesFromSlot: number) => SLOT_START + minutesFromSlot * MINUTE;

describe('booking codes', () => {
  it('have no characters that look like others', () => {
    for (const lookAlike of '0OQ1IL2Z5SG8B') expect(APPOINTMENT_CODE_ALPHABET).not.toContain(lookAlike);
    expect(new Set(APPOINTMENT_CODE_ALPHABET).size).toBe(APPOINTMENT_CODE_ALPHABET.length);
  });

  it('are six characters from the alphabet, whatever the random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 64, maxLength: 64 }), (bytes) => {
        let i = 0;
        // Bytes above the unbiased range are drawn again; after the array, 0 always fits.
        const code = appointmentCode(() => bytes[i++] ?? 0);
        expect(code).toHaveLength(APPOINTMENT_CODE_LENGTH);
        expect(isAppointmentCode(code)).toBe(true);
      }),
    );
  });

  it('skip bytes that would favour some characters over others', () => {
    const bytes = [255, 254, 253, 0, 1, 2, 3, 4, 5];
    let i = 0;
    expect(appointmentCode(() => bytes[i++]!)).toBe(APPOINTMENT_CODE_ALPHABET.slice(0, 6));
  });

  it('are read back without the case, spaces and dashes people add', () => {
    expect(normalizeAppointmentCode(' k7m-p3x ')).toBe('K7MP3X');
    expect(isAppointmentCode(normalizeAppointmentCode('k7m p3x'))).toBe(true);
    expect(isAppointmentCode('K7MP3')).toBe(false);
    expect(isAppointmentCode('K7MP30')).toBe(false);
  });
});

describe('check-in window', () => {
  it('opens the configured minutes before the slot and refuses earlier arrivals', () => {
    expect(checkInDecision(appointment(), rules, at(-61))).toEqual({ kind: 'too-early', opensAt: at(-60) });
    expect(checkInDecision(appointment(), rules, at(-60))).toEqual({ kind: 'booked' });
  });

  it('gives a booked ticket up to the end of the grace period', () => {
    expect(checkInDecision(appointment(), rules, at(0))).toEqual({ kind: 'booked' });
    expect(checkInDecision(appointment(), rules, at(20))).toEqual({ kind: 'booked' });
  });

  it('makes a later visitor a walk-in when the office says so', () => {
    expect(checkInDecision(appointment(), rules, at(21))).toEqual({ kind: 'walk-in', lateMinutes: 21 });
  });

  it('refuses a later visitor when the office says so', () => {
    expect(checkInDecision(appointment(), { ...rules, lateArrival: 'refuse' }, at(21))).toEqual({ kind: 'too-late', lateMinutes: 21 });
  });

  it('treats a visitor already marked no-show as late', () => {
    expect(checkInDecision(appointment('no-show'), rules, at(25))).toEqual({ kind: 'walk-in', lateMinutes: 25 });
    expect(checkInDecision(appointment('no-show'), { ...rules, lateArrival: 'refuse' }, at(25)).kind).toBe('too-late');
  });

  it('knows a code that was checked in or cancelled, whatever the time', () => {
    expect(checkInDecision(appointment('checked-in'), rules, at(500))).toEqual({ kind: 'already-checked-in' });
    expect(checkInDecision(appointment('cancelled'), rules, at(0))).toEqual({ kind: 'cancelled' });
  });
});

describe('no-shows', () => {
  it('are booked visitors past the later of slot end and grace end', () => {
    expect(noShowAt(appointment('booked', 15), 20)).toBe(at(20));
    expect(noShowAt(appointment('booked', 45), 20)).toBe(at(45));
    expect(isNoShow(appointment('booked', 15), 20, at(19))).toBe(false);
    expect(isNoShow(appointment('booked', 15), 20, at(20))).toBe(true);
  });

  it('never include visitors who checked in or cancelled', () => {
    expect(isNoShow(appointment('checked-in'), 20, at(600))).toBe(false);
    expect(isNoShow(appointment('cancelled'), 20, at(600))).toBe(false);
  });
});

describe('booking settings', () => {
  it('keep half of every slot for walk-ins unless a service says otherwise', () => {
    const settings = { ...DEFAULT_APPOINTMENT_SETTINGS, serviceWalkInShare: { documents: 0.75 } };
    expect(walkInShareFor(settings, 'certificates')).toBe(0.5);
    expect(walkInShareFor(settings, 'documents')).toBe(0.75);
  });

  it('open today and the horizon’s days after it, no more', () => {
    expect(withinHorizon('2025-03-10', '2025-03-10', 14)).toBe(true);
    expect(withinHorizon('2025-03-23', '2025-03-10', 14)).toBe(true);
    expect(withinHorizon('2025-03-24', '2025-03-10', 14)).toBe(false);
    expect(withinHorizon('2025-03-09', '2025-03-10', 14)).toBe(false);
  });
});
