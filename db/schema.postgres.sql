CREATE TABLE analytics_days (
  office_id text COLLATE "C" NOT NULL,
  date text COLLATE "C" NOT NULL,
  scope text COLLATE "C" NOT NULL,
  time_zone text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  visits bytea NOT NULL,
  longest text COLLATE "C" NOT NULL,
  counters bytea,
  CONSTRAINT analytics_days_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT analytics_days_pkey PRIMARY KEY (office_id, date, scope)
);

CREATE TABLE appointment_settings (
  office_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  updated_at bigint NOT NULL,
  CONSTRAINT appointment_settings_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT appointment_settings_pkey PRIMARY KEY (office_id)
);

CREATE TABLE appointments (
  id text COLLATE "C" NOT NULL,
  office_id text COLLATE "C" NOT NULL,
  code text COLLATE "C" NOT NULL,
  service_id text COLLATE "C" NOT NULL,
  day text COLLATE "C" NOT NULL,
  slot_start bigint NOT NULL,
  slot_end bigint NOT NULL,
  name text COLLATE "C" NOT NULL,
  phone text COLLATE "C" NOT NULL,
  phone_digits text COLLATE "C" NOT NULL,
  language text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  ticket_id text COLLATE "C",
  checked_in_at bigint,
  created_at bigint NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  updated_at bigint NOT NULL,
  manage_token_hash text COLLATE "C",
  cancelled_by text COLLATE "C",
  cancelled_at bigint,
  CONSTRAINT appointments_office_id_code_key UNIQUE (office_id, code),
  CONSTRAINT appointments_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT appointments_pkey PRIMARY KEY (id),
  CONSTRAINT appointments_status_check CHECK ((status = ANY (ARRAY['booked'::text, 'checked-in'::text, 'cancelled'::text, 'no-show'::text])))
);

CREATE TABLE channel_settings (
  office_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  updated_at bigint NOT NULL,
  CONSTRAINT channel_settings_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT channel_settings_pkey PRIMARY KEY (office_id, kind)
);

CREATE TABLE counter_states (
  office_id text COLLATE "C" NOT NULL,
  counter_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  CONSTRAINT counter_states_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT counter_states_pkey PRIMARY KEY (office_id, counter_id)
);

CREATE TABLE counters (
  office_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  updated_at bigint NOT NULL,
  CONSTRAINT counters_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT counters_pkey PRIMARY KEY (office_id, id)
);

CREATE TABLE daily_backups (
  day text COLLATE "C" NOT NULL,
  node_id text COLLATE "C" NOT NULL,
  file text COLLATE "C" NOT NULL,
  made_at bigint NOT NULL,
  CONSTRAINT daily_backups_pkey PRIMARY KEY (day)
);

CREATE TABLE devices (
  id text COLLATE "C" NOT NULL,
  office_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  zone text COLLATE "C",
  key_hash text COLLATE "C" NOT NULL,
  revoked integer NOT NULL DEFAULT 0,
  settings text COLLATE "C" NOT NULL DEFAULT '{}'::text,
  created_at bigint NOT NULL,
  printer_model text COLLATE "C",
  printer_paper text COLLATE "C",
  CONSTRAINT devices_key_hash_key UNIQUE (key_hash),
  CONSTRAINT devices_kind_check CHECK ((kind = ANY (ARRAY['kiosk'::text, 'display'::text, 'print-agent'::text]))),
  CONSTRAINT devices_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT devices_pkey PRIMARY KEY (id)
);

CREATE TABLE journal (
  office_id text COLLATE "C" NOT NULL,
  seq bigint NOT NULL,
  at bigint NOT NULL,
  kind text COLLATE "C" NOT NULL,
  ticket_id text COLLATE "C",
  counter_id text COLLATE "C",
  service_id text COLLATE "C",
  actor text COLLATE "C" NOT NULL,
  from_state text COLLATE "C",
  to_state text COLLATE "C",
  note text COLLATE "C",
  CONSTRAINT journal_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT journal_pkey PRIMARY KEY (office_id, seq)
);

CREATE TABLE office_roles (
  user_id text COLLATE "C" NOT NULL,
  office_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  CONSTRAINT office_roles_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT office_roles_pkey PRIMARY KEY (user_id, office_id),
  CONSTRAINT office_roles_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'manager'::text, 'operator'::text, 'consultant'::text, 'analyst'::text]))),
  CONSTRAINT office_roles_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
);

