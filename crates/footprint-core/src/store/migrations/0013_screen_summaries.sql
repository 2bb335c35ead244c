-- 0013: the screens at 10 million records (issue #13). Three answers the dashboard and the
-- company pages gave by reading the records or grouping every holding on each visit now come
-- from summaries kept up to date by imports and removals, and a company's evidence is read
-- newest first from an index instead of sorted. Idempotent: the tables are created if missing
-- and refilled from the records and holdings, as a removal refills them (summaries.rs
-- `rebuild`, holders.rs `rebuild_holdings`, as of this migration).

-- Purchases per platform, year and currency (the Overview's "what shops know about your
-- buying"): grouping a million amounts per visit took 3 s on 8 million records.
CREATE TABLE IF NOT EXISTS spending (
  platform    TEXT NOT NULL,            -- importer id of the export the purchases came from
  year        INTEGER NOT NULL,         -- UTC calendar year of the purchases; 0 for purchases without a date (or a time that is no date)
  currency    TEXT NOT NULL,            -- ISO 4217 code; amounts are never converted
  records     INTEGER NOT NULL,         -- records with an amount in that currency
  total_minor INTEGER NOT NULL,         -- sum of their amounts, in minor units (refunds are negative)
  PRIMARY KEY (platform, year, currency)
) STRICT, WITHOUT ROWID;
DELETE FROM spending;
INSERT INTO spending(platform, year, currency, records, total_minor)
  SELECT platform,
         CASE WHEN ts >= 788918400000 AND ts < 4102444800000
              THEN CAST(strftime('%Y', ts / 1000, 'unixepoch') AS INTEGER) ELSE 0 END,
         currency, count(*), sum(amount_minor)
  FROM records WHERE amount_minor IS NOT NULL AND currency IS NOT NULL
  GROUP BY 1, 2, 3;

-- One row per company with holdings: what the companies list shows, folded from its holdings
-- once per import or removal instead of on every visit (150 ms on 8 million records).
CREATE TABLE IF NOT EXISTS company_summaries (
  company_id  INTEGER PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE, -- the company
  platform    INTEGER NOT NULL,         -- companies.platform: 1 for the platforms themselves (the list shows them first)
  platforms   TEXT NOT NULL,            -- JSON array of the exports (importer ids) that name it
  relations   TEXT NOT NULL,            -- JSON array of its relations
  categories  TEXT NOT NULL,            -- JSON array of the data categories it holds
  records     INTEGER NOT NULL,         -- evidence records, over all its holdings
  purchases   INTEGER NOT NULL,         -- of them, records of the category purchases (the Overview's companies in your purchases)
  first_seen  INTEGER,                  -- earliest evidence time
  last_seen   INTEGER                   -- latest evidence time
) STRICT;
-- The list's default order, platforms first and then by evidence, read from the index.
CREATE INDEX IF NOT EXISTS company_summaries_order ON company_summaries(platform DESC, records DESC);
CREATE INDEX IF NOT EXISTS company_summaries_purchases ON company_summaries(purchases DESC)
  WHERE platform = 0 AND purchases > 0;
DELETE FROM company_summaries;
INSERT INTO company_summaries(company_id, platform, platforms, relations, categories, records, purchases, first_seen, last_seen)
  SELECT c.id, c.platform, json_group_array(DISTINCT h.platform), json_group_array(DISTINCT h.relation),
         json_group_array(DISTINCT h.category), sum(h.records),
         coalesce(sum(h.records) FILTER (WHERE h.category = 'purchases'), 0), min(h.first_seen), max(h.last_seen)
  FROM companies c JOIN holdings h ON h.company_id = c.id
  GROUP BY c.id;

-- Companies per relation (the Overview's "how they got your data"), counted with the above.
CREATE TABLE IF NOT EXISTS relation_counts (
  relation    TEXT PRIMARY KEY,         -- how the companies came to hold data (holdings.relation)
  companies   INTEGER NOT NULL          -- companies with at least one holding of that relation
) STRICT, WITHOUT ROWID;
DELETE FROM relation_counts;
INSERT INTO relation_counts(relation, companies)
  SELECT relation, count(DISTINCT company_id) FROM holdings GROUP BY relation;

-- Records per platform per UTC month: the Overview's chart and the timeline by month or year
-- read a few thousand rows instead of grouping every day of every platform (54,000 rows).
CREATE TABLE IF NOT EXISTS activity_months (
  platform   TEXT NOT NULL,             -- importer id
  month      TEXT NOT NULL,             -- UTC month, YYYY-MM
  records    INTEGER NOT NULL,          -- records dated that month
  PRIMARY KEY (platform, month)
) STRICT, WITHOUT ROWID;
DELETE FROM activity_months;
INSERT INTO activity_months(platform, month, records)
  SELECT platform, substr(day, 1, 7), sum(records) FROM activity_days GROUP BY 1, 2;

-- A company filter by relation (the companies list) finds the companies from an index.
CREATE INDEX IF NOT EXISTS holdings_relation ON holdings(relation, company_id);

-- A third party's page lists its newest evidence: with the time in the index (the same key
-- as records_key) the first 100 are read in order, not sorted out of all of its records.
DROP INDEX IF EXISTS records_company;
CREATE INDEX IF NOT EXISTS records_company_time
  ON records(company_id, coalesce(ts, -9223372036854775808), dedup) WHERE company_id IS NOT NULL;
