-- 0009: the company's answer to a request, kept with the request, and the user's check of an
-- access answer against what the law requires (footprint_rights::checklist).
-- The answer's file is copied into the database rather than referenced by path: the user may
-- delete or move the download, and a copy in the database goes wherever the request goes and
-- is erased with it (removing the request, or Settings' "delete everything"; docs/PRIVACY.md).
-- Idempotent (IF NOT EXISTS), so running it twice changes nothing.

-- One file of a company's answer (a PDF, a zip export, an e-mail saved as text).
CREATE TABLE IF NOT EXISTS request_answers (
  id          INTEGER PRIMARY KEY,  -- answer file id
  request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE, -- the request it answers; removed with it
  file_name   TEXT NOT NULL,        -- the file's name when attached (no folder)
  size        INTEGER NOT NULL,     -- bytes
  sha256      TEXT NOT NULL,        -- SHA-256 of the content, lowercase hex (proof of what was received)
  received_on TEXT NOT NULL,        -- day the company's answer arrived, YYYY-MM-DD (a calendar day, as in `requests`)
  attached_on TEXT NOT NULL,        -- day the user attached it, YYYY-MM-DD
  content     BLOB NOT NULL         -- the file itself
) STRICT;
CREATE INDEX IF NOT EXISTS request_answers_request ON request_answers(request_id);

-- The user's verdict on one item of the access-answer checklist of a request.
CREATE TABLE IF NOT EXISTS request_checklist (
  request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE, -- the request whose answer is checked; removed with it
  item        TEXT NOT NULL,        -- the checklist item's key (a..h, transfers, copy; CCPA: categories, sources, ...)
  verdict     TEXT CHECK (verdict IN ('yes', 'no', 'partly', 'not_applicable')), -- NULL while only a note is given
  note        TEXT,                 -- the user's remark, quoted in the follow-up letter
  updated_on  TEXT NOT NULL,        -- day of the last change, YYYY-MM-DD
  PRIMARY KEY (request_id, item)
) STRICT;
