-- The ticket watch's look (server/notify/ticket-watch.ts) runs after every committed batch and on a
-- timer: it wants the office's live ticket contacts of the last day and a half, not every contact
-- the personal-data period keeps, so it reads them by creation time.
CREATE INDEX visitor_contacts_watched ON visitor_contacts (office_id, subject_kind, created_at) WHERE stopped_at IS NULL;
