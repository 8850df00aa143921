// The demo region shows the visitor's phone (#13): joining from a phone (with "I'm here") and Web
// Push are on in every demo office, unless an admin has set them since. Run at every demo start, so
// a demo folder from before #13, or a first start cut short after the seed, gets them too. E-mail and
// SMS stay off: they need the office's own SMTP server or SMS gateway (docs/notifications.md).
import { DEFAULT_REMOTE_JOIN_SETTINGS, type OfficeId } from '../common/protocol';
import { DEMO_REGION } from '../db/demo-region';
import { createChannelSettingsStore } from './notify/channel-settings-store';
import type { Database } from './store/database';

export async function openDemoPhoneChannels(db: Database, runningOffices: readonly OfficeId[], at: number): Promise<void> {
  for (const office of DEMO_REGION) {
    // An admin may have deleted a demo office; its settings would outlive it.
    if (!runningOffices.includes(office.id)) continue;
    const settings = createChannelSettingsStore(db, office.id);
    if (!(await settings.saved('remote-join'))) await settings.save('remote-join', { ...DEFAULT_REMOTE_JOIN_SETTINGS, enabled: true }, at);
    if (!(await settings.saved('push'))) await settings.save('push', { enabled: true }, at);
  }
}
