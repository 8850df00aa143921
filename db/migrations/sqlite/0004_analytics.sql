-- Analytics reads a period's tickets by issue time, and counters' open/pause/close rows by kind and time.
CREATE INDEX tickets_by_issue ON tickets (issued_at);
CREATE INDEX journal_by_kind_time ON journal (kind, at);