CREATE TABLE offices (
  id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  archived_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  CONSTRAINT offices_pkey PRIMARY KEY (id)
);

CREATE TABLE organisation (
  id integer NOT NULL,
  data text COLLATE "C" NOT NULL,
  updated_at bigint NOT NULL,
  CONSTRAINT organisation_id_check CHECK ((id = 1)),
  CONSTRAINT organisation_pkey PRIMARY KEY (id)
);

CREATE TABLE outbox (
  id text COLLATE "C" NOT NULL,
  office_id text COLLATE "C" NOT NULL,
  contact_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  dedupe_key text COLLATE "C" NOT NULL,
  facts text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  attempts integer NOT NULL,
  next_attempt_at bigint NOT NULL,
  claimed_until bigint,
  created_at bigint NOT NULL,
  sent_at bigint,
  last_error text COLLATE "C",
  CONSTRAINT outbox_contact_id_dedupe_key_key UNIQUE (contact_id, dedupe_key),
  CONSTRAINT outbox_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES visitor_contacts(id),
  CONSTRAINT outbox_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT outbox_pkey PRIMARY KEY (id),
  CONSTRAINT outbox_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'sent'::text, 'failed'::text, 'dropped'::text])))
);

CREATE TABLE print_jobs (
  id text COLLATE "C" NOT NULL,
  office_id text COLLATE "C" NOT NULL,
  agent_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  ticket_id text COLLATE "C",
  payload text COLLATE "C" NOT NULL,
  state text COLLATE "C" NOT NULL DEFAULT 'pending'::text,
  error text COLLATE "C",
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  finished_at bigint,
  pos bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  CONSTRAINT print_jobs_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES devices(id),
  CONSTRAINT print_jobs_kind_check CHECK ((kind = ANY (ARRAY['issue'::text, 'reprint'::text, 'test-page'::text]))),
  CONSTRAINT print_jobs_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT print_jobs_pkey PRIMARY KEY (id),
  CONSTRAINT print_jobs_state_check CHECK ((state = ANY (ARRAY['pending'::text, 'printing'::text, 'printed'::text, 'failed'::text, 'superseded'::text, 'expired'::text]))),
  CONSTRAINT print_jobs_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES tickets(id)
);

CREATE TABLE push_keys (
  id integer NOT NULL,
  public_key text COLLATE "C" NOT NULL,
  private_key text COLLATE "C" NOT NULL,
  created_at bigint NOT NULL,
  CONSTRAINT push_keys_id_check CHECK ((id = 1)),
  CONSTRAINT push_keys_pkey PRIMARY KEY (id)
);

CREATE TABLE region_days (
  office_id text COLLATE "C" NOT NULL,
  date text COLLATE "C" NOT NULL,
  time_zone text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  targets text COLLATE "C" NOT NULL,
  digest bytea NOT NULL,
  CONSTRAINT region_days_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT region_days_pkey PRIMARY KEY (office_id, date)
);

CREATE TABLE retention_purges (
  office_id text COLLATE "C" NOT NULL,
  ran_at bigint NOT NULL,
  report text COLLATE "C" NOT NULL,
  CONSTRAINT retention_purges_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT retention_purges_pkey PRIMARY KEY (office_id)
);

CREATE TABLE retention_settings (
  office_id text COLLATE "C" NOT NULL,
  journal_days integer NOT NULL,
  updated_at bigint NOT NULL,
  CONSTRAINT retention_settings_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT retention_settings_pkey PRIMARY KEY (office_id)
);

CREATE TABLE schema_migrations (
  version integer NOT NULL,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at bigint NOT NULL,
  CONSTRAINT schema_migrations_pkey PRIMARY KEY (version)
);

CREATE TABLE services (
  office_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  updated_at bigint NOT NULL,
  CONSTRAINT services_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT services_pkey PRIMARY KEY (office_id, id)
);

CREATE TABLE sessions (
  token_hash text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  CONSTRAINT sessions_pkey PRIMARY KEY (token_hash),
  CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
);

