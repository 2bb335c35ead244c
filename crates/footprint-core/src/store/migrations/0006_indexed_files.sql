-- 0006: indexed, not understood. A file no parser understands but whose text is JSON or CSV
-- is now indexed generically (crates/footprint-core/src/indexing/): `files.role` gains the
-- value 'index' (beside parse, skip, unknown), and its records have kind `indexed_json` or
-- `indexed_csv` and category `unclassified`, searchable like any record but never a holding.
-- The coverage question "which files did Footprint only index?" is asked per archive (the
-- app's report, `footprint archives`, research queries): a partial index keeps it instant on
-- exports with hundreds of thousands of files, and costs nothing for the other roles.
CREATE INDEX IF NOT EXISTS files_indexed ON files(archive_id) WHERE role = 'index';
