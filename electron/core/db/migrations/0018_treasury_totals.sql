-- Derived, kept by the trigger below (never written by the application): the journal's sums per
-- account, month and category, and per agreement and budget line, so that the year statement and
-- an agreement's financial report read a few hundred rows instead of every entry. The journal is
-- append-only (corrections are reversal entries), which the last triggers enforce: a sum once
-- added never has to be taken back.

CREATE TABLE treasury_month_totals (
  account_id    TEXT NOT NULL,
  -- YYYY-MM
  month         TEXT NOT NULL,
  category_id   TEXT NOT NULL,
  direction     TEXT NOT NULL,
  amount_minor  INTEGER NOT NULL,
  PRIMARY KEY (month, account_id, category_id, direction)
) WITHOUT ROWID;

-- The journal's own spending on an agreement (not the funder's tranches, not the sub-grants paid),
-- in the agreement's currency; budget_line_id '' for spending with no line.
CREATE TABLE treasury_agreement_totals (
  agreement_id    TEXT NOT NULL,
  budget_line_id  TEXT NOT NULL,
  direction       TEXT NOT NULL,
  agreement_minor INTEGER NOT NULL,
  PRIMARY KEY (agreement_id, budget_line_id, direction)
) WITHOUT ROWID;

-- The distinct rates entries on an agreement were converted at, for the report's list of rates.
CREATE TABLE treasury_agreement_rates (
  agreement_id  TEXT NOT NULL,
  account_id    TEXT NOT NULL,
  rate_date     TEXT NOT NULL,
  rate_micro    INTEGER NOT NULL,
  rate_inverse  INTEGER NOT NULL,
  PRIMARY KEY (agreement_id, account_id, rate_date, rate_micro, rate_inverse)
) WITHOUT ROWID;

INSERT INTO treasury_month_totals (account_id, month, category_id, direction, amount_minor)
  SELECT account_id, substr(date, 1, 7), category_id, direction, sum(amount_minor) FROM journal_entries GROUP BY 1, 2, 3, 4;
INSERT INTO treasury_agreement_totals (agreement_id, budget_line_id, direction, agreement_minor)
  SELECT agreement_id, coalesce(budget_line_id, ''), direction, sum(agreement_minor) FROM journal_entries
  WHERE agreement_id IS NOT NULL AND source = 'manual' AND funder_tranche_id IS NULL GROUP BY 1, 2, 3;
INSERT INTO treasury_agreement_rates (agreement_id, account_id, rate_date, rate_micro, rate_inverse)
  SELECT DISTINCT agreement_id, account_id, rate_date, rate_micro, rate_inverse FROM journal_entries
  WHERE agreement_id IS NOT NULL AND rate_micro IS NOT NULL;

CREATE TRIGGER journal_entry_added AFTER INSERT ON journal_entries BEGIN
  INSERT INTO treasury_month_totals (account_id, month, category_id, direction, amount_minor)
    VALUES (NEW.account_id, substr(NEW.date, 1, 7), NEW.category_id, NEW.direction, NEW.amount_minor)
    ON CONFLICT (month, account_id, category_id, direction) DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor;
  INSERT INTO treasury_agreement_totals (agreement_id, budget_line_id, direction, agreement_minor)
    SELECT NEW.agreement_id, coalesce(NEW.budget_line_id, ''), NEW.direction, NEW.agreement_minor
    WHERE NEW.agreement_id IS NOT NULL AND NEW.source = 'manual' AND NEW.funder_tranche_id IS NULL
    ON CONFLICT (agreement_id, budget_line_id, direction) DO UPDATE SET agreement_minor = agreement_minor + excluded.agreement_minor;
  INSERT OR IGNORE INTO treasury_agreement_rates (agreement_id, account_id, rate_date, rate_micro, rate_inverse)
    SELECT NEW.agreement_id, NEW.account_id, NEW.rate_date, NEW.rate_micro, NEW.rate_inverse
    WHERE NEW.agreement_id IS NOT NULL AND NEW.rate_micro IS NOT NULL;
END;

CREATE TRIGGER journal_entry_kept BEFORE DELETE ON journal_entries BEGIN
  SELECT RAISE(ABORT, 'journal entries are corrected by reversal, never deleted');
END;

CREATE TRIGGER journal_entry_frozen BEFORE UPDATE OF date, account_id, direction, amount_minor, category_id, agreement_id, budget_line_id,
  funder_tranche_id, agreement_minor, source, reverses_id ON journal_entries BEGIN
  SELECT RAISE(ABORT, 'journal entries are corrected by reversal, never edited');
END;

-- A tranche's receipts, read with the agreement's report.
CREATE INDEX journal_entries_tranche ON journal_entries (funder_tranche_id) WHERE funder_tranche_id IS NOT NULL;
