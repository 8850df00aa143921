// The demo region shows the visitor's phone (#13) from the first start: joining from a phone (with
// "I'm here") and Web Push are on in every demo office. E-mail and SMS stay off: they need the
// office's own SMTP server or SMS gateway, which an admin sets up (docs/notifications.md).
import { DEFAULT_REMOTE_JOIN_SETTINGS } from '../common/protocol';
import { DEMO_REGION } from '../db/demo-region';
import { createChannelSettingsStore } from './notify/channel-settings-store';
import type { Database } from './store/database';

export async function openDemoPhoneChannels(db: Database, at: number): Promise<void> {
  for (const office of DEMO_REGION) {
    const settings = createChannelSettingsStore(db, office.id);
    await settings.save('remote-join', { ...DEFAULT_REMOTE_JOIN_SETTINGS, enabled: true }, at);
    await settings.save('push', { enabled: true }, at);
  }
}
