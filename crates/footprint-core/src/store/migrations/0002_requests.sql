-- 0002: data-rights requests (access, erasure, ...) and their tracking.
-- Requests are the user's own records: no foreign key to archives, so removing an archive never
-- removes a request; the company link becomes NULL when no archive names the company any more,
-- and `request` keeps a frozen copy of the company's name and contact.
-- Dates here are calendar dates as ISO text (YYYY-MM-DD), not epoch milliseconds: a legal
-- deadline is a day in the user's calendar, not an instant, and converting it to a time would
-- move it across midnight in some time zones.

-- One data-rights request, from draft to closed.
CREATE TABLE requests (
  id             INTEGER PRIMARY KEY,   -- request id
  reference      TEXT NOT NULL UNIQUE,  -- human reference printed in subject lines (FP-2026-01-ABC123)
  company_id     INTEGER REFERENCES companies(id) ON DELETE SET NULL, -- the company in the user's data; NULL once no archive names it
  company_key    TEXT NOT NULL,         -- companies.key when created: finds the company again after a later import
  company_name   TEXT NOT NULL,         -- the company's name when created (frozen copy)
  directory_slug TEXT,                  -- company-directory entry the contact came from, if one matched
  regime         TEXT NOT NULL,         -- regime id: eu_gdpr, uk_gdpr, us_ca_ccpa, ...
  request_type   TEXT NOT NULL,         -- access, erasure, rectification, restriction, object_direct_marketing, ...
  channel        TEXT NOT NULL,         -- email, web_form or letter
  status         TEXT NOT NULL,         -- last recorded status (draft, sent, ...); overdue is computed from due_date, never stored
  due_date       TEXT,                  -- day the answer is due (extended or reminder date when those apply); for a draft, if sent the day it was created
  created_at     TEXT NOT NULL,         -- day the request was created
  updated_at     TEXT NOT NULL,         -- day of the last recorded change
  request        TEXT NOT NULL          -- the whole footprint_rights::tracking::Request as JSON: contact, identities, evidence, history, messages
) STRICT;
CREATE INDEX requests_due ON requests(status, due_date);
CREATE INDEX requests_company ON requests(company_id) WHERE company_id IS NOT NULL;
CREATE INDEX requests_company_key ON requests(company_key);
