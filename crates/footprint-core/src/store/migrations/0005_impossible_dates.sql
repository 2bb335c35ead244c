-- 0005: impossible dates. Before the one time rule (docs/IMPORTERS.md, "Times"), a sentinel or
-- a unit mistake could be stored as a record's time: `9223372036854775807` printed as a "last
-- seen" date, the years +510 and 0000 on the timeline. A record time before 1995-01-01
-- (788918400000) or more than a day (86400000 ms) after its archive was imported is no date:
-- it is cleared here, the record is kept, and every value derived from record times (the
-- summaries, holdings' first and last seen, the export date) is recomputed. Data only: the
-- schema does not change.

-- Clearing a time can make a record collide with its own undated twin (records_key is unique
-- on the time and the natural key): the first becomes undated, the twins left are the same
-- record again and are dropped (their FTS rows and record_also_in rows go with them).
UPDATE OR IGNORE records SET ts = NULL
WHERE ts IS NOT NULL
  AND (ts < 788918400000
       OR ts > (SELECT a.imported_at FROM archives a WHERE a.id = records.archive_id) + 86400000);
DELETE FROM records
WHERE ts IS NOT NULL
  AND (ts < 788918400000
       OR ts > (SELECT a.imported_at FROM archives a WHERE a.id = records.archive_id) + 86400000);
UPDATE records SET ts_end = NULL
WHERE ts_end IS NOT NULL
  AND (ts_end < 788918400000
       OR ts_end > (SELECT a.imported_at FROM archives a WHERE a.id = records.archive_id) + 86400000);

-- A zip without times says 1980; a damaged one anything.
UPDATE archives SET export_date = NULL
WHERE export_date < 788918400000 OR export_date > imported_at + 86400000;

-- The summaries, recomputed from the records as a removal does (summaries.rs `rebuild`, as of
-- this migration).
DELETE FROM record_counts;
INSERT INTO record_counts(platform, kind, category, records, first_ts, last_ts)
  SELECT platform, kind, category, count(*), min(ts), max(ts) FROM records
  GROUP BY platform, kind, category;
DELETE FROM activity_days;
INSERT INTO activity_days(platform, day, records)
  SELECT platform, strftime('%Y-%m-%d', ts / 1000, 'unixepoch'), count(*) FROM records
  WHERE ts IS NOT NULL GROUP BY 1, 2;
DELETE FROM file_counts;
INSERT INTO file_counts(file_id, category, records, first_ts, last_ts)
  SELECT file_id, category, count(*), min(ts), max(ts) FROM records GROUP BY 1, 2;
DELETE FROM geo_cells;
INSERT INTO geo_cells(cell_x, cell_y, points, sum_lat, sum_lon)
  SELECT CAST((lon + 180.0) * 100.0 AS INTEGER), CAST((lat + 90.0) * 100.0 AS INTEGER),
         count(*), sum(lat), sum(lon)
  FROM records WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2;

-- Holdings: a row made from records naming the company (holders.rs) takes their counts and
-- times; a platform's own row (made from file_counts of the platform's archives) takes those.
UPDATE holdings SET
  records = coalesce(
    (SELECT count(*) FROM records r
     WHERE r.company_id = holdings.company_id AND r.category = holdings.category
       AND r.relation = holdings.relation AND r.platform = holdings.platform
     HAVING count(*) > 0),
    (SELECT sum(c.records) FROM file_counts c JOIN files f ON f.id = c.file_id
       JOIN archives a ON a.id = f.archive_id
     WHERE a.platform = holdings.platform AND c.category = holdings.category),
    records),
  first_seen = CASE
    WHEN EXISTS (SELECT 1 FROM records r
                 WHERE r.company_id = holdings.company_id AND r.category = holdings.category
                   AND r.relation = holdings.relation AND r.platform = holdings.platform)
    THEN (SELECT min(r.ts) FROM records r
          WHERE r.company_id = holdings.company_id AND r.category = holdings.category
            AND r.relation = holdings.relation AND r.platform = holdings.platform)
    ELSE (SELECT min(c.first_ts) FROM file_counts c JOIN files f ON f.id = c.file_id
            JOIN archives a ON a.id = f.archive_id
          WHERE a.platform = holdings.platform AND c.category = holdings.category)
  END,
  last_seen = CASE
    WHEN EXISTS (SELECT 1 FROM records r
                 WHERE r.company_id = holdings.company_id AND r.category = holdings.category
                   AND r.relation = holdings.relation AND r.platform = holdings.platform)
    THEN (SELECT max(r.ts) FROM records r
          WHERE r.company_id = holdings.company_id AND r.category = holdings.category
            AND r.relation = holdings.relation AND r.platform = holdings.platform)
    ELSE (SELECT max(c.last_ts) FROM file_counts c JOIN files f ON f.id = c.file_id
            JOIN archives a ON a.id = f.archive_id
          WHERE a.platform = holdings.platform AND c.category = holdings.category)
  END;
