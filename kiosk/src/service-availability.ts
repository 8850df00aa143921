// GET /api/offices/<id>/services: per service, whether today's tickets ran out. The snapshot alone cannot say
// (it holds only open tickets, not how many were issued), so the kiosk asks the server.
import type { ServiceAvailability, ServicesAnswer } from '../../common/protocol';
import type { OfficeApi } from '../../common/ui/office-api';
import { CoalescedRequest, type Refresher } from './coalesced-request';

export type AvailabilityById = ReadonlyMap<string, ServiceAvailability>;

export function availabilityFeed(officeApi: OfficeApi, deviceKey: string, onChange: (availability: AvailabilityById) => void): Refresher {
  return new CoalescedRequest(
    () => officeApi<ServicesAnswer>('/services', { deviceKey }),
    (result) => result.ok && onChange(new Map(result.data.services.map((a) => [a.service.id, a]))),
  );
}
