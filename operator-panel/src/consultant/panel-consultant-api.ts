// The appointment book's REST calls for the staff panel. Bookable services and open days come from
// the booking page's info endpoint: it is the one place the server says which days the office opens
// within the horizon, and it carries no personal data.
import type {
  Appointment,
  BookAppointmentInput,
  BookingInfo,
  CheckInResult,
  LocalDate,
  MoveAppointmentInput,
  Result,
  SlotView,
} from '../../../common/protocol';
import type { OfficeId } from '../../../common/protocol/offices';
import { officeApi } from '../../../common/ui/office-api';

export type AppointmentSearch = { day: LocalDate } | { phone: string } | { code: string };

const bookingPath = (id: string) => `/appointments/${encodeURIComponent(id)}`;

/** The appointment book of one office. */
export function appointmentsApi(officeId: OfficeId) {
  const call = officeApi(officeId);
  return {
    bookingInfo: (): Promise<Result<BookingInfo>> => call('/public/booking'),
    slots: (serviceId: string, date: LocalDate): Promise<Result<SlotView[]>> => call(`/appointments/slots?${new URLSearchParams({ serviceId, date })}`),
    find: (search: AppointmentSearch): Promise<Result<Appointment[]>> => call(`/appointments?${new URLSearchParams(search)}`),
    book: (input: BookAppointmentInput): Promise<Result<Appointment>> => call('/appointments', { body: input }),
    move: (id: string, input: MoveAppointmentInput): Promise<Result<Appointment>> => call(bookingPath(id), { method: 'PATCH', body: input }),
    cancel: (id: string): Promise<Result<Appointment>> => call(`${bookingPath(id)}/cancel`, { body: {} }),
    checkIn: (code: string): Promise<Result<CheckInResult>> => call('/appointments/check-in', { body: { code } }),
  };
}
