-- 0008: did they really delete? After an erasure request is marked fulfilled, every export of
-- the same platform made later (see docs/RIGHTS-ENGINE.md, "Deletion check") is searched for
-- the company; the verdict is kept here, written in the import's own transaction (or when the
-- request is marked fulfilled), so it is never half-written. Also the user's own settings.
-- Idempotent (IF NOT EXISTS): running it twice changes nothing.

-- One verdict per request and later export.
CREATE TABLE IF NOT EXISTS deletion_checks (
  id           INTEGER PRIMARY KEY,  -- verdict id
  request_id   INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE, -- the erasure request
  archive_id   INTEGER REFERENCES archives(id) ON DELETE SET NULL, -- the later export; NULL once removed (the verdict is the user's record and stays)
  platform     TEXT NOT NULL,        -- importer id of that export
  export_date  TEXT NOT NULL,        -- the export's own date, YYYY-MM-DD (its newest file time)
  fulfilled    TEXT NOT NULL,        -- the day the request was marked fulfilled, YYYY-MM-DD
  still_listed INTEGER NOT NULL,     -- 1: the company is still in that export; 0: it is not
  records      INTEGER NOT NULL,     -- records of that export naming the company
  files        TEXT NOT NULL,        -- JSON array of the files naming it (export's top folder left out)
  relations    TEXT NOT NULL,        -- JSON array of the relations found (uploaded_contact_list, ...)
  checked_at   TEXT NOT NULL,        -- the day the check ran, YYYY-MM-DD
  UNIQUE (request_id, archive_id) -- one verdict per request and export; re-checking replaces it
) STRICT;
CREATE INDEX IF NOT EXISTS deletion_checks_archive ON deletion_checks(archive_id);

-- The user's settings (country of residence for complaints, ...): one value per key.
CREATE TABLE IF NOT EXISTS user_settings (
  key        TEXT PRIMARY KEY,       -- residence_country, residence_region, ...
  value      TEXT NOT NULL           -- as the user chose it
) STRICT, WITHOUT ROWID;
