-- The printer profile a print agent last reported (its model, which fixes the code pages, and its
-- paper), kept with the device: the check that office texts are printable
-- (server/printing/printable-config.ts) must know every printer after a restart, not only those
-- that have reported since. Null until the agent first reports.
ALTER TABLE devices ADD COLUMN printer_model TEXT;
ALTER TABLE devices ADD COLUMN printer_paper TEXT;
