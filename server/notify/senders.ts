// The channels this node can send through, one sender each (ChannelSender). A channel's sender is
// added here; tests replace one with AppDeps.senders.
import type { ChannelSender } from './channel-sender';
import { mailSender } from './mail-sender';
import { smsSender } from './sms-sender';
import type { Database } from '../store/database';

export function defaultSenders(_db: Database): ChannelSender[] {
  return [mailSender, smsSender];
}
