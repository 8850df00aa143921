// The booth this computer works in each office, kept in localStorage so a booth PC opens its booth
// straight after sign-in. Booth ids are office-local, so each office has its own key.
import { SINGLE_OFFICE_ID, type OfficeId } from '../../../common/protocol/offices';

const boothStorageKey = (officeId: OfficeId) => `talon.panel.counter.${officeId}`;
/** Where the panel kept the booth before there were offices (#11); it meant the single office. */
const SINGLE_OFFICE_BOOTH_KEY = 'talon.panel.counter';

/** The booth last chosen in this office on this computer, or null. */
export function rememberedBooth(officeId: OfficeId): string | null {
  if (officeId === SINGLE_OFFICE_ID) moveSingleOfficeBooth();
  return localStorage.getItem(boothStorageKey(officeId));
}

export function rememberBooth(officeId: OfficeId, counterId: string | null): void {
  if (counterId) localStorage.setItem(boothStorageKey(officeId), counterId);
  else localStorage.removeItem(boothStorageKey(officeId));
}

/**
 * A booth PC upgraded from a single-office Talon knows its booth only under the old key. It moves
 * once; an old key left beside a newer choice is dropped, or it would bring back a booth the
 * specialist has since given up.
 */
function moveSingleOfficeBooth(): void {
  const old = localStorage.getItem(SINGLE_OFFICE_BOOTH_KEY);
  if (old === null) return;
  const key = boothStorageKey(SINGLE_OFFICE_ID);
  if (localStorage.getItem(key) === null) localStorage.setItem(key, old);
  localStorage.removeItem(SINGLE_OFFICE_BOOTH_KEY);
}
