// The settings routes the admin area calls, typed once (docs/api.md lists them).
import type { AppointmentSettings, Counter, Device, Office, Result, Service, User, VisitJournalSettings } from '../../../common/protocol';
import type { CreatedDevice, CreateDeviceInput, CreateUserInput, UpdateDeviceInput, UpdateUserInput } from '../../../common/protocol/admin-schemas';
import type { DevicePresence } from '../../../common/protocol/presence';
import type { PrinterInfo, QueuedPrintJob } from '../../../common/protocol/printing';
import { api } from '../../../common/ui/api';

const segment = encodeURIComponent;

/** GET /api/config: the whole configuration, with what the public snapshot leaves out (schedule, announcements). */
export interface AdminConfig {
  office: Office;
  services: Service[];
  counters: Counter[];
}

export const adminApi = {
  configuration: (): Promise<Result<AdminConfig>> => api('/api/config'),
  saveOffice: (office: Office): Promise<Result<Office>> => api('/api/config/office', { method: 'PUT', body: office }),
  saveService: (service: Service): Promise<Result<Service>> => api(`/api/config/services/${segment(service.id)}`, { method: 'PUT', body: service }),
  saveCounter: (counter: Counter): Promise<Result<Counter>> => api(`/api/config/counters/${segment(counter.id)}`, { method: 'PUT', body: counter }),

  users: (): Promise<Result<User[]>> => api('/api/users'),
  createUser: (input: CreateUserInput): Promise<Result<User>> => api('/api/users', { body: input }),
  updateUser: (id: string, patch: UpdateUserInput): Promise<Result<User>> => api(`/api/users/${segment(id)}`, { method: 'PATCH', body: patch }),
  setPassword: (id: string, password: string): Promise<Result<User>> => api(`/api/users/${segment(id)}/password`, { body: { password } }),

  devices: (): Promise<Result<Device[]>> => api('/api/devices'),
  presence: (): Promise<Result<DevicePresence[]>> => api('/api/device-presence'),
  createDevice: (input: CreateDeviceInput): Promise<Result<CreatedDevice>> => api('/api/devices', { body: input }),
  updateDevice: (id: string, patch: UpdateDeviceInput): Promise<Result<Device>> => api(`/api/devices/${segment(id)}`, { method: 'PATCH', body: patch }),
  revokeDevice: (id: string): Promise<Result<Device>> => api(`/api/devices/${segment(id)}/revoke`, { body: {} }),

  visitJournalSettings: (): Promise<Result<VisitJournalSettings>> => api('/api/visit-journal/settings'),
  saveVisitJournalSettings: (settings: VisitJournalSettings): Promise<Result<VisitJournalSettings>> =>
    api('/api/visit-journal/settings', { method: 'PUT', body: settings }),
  appointmentSettings: (): Promise<Result<AppointmentSettings>> => api('/api/appointments/settings'),
  saveAppointmentSettings: (settings: AppointmentSettings): Promise<Result<AppointmentSettings>> =>
    api('/api/appointments/settings', { method: 'PUT', body: settings }),

  printers: (): Promise<Result<PrinterInfo[]>> => api('/api/printers'),
  testPage: (agentId: string): Promise<Result<QueuedPrintJob>> => api(`/api/printers/${segment(agentId)}/test-page`, { body: {} }),
};

/** Only admins may change settings; everyone else who sees them sees them read-only. */
export function mayEdit(user: User): boolean {
  return user.role === 'admin';
}
