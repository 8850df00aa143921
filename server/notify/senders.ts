// The channels this node can send through, one sender each (ChannelSender). A channel's sender is
// added here; tests replace one with AppDeps.senders.
import type { ChannelSender } from './channel-sender';
import { mailSender } from './mail-sender';
import { webPushSender, type WebPushSenderDeps } from './push/web-push-sender';
import { smsSender } from './sms-sender';

export function defaultSenders(push: WebPushSenderDeps): ChannelSender[] {
  return [mailSender, smsSender, webPushSender(push)];
}
