-- The visitor's phone (#13): joining the queue from a phone, being told by Web Push, e-mail and SMS,
-- and managing a booking. Contacts (e-mail addresses, phone numbers, push subscriptions) are personal
-- data: each carries the instant after which the retention purge removes it, with its messages.

-- One office's settings for a channel, as a JSON document (common/protocol/visitor-channels.ts):
-- kind 'remote-join', 'mail', 'sms' or 'push'. Secrets (the SMTP password, the gateway's token) stay
-- in the document and never leave the server. An office without a row has the channel off.
CREATE TABLE channel_settings (
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  kind TEXT COLLATE "C" NOT NULL,
  data TEXT COLLATE "C" NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (office_id, kind)
);

-- The organisation's VAPID key pair for Web Push (base64url), made once on first start: one row.
CREATE TABLE push_keys (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  public_key TEXT COLLATE "C" NOT NULL,
  private_key TEXT COLLATE "C" NOT NULL,
  created_at BIGINT NOT NULL
);

-- How a visitor asked to be told about one ticket or booking, with their consent. `address` is the
-- e-mail address, the phone number, or the push subscription (JSON). A stop link names `stop_token`;
-- once followed (`stopped_at`) nothing more goes to this contact.
CREATE TABLE visitor_contacts (
  id TEXT COLLATE "C" PRIMARY KEY,
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  subject_kind TEXT COLLATE "C" NOT NULL CHECK (subject_kind IN ('ticket', 'appointment')),
  subject_id TEXT COLLATE "C" NOT NULL,
  channel TEXT COLLATE "C" NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
  address TEXT COLLATE "C" NOT NULL,
  language TEXT COLLATE "C" NOT NULL,
  consented_at BIGINT NOT NULL,
  stop_token TEXT COLLATE "C" NOT NULL UNIQUE,
  stopped_at BIGINT,
  created_at BIGINT NOT NULL,
  -- The retention purge deletes the contact (and its messages) after this instant.
  keep_until BIGINT NOT NULL,
  UNIQUE (office_id, subject_kind, subject_id, channel, address)
);
CREATE INDEX visitor_contacts_of_subject ON visitor_contacts (office_id, subject_kind, subject_id);
CREATE INDEX visitor_contacts_kept ON visitor_contacts (office_id, keep_until);

-- Messages to send, written in the same transaction as the change they tell of (so a crash loses
-- none and sends none for a change that was undone). One row per contact and `dedupe_key`, so every
-- node may offer the same message and it is still queued once. `facts` is the message's content as
-- JSON, rendered in the contact's language when sent.
CREATE TABLE outbox (
  id TEXT COLLATE "C" PRIMARY KEY,
  office_id TEXT COLLATE "C" NOT NULL REFERENCES offices (id),
  contact_id TEXT COLLATE "C" NOT NULL REFERENCES visitor_contacts (id),
  kind TEXT COLLATE "C" NOT NULL,
  dedupe_key TEXT COLLATE "C" NOT NULL,
  facts TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  -- A node sending the message holds it until then; after that another node may retry it.
  claimed_until BIGINT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  last_error TEXT COLLATE "C",
  UNIQUE (contact_id, dedupe_key)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_of_office ON outbox (office_id, created_at);

-- A booking managed by the visitor: the link's token is kept only as its SHA-256 (hex), and who
-- cancelled it and when are shown to the consultant.
ALTER TABLE appointments ADD COLUMN manage_token_hash TEXT COLLATE "C";
ALTER TABLE appointments ADD COLUMN cancelled_by TEXT COLLATE "C";
ALTER TABLE appointments ADD COLUMN cancelled_at BIGINT;
CREATE UNIQUE INDEX appointments_by_manage_token ON appointments (manage_token_hash) WHERE manage_token_hash IS NOT NULL;
