-- 0007: the user's own privacy contacts. The company directory is built into the program and
-- replaced by every update; a contact the user corrected or added lives here instead, so an
-- update never loses it, and letters use it before the directory's.
CREATE TABLE IF NOT EXISTS contact_overrides (
  key            TEXT PRIMARY KEY, -- `dir:<slug>` of the directory entry the company matches, else companies.key; no foreign key: it outlives the archives that name the company
  company_name   TEXT NOT NULL,    -- the company's name when the contact was saved (for reading the table by hand)
  legal_entity   TEXT,             -- the addressee letters use, NULL = the directory's
  email          TEXT,             -- privacy e-mail address, NULL = the directory's
  web_form       TEXT,             -- https URL of the privacy request form, NULL = the directory's
  postal_address TEXT,             -- lines separated by a newline, NULL = the directory's
  updated_at     TEXT NOT NULL     -- the day it was saved, YYYY-MM-DD (a calendar day, as in `requests`)
) STRICT;
