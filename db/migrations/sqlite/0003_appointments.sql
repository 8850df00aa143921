-- The appointment book. Name and phone are personal data: only staff routes read them.
CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  service_id TEXT NOT NULL,
  day TEXT NOT NULL,
  slot_start INTEGER NOT NULL,
  slot_end INTEGER NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  -- Digits only, so "+7 (900) 123-45-67" and "79001234567" find the same bookings.
  phone_digits TEXT NOT NULL,
  language TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('booked', 'checked-in', 'cancelled', 'no-show')),
  ticket_id TEXT,
  checked_in_at INTEGER,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Counting a slot's bookings is the overbooking check: it runs in every booking transaction.
CREATE INDEX appointments_by_slot ON appointments (service_id, slot_start) WHERE status <> 'cancelled';
CREATE INDEX appointments_by_day ON appointments (day);
CREATE INDEX appointments_by_phone ON appointments (phone_digits);
CREATE INDEX appointments_awaited ON appointments (slot_start) WHERE status = 'booked';

-- Walk-in share, horizon, check-in window: one validated JSON document.
CREATE TABLE appointment_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
