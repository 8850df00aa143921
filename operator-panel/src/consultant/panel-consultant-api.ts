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
import { api } from '../../../common/ui/api';

export type AppointmentSearch = { day: LocalDate } | { phone: string } | { code: string };

const bookingPath = (id: string) => `/api/appointments/${encodeURIComponent(id)}`;

export const appointmentsApi = {
  bookingInfo: (): Promise<Result<BookingInfo>> => api('/api/public/booking'),
  slots: (serviceId: string, date: LocalDate): Promise<Result<SlotView[]>> =>
    api(`/api/appointments/slots?${new URLSearchParams({ serviceId, date })}`),
  find: (search: AppointmentSearch): Promise<Result<Appointment[]>> => api(`/api/appointments?${new URLSearchParams(search)}`),
  book: (input: BookAppointmentInput): Promise<Result<Appointment>> => api('/api/appointments', { body: input }),
  move: (id: string, input: MoveAppointmentInput): Promise<Result<Appointment>> => api(bookingPath(id), { method: 'PATCH', body: input }),
  cancel: (id: string): Promise<Result<Appointment>> => api(`${bookingPath(id)}/cancel`, { body: {} }),
  checkIn: (code: string): Promise<Result<CheckInResult>> => api('/api/appointments/check-in', { body: { code } }),
};