CREATE TABLE socket_io_attachments (
  id bigint NOT NULL DEFAULT nextval('socket_io_attachments_id_seq'::regclass),
  created_at timestamp with time zone DEFAULT now(),
  payload bytea,
  CONSTRAINT socket_io_attachments_id_key UNIQUE (id)
);

CREATE TABLE tickets (
  id text COLLATE "C" NOT NULL,
  office_id text COLLATE "C" NOT NULL,
  issued_service_id text COLLATE "C" NOT NULL,
  service_id text COLLATE "C" NOT NULL,
  service_day text COLLATE "C" NOT NULL,
  number integer NOT NULL,
  code text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  outcome text COLLATE "C",
  source text COLLATE "C" NOT NULL,
  priority_kind text COLLATE "C" NOT NULL,
  issued_at bigint NOT NULL,
  called_at bigint,
  started_at bigint,
  finished_at bigint,
  counter_id text COLLATE "C",
  data text COLLATE "C" NOT NULL,
  CONSTRAINT tickets_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT tickets_pkey PRIMARY KEY (id)
);

CREATE TABLE users (
  id text COLLATE "C" NOT NULL,
  login text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  organisation_role text COLLATE "C",
  password_hash text COLLATE "C" NOT NULL,
  active integer NOT NULL DEFAULT 1,
  created_at bigint NOT NULL,
  CONSTRAINT users_organisation_role_check CHECK ((organisation_role = ANY (ARRAY['regional-admin'::text, 'regional-analyst'::text]))),
  CONSTRAINT users_pkey PRIMARY KEY (id)
);

CREATE TABLE visit_journal_settings (
  office_id text COLLATE "C" NOT NULL,
  data text COLLATE "C" NOT NULL,
  updated_at bigint NOT NULL,
  CONSTRAINT visit_journal_settings_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT visit_journal_settings_pkey PRIMARY KEY (office_id)
);

CREATE TABLE visit_ratings (
  ticket_id text COLLATE "C" NOT NULL,
  office_id text COLLATE "C" NOT NULL,
  service_day text COLLATE "C" NOT NULL,
  service_id text COLLATE "C" NOT NULL,
  counter_id text COLLATE "C",
  specialist_id text COLLATE "C",
  score integer NOT NULL,
  comment text COLLATE "C" NOT NULL DEFAULT ''::text,
  rated_at bigint NOT NULL,
  CONSTRAINT visit_ratings_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT visit_ratings_pkey PRIMARY KEY (ticket_id),
  CONSTRAINT visit_ratings_score_check CHECK (((score >= 1) AND (score <= 5))),
  CONSTRAINT visit_ratings_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES tickets(id)
);

CREATE TABLE visit_records (
  ticket_id text COLLATE "C" NOT NULL,
  office_id text COLLATE "C" NOT NULL,
  service_day text COLLATE "C" NOT NULL,
  service_id text COLLATE "C" NOT NULL,
  counter_id text COLLATE "C" NOT NULL,
  specialist_id text COLLATE "C",
  served_at bigint NOT NULL,
  reason_id text COLLATE "C",
  reason_text text COLLATE "C" NOT NULL DEFAULT ''::text,
  result_id text COLLATE "C",
  result_text text COLLATE "C" NOT NULL DEFAULT ''::text,
  visitor_name text COLLATE "C",
  visitor_contact text COLLATE "C",
  contact_key text COLLATE "C",
  contact_recorded integer NOT NULL DEFAULT 0,
  repeat_visit integer NOT NULL DEFAULT 0,
  recorded_at bigint NOT NULL,
  recorded_by text COLLATE "C" NOT NULL,
  CONSTRAINT visit_records_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT visit_records_pkey PRIMARY KEY (ticket_id),
  CONSTRAINT visit_records_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES tickets(id)
);

