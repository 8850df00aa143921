// Answers of the read-only REST endpoints that clients use, typed once for server and apps.
import type { EventKind, OfficeStatus } from './events';
import type { Service, Ticket, WaitEstimate } from './model';

/** GET /api/services: one entry per active service. */
export interface ServiceAvailability {
  service: Service;
  issuedToday: number;
  limitReached: boolean;
  /** Some active counter serves it; otherwise the kiosk greys it out. */
  served: boolean;
  /** Counters open now that serve the service. */
  countersOpen: number;
  waiting: number;
}

export interface ServicesAnswer {
  officeStatus: OfficeStatus;
  services: ServiceAvailability[];
}

/** GET /api/tickets/:id: a visitor's live ticket. */
export interface LiveTicket {
  ticket: Ticket;
  /** How the public snapshot and events name this ticket: they never carry its id. */
  ref: string;
  estimate: WaitEstimate | null;
  counterNumber: number | null;
}

/** GET /api/journal: a page of entries, and the cursor of the next (older) page or null after the last. */
export interface JournalPage {
  entries: JournalEntry[];
  /** Pass as `before` to read on; null when this page holds the day's oldest entry. */
  next: number | null;
}

/** One transition of the journal. `note` carries the reason (for a call, its CallReason as JSON). */
export interface JournalEntry {
  seq: number;
  at: number;
  kind: EventKind;
  ticketId: string | null;
  code: string | null;
  counterId: string | null;
  serviceId: string | null;
  /** 'user:<id>', 'device:<id>', 'system' or 'public'. */
  actor: string;
  from: string | null;
  to: string | null;
  note: string | null;
}
