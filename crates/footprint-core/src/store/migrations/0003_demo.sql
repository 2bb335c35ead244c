-- 0003: demo archives. The demo export (an invented person, made by the fixture generator)
-- carries a marker file; archives imported from it are flagged, so the app can say "this is
-- demo data" and remove all of it with one button, and offer to when a real export arrives.
ALTER TABLE archives ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)); -- 1: the archive is Footprint's invented demo data
