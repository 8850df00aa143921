// What a phone remembers for joining the queue, in the browser's localStorage (never in a URL the
// server logs): its own random id, which counts its tickets and proves "I'm here" is said by the
// phone that took the ticket; and, per office, the ticket it took last, so opening the entrance QR
// again says "I'm here" for it.
import type { OfficeId } from '../../../common/protocol';

const PHONE_KEY = 'talon.phone';
const ticketKey = (officeId: OfficeId) => `talon.join.${officeId}`;

/** This phone's id, made on first use; null when the browser keeps nothing (private mode may). */
export function phoneId(): string | null {
  try {
    const kept = localStorage.getItem(PHONE_KEY);
    if (kept) return kept;
    const made = crypto.randomUUID();
    localStorage.setItem(PHONE_KEY, made);
    return made;
  } catch {
    return null;
  }
}

/** The id this phone already has, without making one (the live page must not invent a stranger's). */
export function knownPhoneId(): string | null {
  try {
    return localStorage.getItem(PHONE_KEY);
  } catch {
    return null;
  }
}

export function rememberTicket(officeId: OfficeId, ticketId: string): void {
  try {
    localStorage.setItem(ticketKey(officeId), ticketId);
  } catch {
    // Without storage the visitor still has the ticket's page; only the QR's "I'm here" is lost.
  }
}

export function rememberedTicket(officeId: OfficeId): string | null {
  try {
    return localStorage.getItem(ticketKey(officeId));
  } catch {
    return null;
  }
}

export function forgetTicket(officeId: OfficeId): void {
  try {
    localStorage.removeItem(ticketKey(officeId));
  } catch {
    // Nothing kept, nothing to forget.
  }
}
