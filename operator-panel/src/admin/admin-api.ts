// The settings routes the admin area calls, typed once (docs/api.md lists them): one office's own
// routes, and the organisation's (people, offices).
import type { AppointmentSettings, ChannelSettingsKind, Counter, Device, Office, OfficeUser, RemoteJoinSettings, Result, Service, User, VisitJournalSettings } from '../../../common/protocol';
import type { CreateOfficeInput, OfficeId, StaffOffice } from '../../../common/protocol/offices';
import type { CreatedDevice, CreateDeviceInput, CreateUserInput, UpdateDeviceInput, UpdateUserInput } from '../../../common/protocol/admin-schemas';
import type { DevicePresence } from '../../../common/protocol/presence';
import type { PrinterInfo, QueuedPrintJob } from '../../../common/protocol/printing';
import type { RetentionOverview, RetentionPlan, RetentionSettings } from '../../../common/protocol/retention';
import { api } from '../../../common/ui/api';
import { officeApi } from '../../../common/ui/office-api';
import type { PanelEnv } from '../shared/panel-env';

const segment = encodeURIComponent;

/** GET …/config: the whole configuration, with what the public snapshot leaves out (schedule, announcements). */
export interface AdminConfig {
  office: Office;
  services: Service[];
  counters: Counter[];
}

/** The settings of one office. */
export function adminApi(officeId: OfficeId) {
  const call = officeApi(officeId);
  return {
    configuration: (): Promise<Result<AdminConfig>> => call('/config'),
    saveOffice: (office: Office): Promise<Result<Office>> => call('/config/office', { method: 'PUT', body: office }),
    saveService: (service: Service): Promise<Result<Service>> => call(`/config/services/${segment(service.id)}`, { method: 'PUT', body: service }),
    saveCounter: (counter: Counter): Promise<Result<Counter>> => call(`/config/counters/${segment(counter.id)}`, { method: 'PUT', body: counter }),

    devices: (): Promise<Result<Device[]>> => call('/devices'),
    presence: (): Promise<Result<DevicePresence[]>> => call('/device-presence'),
    createDevice: (input: CreateDeviceInput): Promise<Result<CreatedDevice>> => call('/devices', { body: input }),
    updateDevice: (id: string, patch: UpdateDeviceInput): Promise<Result<Device>> => call(`/devices/${segment(id)}`, { method: 'PATCH', body: patch }),
    revokeDevice: (id: string): Promise<Result<Device>> => call(`/devices/${segment(id)}/revoke`, { body: {} }),

    visitJournalSettings: (): Promise<Result<VisitJournalSettings>> => call('/visit-journal/settings'),
    saveVisitJournalSettings: (settings: VisitJournalSettings): Promise<Result<VisitJournalSettings>> =>
      call('/visit-journal/settings', { method: 'PUT', body: settings }),
    appointmentSettings: (): Promise<Result<AppointmentSettings>> => call('/appointments/settings'),
    saveAppointmentSettings: (settings: AppointmentSettings): Promise<Result<AppointmentSettings>> =>
      call('/appointments/settings', { method: 'PUT', body: settings }),

    remoteJoinSettings: (): Promise<Result<RemoteJoinSettings>> => call('/channels/remote-join'),
    saveRemoteJoinSettings: (settings: RemoteJoinSettings): Promise<Result<RemoteJoinSettings>> =>
      call('/channels/remote-join', { method: 'PUT', body: settings }),
    /** The ways of telling visitors (messages, mail, sms, push): the caller names the kind's document type. */
    channelSettings: <T>(kind: ChannelSettingsKind): Promise<Result<T>> => call(`/channels/${kind}`),
    saveChannelSettings: <T>(kind: ChannelSettingsKind, settings: T): Promise<Result<T>> => call(`/channels/${kind}`, { method: 'PUT', body: settings }),
    sendTestMail: (to: string): Promise<Result<{ sent: true }>> => call('/channels/mail/test', { body: { to } }),

    retention: (): Promise<Result<RetentionOverview>> => call('/retention'),
    retentionSettings: (): Promise<Result<RetentionSettings>> => call('/retention/settings'),
    saveRetentionSettings: (settings: RetentionSettings): Promise<Result<RetentionSettings>> => call('/retention/settings', { method: 'PUT', body: settings }),
    purgeNow: (): Promise<Result<RetentionPlan>> => call('/retention/purge', { body: {} }),

    printers: (): Promise<Result<PrinterInfo[]>> => call('/printers'),
    testPage: (agentId: string): Promise<Result<QueuedPrintJob>> => call(`/printers/${segment(agentId)}/test-page`, { body: {} }),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;

/**
 * The settings of the office a panel session works in. A settings tab only lives inside a session,
 * so a missing context is a bug to throw on, never a silent empty office id.
 */
export function sessionAdminApi(env: PanelEnv | undefined): AdminApi {
  if (!env) throw new Error('a settings tab outside a panel session');
  return adminApi(env.officeId);
}

/** People and offices: organisation-wide routes; the server limits an office admin to their offices. */
export const organisationApi = {
  users: (): Promise<Result<User[]>> => api('/api/users'),
  createUser: (input: CreateUserInput): Promise<Result<User>> => api('/api/users', { body: input }),
  updateUser: (id: string, patch: UpdateUserInput): Promise<Result<User>> => api(`/api/users/${segment(id)}`, { method: 'PATCH', body: patch }),
  setPassword: (id: string, password: string): Promise<Result<User>> => api(`/api/users/${segment(id)}/password`, { body: { password } }),

  createOffice: (input: CreateOfficeInput): Promise<Result<StaffOffice>> => api('/api/offices', { body: input }),
  archiveOffice: (id: OfficeId): Promise<Result<StaffOffice>> => api(`/api/offices/${segment(id)}/archive`, { body: {} }),
};

/** Only admins may change settings; everyone else who sees them sees them read-only. */
export function mayEdit(user: OfficeUser): boolean {
  return user.role === 'admin';
}
