-- 0001: the initial schema. Released migrations never change: add 0002_*.sql instead.
-- Times are UTC epoch milliseconds. Every table is STRICT.

-- One imported export (its part-zips together).
CREATE TABLE archives (
  id          INTEGER PRIMARY KEY,      -- archive id shown to users (`footprint remove 3`)
  platform    TEXT NOT NULL,            -- importer id: google, facebook, instagram, ...
  account     TEXT,                     -- the account the export belongs to (email or username), when found
  fingerprint TEXT NOT NULL UNIQUE,     -- hex xxh3 of the content listing; same export = same fingerprint
  sources     TEXT NOT NULL,            -- JSON array of the file paths the user gave
  imported_at INTEGER NOT NULL,         -- when it was imported
  export_date INTEGER,                  -- newest file time inside the export (when the platform made it)
  records     INTEGER NOT NULL DEFAULT 0, -- records this archive added (not counting duplicates)
  report      TEXT NOT NULL             -- the import report as JSON (files, warnings, counts)
) STRICT;

-- Every file of every archive, with what the importer did with it (the export's coverage).
CREATE TABLE files (
  id         INTEGER PRIMARY KEY,       -- file id
  archive_id INTEGER NOT NULL REFERENCES archives(id) ON DELETE CASCADE, -- archive it belongs to
  path       TEXT NOT NULL,             -- logical path inside the archive
  role       TEXT NOT NULL,             -- parse | skip | unknown
  detail     TEXT,                      -- parser name, or why it was skipped
  bytes      INTEGER NOT NULL,          -- inflated size
  records    INTEGER NOT NULL DEFAULT 0, -- records parsed from it (before deduplication)
  warnings   INTEGER NOT NULL DEFAULT 0, -- problems found in it
  error      TEXT                       -- why the whole file failed, if it did
) STRICT;
CREATE INDEX files_archive ON files(archive_id);

-- Data holders: the platforms themselves and every third party named in an export.
CREATE TABLE companies (
  id       INTEGER PRIMARY KEY,         -- company id
  key      TEXT NOT NULL UNIQUE,        -- normalized name used to merge spellings ("nike" for "Nike, Inc.")
  name     TEXT NOT NULL,               -- display name (the first spelling seen, or the platform's owner)
  platform INTEGER NOT NULL DEFAULT 0   -- 1 when the company runs a platform whose export was imported
) STRICT;

-- Every spelling of a company found in exports (advertiser names, domains, @handles).
CREATE TABLE company_aliases (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE, -- the company
  alias      TEXT NOT NULL,             -- the spelling as found
  PRIMARY KEY (company_id, alias)
) STRICT, WITHOUT ROWID;

-- One thing found in an export.
CREATE TABLE records (
  id         INTEGER PRIMARY KEY,       -- record id
  archive_id INTEGER NOT NULL REFERENCES archives(id), -- the archive that first brought it
  file_id    INTEGER NOT NULL REFERENCES files(id),    -- the file it came from
  position   INTEGER NOT NULL,          -- element index inside that file
  dedup      INTEGER NOT NULL,          -- xxh3 of platform, account and natural key; unique with ts: re-imports add nothing
  platform   TEXT NOT NULL,             -- importer id of the export it came from
  kind       TEXT NOT NULL,             -- message, search, location_point, off_platform_event, ...
  category   TEXT NOT NULL,             -- data category (fixed taxonomy, see model.rs)
  ts         INTEGER,                   -- when it happened
  ts_end     INTEGER,                   -- end of a span (visits)
  title      TEXT,                      -- one readable line
  body       TEXT,                      -- longer text (message content)
  lat        REAL,                      -- latitude in degrees, for places
  lon        REAL,                      -- longitude in degrees, for places
  company_id INTEGER REFERENCES companies(id), -- third party this record names
  relation   TEXT,                      -- how that third party relates to the user
  data       TEXT                       -- remaining fields as JSON, for audit and research
) STRICT;
-- Uniqueness on (time, dedup) rather than dedup alone: exports list records in time order, so
-- this index grows at one end (a random 64-bit key alone made every insert touch a random
-- page: 2x slower imports). It also serves newest-first listing. Records without a time sort
-- first (as i64::MIN).
CREATE UNIQUE INDEX records_key ON records(coalesce(ts, -9223372036854775808), dedup);
CREATE INDEX records_archive ON records(archive_id);
CREATE INDEX records_company ON records(company_id) WHERE company_id IS NOT NULL;
-- Named places for the map (few rows: a partial index costs imports nothing).
CREATE INDEX records_visits ON records(ts) WHERE kind = 'place_visit';

-- A record seen again in a later archive (a newer export of the same account): kept so that
-- removing the first archive hands the record over instead of losing it.
CREATE TABLE record_also_in (
  record_id  INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE, -- the record
  archive_id INTEGER NOT NULL REFERENCES archives(id) ON DELETE CASCADE, -- another archive holding it
  file_id    INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,   -- its file there
  position   INTEGER NOT NULL,          -- its position there
  PRIMARY KEY (record_id, archive_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX record_also_in_archive ON record_also_in(archive_id);

-- Full-text search over titles and bodies (external content). Deletes and updates are kept in
-- sync by triggers; inserts are made by the import runner in one statement per archive,
-- because an AFTER INSERT trigger makes every row a sub-statement and FTS5 then flushes its
-- buffer to disk per row (measured: 3x slower imports).
CREATE VIRTUAL TABLE records_fts USING fts5(
  title, body, content='records', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER records_fts_ad AFTER DELETE ON records
  WHEN old.title IS NOT NULL OR old.body IS NOT NULL BEGIN
  INSERT INTO records_fts(records_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER records_fts_au AFTER UPDATE OF title, body ON records BEGIN
  INSERT INTO records_fts(records_fts, rowid, title, body)
    SELECT 'delete', old.id, old.title, old.body WHERE old.title IS NOT NULL OR old.body IS NOT NULL;
  INSERT INTO records_fts(rowid, title, body)
    SELECT new.id, new.title, new.body WHERE new.title IS NOT NULL OR new.body IS NOT NULL;
END;

-- The user's own identifiers found in exports (what request letters are prefilled with).
CREATE TABLE identities (
  archive_id INTEGER NOT NULL REFERENCES archives(id) ON DELETE CASCADE, -- where it was found
  kind       TEXT NOT NULL,             -- name, email, phone, username, address, birth_date
  value      TEXT NOT NULL,             -- as found
  PRIMARY KEY (archive_id, kind, value)
) STRICT, WITHOUT ROWID;

-- Who holds what: company x category x relation x platform, with its evidence. Derived from
-- records and rebuilt after every import and removal (the answer to "who holds what about me").
CREATE TABLE holdings (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE, -- the holder
  category   TEXT NOT NULL,             -- data category held
  relation   TEXT NOT NULL,             -- how it came to hold it
  platform   TEXT NOT NULL,             -- the export that shows it
  records    INTEGER NOT NULL,          -- evidence records
  first_seen INTEGER,                   -- earliest evidence time
  last_seen  INTEGER,                   -- latest evidence time
  files      TEXT NOT NULL,             -- JSON array of the files the evidence came from
  PRIMARY KEY (company_id, category, relation, platform)
) STRICT, WITHOUT ROWID;

-- Counts per platform, kind and category, kept up to date by imports and removals, so that
-- the dashboard and `footprint stats` answer at once on millions of records.
CREATE TABLE record_counts (
  platform   TEXT NOT NULL,             -- importer id
  kind       TEXT NOT NULL,             -- record kind
  category   TEXT NOT NULL,             -- data category
  records    INTEGER NOT NULL,          -- how many records
  first_ts   INTEGER,                   -- earliest record time
  last_ts    INTEGER,                   -- latest record time
  PRIMARY KEY (platform, kind, category)
) STRICT, WITHOUT ROWID;

-- Records per platform per UTC day, for the timeline (zoomable to months and years).
CREATE TABLE activity_days (
  platform   TEXT NOT NULL,             -- importer id
  day        TEXT NOT NULL,             -- UTC date, YYYY-MM-DD
  records    INTEGER NOT NULL,          -- records dated that day
  PRIMARY KEY (platform, day)
) STRICT, WITHOUT ROWID;

-- Location points counted on a 0.01-degree grid (about 1 km), for the map: a million points
-- become a few thousand cells, drawn without scanning the records.
CREATE TABLE geo_cells (
  cell_x     INTEGER NOT NULL,          -- floor((longitude + 180) * 100)
  cell_y     INTEGER NOT NULL,          -- floor((latitude + 90) * 100)
  points     INTEGER NOT NULL,          -- records with coordinates in the cell
  sum_lat    REAL NOT NULL,             -- sum of their latitudes (mean = sum_lat / points)
  sum_lon    REAL NOT NULL,             -- sum of their longitudes
  PRIMARY KEY (cell_x, cell_y)
) STRICT, WITHOUT ROWID;

-- Records per file and category, kept up to date like record_counts: what the platforms'
-- own holdings (and their evidence files) are computed from without scanning the records.
CREATE TABLE file_counts (
  file_id    INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE, -- the file
  category   TEXT NOT NULL,             -- data category
  records    INTEGER NOT NULL,          -- records of that category from that file
  first_ts   INTEGER,                   -- earliest of them
  last_ts    INTEGER,                   -- latest of them
  PRIMARY KEY (file_id, category)
) STRICT, WITHOUT ROWID;
