-- A removal that committed but whose erase (full-text merge, VACUUM, WAL truncation) did not
-- finish: the process was killed or the machine lost power in between. The deleting
-- transaction writes a row here; the erase deletes it once the WAL is truncated; the next open
-- of the database finds it and erases again (store::Store::resume_erase).
CREATE TABLE IF NOT EXISTS pending_erase (
  id    INTEGER PRIMARY KEY CHECK (id = 1), -- one mark at most: erasing erases everything deleted
  since INTEGER NOT NULL            -- when the deletion committed (Unix ms)
) STRICT;
