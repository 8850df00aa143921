// The apps' way to talk to one office: `api` bound to `/api/offices/<id>`, so a call site names
// only the route within the office (`/config`, `/tickets/…`) and never spells the prefix by hand.
import { officeApiPath, type OfficeId } from '../protocol/offices';
import type { Result } from '../protocol';
import { api, type ApiInit } from './api';

export type OfficeApi = <T>(path: string, init?: ApiInit) => Promise<Result<T>>;

export function officeApi(officeId: OfficeId): OfficeApi {
  return (path, init) => api(officeApiPath(officeId, path), init);
}
