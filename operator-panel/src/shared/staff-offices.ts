// The offices a signed-in person may work in (GET /api/offices with the session answers them with
// the person's role in each), and which of them this computer last worked in for that person.
import type { Result } from '../../../common/protocol';
import type { OfficeId, StaffOffice } from '../../../common/protocol/offices';
import { api } from '../../../common/ui/api';

/** Remembered per person: whoever signs in next on this computer starts in their own office. */
const officeStorageKey = (userId: string) => `talon.panel.office.${userId}`;

export function staffOffices(): Promise<Result<StaffOffice[]>> {
  return api<StaffOffice[]>('/api/offices');
}

/** The office last chosen on this computer if the person still works there, else their first. */
export function startingOffice(userId: string, offices: readonly StaffOffice[]): StaffOffice | undefined {
  const remembered = localStorage.getItem(officeStorageKey(userId));
  return offices.find((office) => office.id === remembered) ?? offices[0];
}

export function rememberOffice(userId: string, officeId: OfficeId): void {
  localStorage.setItem(officeStorageKey(userId), officeId);
}
