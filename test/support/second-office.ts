// A second office beside `main`, for tests of several offices: a copy of main (its services, booths and
// settings) under its own id, name and address, created the way a regional admin does it.
import type { LocalizedText, Office, OfficeSummary } from '../../common/protocol';
import { call, MAIN_OFFICE, officeApi, type RunningTalon } from './talon-server';

export interface OfficeName {
  id: string;
  name: LocalizedText;
  address: LocalizedText;
}

export const NORTH: OfficeName = { id: 'north', name: { ru: 'Северный офис', en: 'North office' }, address: { ru: 'ул. Северная, 1', en: '1 North Street' } };

/** POST /api/offices as `regionalAdmin`: a copy of office main named `office`. */
export async function addCopyOfMain(server: RunningTalon, regionalAdmin: string, office: OfficeName = NORTH): Promise<void> {
  const config = await call<{ office: Office }>(server, officeApi('/config'), { token: regionalAdmin });
  if (!config.body.ok) throw new Error(`main's config: ${config.body.error.message}`);
  const document = { ...config.body.data.office, name: office.name, address: office.address };
  const created = await call<OfficeSummary>(server, '/api/offices', { token: regionalAdmin, body: { id: office.id, copyFrom: MAIN_OFFICE, office: document } });
  if (!created.body.ok) throw new Error(`creating ${office.id}: ${created.body.error.message}`);
}
