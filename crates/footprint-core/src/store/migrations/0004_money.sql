-- 0004: money as a type. Purchases, payments and refunds carry their amount in minor units
-- of an ISO 4217 currency (never a float), so the Overview can say what each shop knows about
-- your buying: orders and spend per year, per shop and per currency (no exchange rates).
ALTER TABLE records ADD COLUMN amount_minor INTEGER; -- amount in minor units of `currency` (cents), NULL when the record is not about money
ALTER TABLE records ADD COLUMN currency TEXT;        -- ISO 4217 code of amount_minor (USD, EUR, JPY)
-- Few rows have money: a partial index makes the spending summary cost nothing on big databases.
CREATE INDEX records_money ON records(platform, currency, ts) WHERE amount_minor IS NOT NULL;
