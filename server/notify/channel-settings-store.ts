// One office's settings for the visitor's phone (#13), one JSON document per kind in channel_settings:
// the rules for joining from a phone ('remote-join'), when messages go ('messages'), and each channel's
// set-up ('mail', 'sms', 'push'). An office without a row has the defaults (every channel off).
// Secrets are write-only: `forAdmin` answers them blank with `…Set: true`, and `save` keeps the stored
// secret where the admin left it blank, so a settings screen never carries a password back out.
import type { z } from 'zod';
import {
  DEFAULT_MAIL_SETTINGS,
  DEFAULT_MESSAGE_SETTINGS,
  DEFAULT_PUSH_SETTINGS,
  DEFAULT_REMOTE_JOIN_SETTINGS,
  DEFAULT_SMS_SETTINGS,
  mailSettingsSchema,
  messageSettingsSchema,
  pushSettingsSchema,
  remoteJoinSettingsSchema,
  smsSettingsSchema,
  type ChannelSettingsKind,
  type MailSettings,
  type MessageSettings,
  type OfferedChannels,
  type OfficeId,
  type PushSettings,
  type RemoteJoinSettings,
  type SmsSettings,
} from '../../common/protocol';
import type { Database } from '../store/database';
import { officeLock } from '../store/office-lock';

/** Each kind's document. */
export interface ChannelSettingsOf {
  'remote-join': RemoteJoinSettings;
  messages: MessageSettings;
  mail: MailSettings;
  sms: SmsSettings;
  push: PushSettings;
}

interface KindRules<K extends ChannelSettingsKind> {
  defaults: ChannelSettingsOf[K];
  schema: z.ZodType<ChannelSettingsOf[K]>;
  /** The document as an admin may read it: secrets blanked, with whether one is set. */
  hide?(stored: ChannelSettingsOf[K]): ChannelSettingsOf[K];
  /** The document to store from an admin's input: a secret left blank keeps the stored one. */
  keep?(input: ChannelSettingsOf[K], stored: ChannelSettingsOf[K]): ChannelSettingsOf[K];
}

const RULES: { [K in ChannelSettingsKind]: KindRules<K> } = {
  'remote-join': { defaults: DEFAULT_REMOTE_JOIN_SETTINGS, schema: remoteJoinSettingsSchema },
  messages: { defaults: DEFAULT_MESSAGE_SETTINGS, schema: messageSettingsSchema },
  push: { defaults: DEFAULT_PUSH_SETTINGS, schema: pushSettingsSchema },
  mail: {
    defaults: DEFAULT_MAIL_SETTINGS,
    schema: mailSettingsSchema,
    hide: ({ passwordSet: _set, ...stored }) => ({ ...stored, password: '', passwordSet: stored.password !== '' }),
    keep: (input, stored) => ({ ...input, password: input.password === '' ? stored.password : input.password }),
  },
  sms: {
    defaults: DEFAULT_SMS_SETTINGS,
    schema: smsSettingsSchema,
    hide: ({ headersSet: _set, ...stored }) => ({
      ...stored,
      headers: Object.fromEntries(Object.keys(stored.headers).map((name) => [name, ''])),
      headersSet: Object.values(stored.headers).some((value) => value !== ''),
    }),
    keep: (input, stored) => ({
      ...input,
      headers: Object.fromEntries(Object.entries(input.headers).map(([name, value]) => [name, value === '' ? (stored.headers[name] ?? '') : value])),
    }),
  },
};

export const CHANNEL_SETTINGS_KINDS = Object.keys(RULES) as ChannelSettingsKind[];

export function channelSettingsSchema<K extends ChannelSettingsKind>(kind: K): z.ZodType<ChannelSettingsOf[K]> {
  return RULES[kind].schema;
}

export interface ChannelSettingsStore {
  /** The document with its secrets: for the server's own use (senders, rules), never for an answer. */
  get<K extends ChannelSettingsKind>(kind: K): Promise<ChannelSettingsOf[K]>;
  /** The document an admin's screen may show: secrets blank. */
  forAdmin<K extends ChannelSettingsKind>(kind: K): Promise<ChannelSettingsOf[K]>;
  /** Stores an admin's (already validated) input, keeping secrets left blank; answers what forAdmin would. */
  save<K extends ChannelSettingsKind>(kind: K, input: ChannelSettingsOf[K], at: number): Promise<ChannelSettingsOf[K]>;
  /** The channels the office offers visitors now. */
  offered(): Promise<OfferedChannels>;
  /** Whether anyone ever saved this kind for the office (else it has the defaults). */
  saved(kind: ChannelSettingsKind): Promise<boolean>;
}

export function createChannelSettingsStore(db: Database, officeId: OfficeId): ChannelSettingsStore {
  const get = async <K extends ChannelSettingsKind>(kind: K): Promise<ChannelSettingsOf[K]> => {
    const row = await db.read.get<{ data: string }>('SELECT data FROM channel_settings WHERE office_id = ? AND kind = ?', [officeId, kind]);
    // Stored by an older version that lacked a field: the defaults fill it in.
    return row ? { ...RULES[kind].defaults, ...(JSON.parse(row.data) as Partial<ChannelSettingsOf[K]>) } : RULES[kind].defaults;
  };
  const hidden = <K extends ChannelSettingsKind>(kind: K, settings: ChannelSettingsOf[K]): ChannelSettingsOf[K] => {
    const rules: KindRules<K> = RULES[kind];
    return rules.hide ? rules.hide(settings) : settings;
  };

  return {
    get,
    forAdmin: async (kind) => hidden(kind, await get(kind)),

    async save(kind, input, at) {
      const rules: KindRules<typeof kind> = RULES[kind];
      const document = rules.keep ? rules.keep(input, await get(kind)) : input;
      await db.transaction(
        (tx) =>
          tx.run(
            `INSERT INTO channel_settings (office_id, kind, data, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (office_id, kind) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
            [officeId, kind, JSON.stringify(document), at],
          ),
        officeLock(officeId),
      );
      return hidden(kind, document);
    },

    async offered() {
      const [push, sms, mail] = await Promise.all([get('push'), get('sms'), get('mail')]);
      return { push: push.enabled, sms: sms.enabled, email: mail.enabled };
    },

    async saved(kind) {
      return (await db.read.get('SELECT 1 AS saved FROM channel_settings WHERE office_id = ? AND kind = ?', [officeId, kind])) !== undefined;
    },
  };
}