CREATE TABLE visitor_contacts (
  id text COLLATE "C" NOT NULL,
  office_id text COLLATE "C" NOT NULL,
  subject_kind text COLLATE "C" NOT NULL,
  subject_id text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  address text COLLATE "C" NOT NULL,
  language text COLLATE "C" NOT NULL,
  consented_at bigint NOT NULL,
  stop_token text COLLATE "C" NOT NULL,
  stopped_at bigint,
  created_at bigint NOT NULL,
  keep_until bigint NOT NULL,
  CONSTRAINT visitor_contacts_channel_check CHECK ((channel = ANY (ARRAY['email'::text, 'sms'::text, 'push'::text]))),
  CONSTRAINT visitor_contacts_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices(id),
  CONSTRAINT visitor_contacts_office_id_subject_kind_subject_id_channel__key UNIQUE (office_id, subject_kind, subject_id, channel, address),
  CONSTRAINT visitor_contacts_pkey PRIMARY KEY (id),
  CONSTRAINT visitor_contacts_stop_token_key UNIQUE (stop_token),
  CONSTRAINT visitor_contacts_subject_kind_check CHECK ((subject_kind = ANY (ARRAY['ticket'::text, 'appointment'::text])))
);

CREATE INDEX analytics_days_by_scope ON public.analytics_days USING btree (office_id, scope, date, time_zone, version);

CREATE INDEX appointments_awaited ON public.appointments USING btree (office_id, slot_start) WHERE (status = 'booked'::text);

CREATE INDEX appointments_by_day ON public.appointments USING btree (office_id, day);

CREATE UNIQUE INDEX appointments_by_manage_token ON public.appointments USING btree (manage_token_hash) WHERE (manage_token_hash IS NOT NULL);

CREATE INDEX appointments_by_phone ON public.appointments USING btree (office_id, phone_digits);

CREATE INDEX appointments_by_slot ON public.appointments USING btree (office_id, service_id, slot_start) WHERE (status <> 'cancelled'::text);

CREATE INDEX appointments_personal ON public.appointments USING btree (office_id, slot_end) WHERE ((name <> ''::text) OR (phone <> ''::text) OR (phone_digits <> ''::text));

CREATE INDEX devices_by_office ON public.devices USING btree (office_id, kind, name);

CREATE INDEX journal_by_kind_time ON public.journal USING btree (office_id, kind, at);

CREATE INDEX journal_by_ticket ON public.journal USING btree (ticket_id);

CREATE INDEX journal_by_time ON public.journal USING btree (office_id, at);

CREATE INDEX office_roles_by_office ON public.office_roles USING btree (office_id, role);

CREATE INDEX outbox_due ON public.outbox USING btree (next_attempt_at) WHERE (status = 'pending'::text);

CREATE INDEX outbox_of_office ON public.outbox USING btree (office_id, created_at);

CREATE INDEX print_jobs_by_office ON public.print_jobs USING btree (office_id, state, created_at);

CREATE INDEX print_jobs_by_ticket ON public.print_jobs USING btree (ticket_id);

CREATE INDEX print_jobs_live ON public.print_jobs USING btree (agent_id, created_at) WHERE (state = ANY (ARRAY['pending'::text, 'printing'::text]));

CREATE UNIQUE INDEX print_jobs_one_per_issue ON public.print_jobs USING btree (ticket_id) WHERE (kind = 'issue'::text);

CREATE INDEX tickets_by_day ON public.tickets USING btree (office_id, service_day);

CREATE INDEX tickets_by_issue ON public.tickets USING btree (office_id, issued_at);

CREATE UNIQUE INDEX tickets_number_once_a_day ON public.tickets USING btree (office_id, issued_service_id, service_day, number);

CREATE INDEX tickets_open ON public.tickets USING btree (office_id, status) WHERE (status <> 'finished'::text);

CREATE UNIQUE INDEX users_login_once ON public.users USING btree (lower(login));

CREATE INDEX visit_ratings_by_day ON public.visit_ratings USING btree (office_id, service_day);

CREATE INDEX visit_records_by_contact ON public.visit_records USING btree (office_id, contact_key) WHERE (contact_key IS NOT NULL);

CREATE INDEX visit_records_by_day ON public.visit_records USING btree (office_id, service_day, counter_id);

CREATE INDEX visit_records_personal ON public.visit_records USING btree (office_id, served_at) WHERE ((visitor_name IS NOT NULL) OR (visitor_contact IS NOT NULL));

CREATE INDEX visitor_contacts_kept ON public.visitor_contacts USING btree (office_id, keep_until);

CREATE INDEX visitor_contacts_of_subject ON public.visitor_contacts USING btree (office_id, subject_kind, subject_id);

CREATE INDEX visitor_contacts_watched ON public.visitor_contacts USING btree (office_id, subject_kind, created_at) WHERE (stopped_at IS NULL);
