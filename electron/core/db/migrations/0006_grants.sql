-- Attachments (files kept inside the encrypted database, never on disk in clear) and cascade
-- grants: funder → funding agreement → call for proposals → applications → sub-grants → tranches,
-- disbursements and justified expenses. Money is integer minor units with its ISO currency.

CREATE TABLE attachments (
  id          TEXT PRIMARY KEY,
  -- What the file belongs to, e.g. ('grant_expense', <expense id>); any area may use it.
  owner_type  TEXT NOT NULL,
  owner_id    TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  -- Detected from the bytes, never from the name.
  mime        TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  size        INTEGER NOT NULL CHECK (size > 0 AND size <= 10485760),
  content     BLOB NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT REFERENCES users (id)
);
CREATE INDEX attachments_owner ON attachments (owner_type, owner_id);

CREATE TABLE grant_funders (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('bilateral', 'multilateral', 'public', 'private', 'other')),
  country     TEXT,
  contact     TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  archived_at TEXT
);

CREATE TABLE funding_agreements (
  id             TEXT PRIMARY KEY,
  funder_id      TEXT NOT NULL REFERENCES grant_funders (id),
  reference      TEXT NOT NULL,
  title          TEXT NOT NULL,
  start_date     TEXT NOT NULL,
  end_date       TEXT NOT NULL,
  currency       TEXT NOT NULL,
  total_minor    INTEGER NOT NULL CHECK (total_minor > 0),
  -- Accepted justifications may exceed what was disbursed by this % (0 = never).
  tolerance_pct  INTEGER NOT NULL DEFAULT 0 CHECK (tolerance_pct BETWEEN 0 AND 100),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  archived_at    TEXT,
  CHECK (end_date >= start_date)
);

CREATE TABLE agreement_budget_lines (
  id            TEXT PRIMARY KEY,
  agreement_id  TEXT NOT NULL REFERENCES funding_agreements (id),
  code          TEXT NOT NULL,
  label         TEXT NOT NULL,
  amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
  sort          INTEGER NOT NULL,
  UNIQUE (agreement_id, code)
);

CREATE TABLE agreement_deadlines (
  id            TEXT PRIMARY KEY,
  agreement_id  TEXT NOT NULL REFERENCES funding_agreements (id),
  due_date      TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('narrative', 'financial')),
  label         TEXT,
  submitted_on  TEXT
);
CREATE INDEX agreement_deadlines_agreement ON agreement_deadlines (agreement_id, due_date);

CREATE TABLE agreement_indicators (
  id            TEXT PRIMARY KEY,
  agreement_id  TEXT NOT NULL REFERENCES funding_agreements (id),
  code          TEXT NOT NULL,
  label         TEXT NOT NULL,
  target        INTEGER NOT NULL CHECK (target >= 0),
  sort          INTEGER NOT NULL,
  UNIQUE (agreement_id, code)
);

CREATE TABLE grant_calls (
  id                  TEXT PRIMARY KEY,
  agreement_id        TEXT NOT NULL REFERENCES funding_agreements (id),
  reference           TEXT NOT NULL UNIQUE,
  title               TEXT NOT NULL,
  open_date           TEXT NOT NULL,
  close_date          TEXT NOT NULL,
  envelope_minor      INTEGER NOT NULL CHECK (envelope_minor > 0),
  max_per_project_minor INTEGER NOT NULL CHECK (max_per_project_minor > 0),
  eligibility         TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  archived_at         TEXT,
  CHECK (close_date >= open_date)
);
CREATE INDEX grant_calls_agreement ON grant_calls (agreement_id);

CREATE TABLE call_criteria (
  id       TEXT PRIMARY KEY,
  call_id  TEXT NOT NULL REFERENCES grant_calls (id),
  label    TEXT NOT NULL,
  weight   INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
  sort     INTEGER NOT NULL
);
CREATE INDEX call_criteria_call ON call_criteria (call_id, sort);

CREATE TABLE grant_recipients (
  id                   TEXT PRIMARY KEY,
  kind                 TEXT NOT NULL CHECK (kind IN ('organisation', 'individual', 'company')),
  -- Null for an individual: the beneficiary's own name is shown.
  name                 TEXT,
  legal_form           TEXT,
  registration_number  TEXT,
  city                 TEXT,
  president            TEXT,
  contact              TEXT,
  -- 24 digits, check key verified on input.
  rib                  TEXT,
  -- An individual recipient is a beneficiary (merge re-points this column).
  beneficiary_id       TEXT REFERENCES beneficiaries (id),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  archived_at          TEXT,
  CHECK ((kind = 'individual') = (beneficiary_id IS NOT NULL)),
  CHECK (kind = 'individual' OR name IS NOT NULL)
);
CREATE INDEX grant_recipients_beneficiary ON grant_recipients (beneficiary_id);

CREATE TABLE grant_applications (
  id               TEXT PRIMARY KEY,
  call_id          TEXT NOT NULL REFERENCES grant_calls (id),
  recipient_id     TEXT NOT NULL REFERENCES grant_recipients (id),
  project_title    TEXT NOT NULL,
  summary          TEXT,
  requested_minor  INTEGER NOT NULL CHECK (requested_minor > 0),
  decision         TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'selected', 'reserve', 'rejected')),
  decision_reason  TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  CHECK (decision <> 'rejected' OR decision_reason IS NOT NULL)
);
CREATE INDEX grant_applications_call ON grant_applications (call_id);

CREATE TABLE application_scores (
  application_id  TEXT NOT NULL REFERENCES grant_applications (id),
  criterion_id    TEXT NOT NULL REFERENCES call_criteria (id),
  evaluator       TEXT NOT NULL,
  score           INTEGER NOT NULL CHECK (score BETWEEN 0 AND 20),
  PRIMARY KEY (application_id, criterion_id, evaluator)
) WITHOUT ROWID;

CREATE TABLE sub_grants (
  id                        TEXT PRIMARY KEY,
  reference                 TEXT NOT NULL UNIQUE,
  agreement_id              TEXT NOT NULL REFERENCES funding_agreements (id),
  call_id                   TEXT REFERENCES grant_calls (id),
  application_id            TEXT REFERENCES grant_applications (id),
  recipient_id              TEXT NOT NULL REFERENCES grant_recipients (id),
  title                     TEXT NOT NULL,
  amount_minor              INTEGER NOT NULL CHECK (amount_minor > 0),
  currency                  TEXT NOT NULL,
  start_date                TEXT NOT NULL,
  end_date                  TEXT NOT NULL,
  -- Why the call's envelope was exceeded, when it was (the audit row names who).
  envelope_override_reason  TEXT,
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  archived_at               TEXT,
  CHECK (end_date >= start_date)
);
CREATE INDEX sub_grants_agreement ON sub_grants (agreement_id);
CREATE INDEX sub_grants_call ON sub_grants (call_id);

-- The sub-grant's budget breakdown over the agreement's budget lines.
CREATE TABLE sub_grant_budget (
  sub_grant_id    TEXT NOT NULL REFERENCES sub_grants (id),
  budget_line_id  TEXT NOT NULL REFERENCES agreement_budget_lines (id),
  amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
  PRIMARY KEY (sub_grant_id, budget_line_id)
) WITHOUT ROWID;

CREATE TABLE sub_grant_reports (
  id            TEXT PRIMARY KEY,
  sub_grant_id  TEXT NOT NULL REFERENCES sub_grants (id),
  due_date      TEXT NOT NULL,
  submitted_on  TEXT
);
CREATE INDEX sub_grant_reports_sub_grant ON sub_grant_reports (sub_grant_id, due_date);

CREATE TABLE grant_tranches (
  id            TEXT PRIMARY KEY,
  sub_grant_id  TEXT NOT NULL REFERENCES sub_grants (id),
  seq           INTEGER NOT NULL,
  amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
  -- Entered as a % of the sub-grant (kept for display), else null.
  percent       INTEGER CHECK (percent IS NULL OR percent BETWEEN 1 AND 100),
  due_date      TEXT NOT NULL,
  -- Paid once this % of the previous tranche is justified (accepted), null = no condition.
  condition_pct INTEGER CHECK (condition_pct IS NULL OR condition_pct BETWEEN 1 AND 100),
  -- Derived, kept by the triggers below (never written by the application).
  disbursed_minor INTEGER NOT NULL DEFAULT 0,
  UNIQUE (sub_grant_id, seq)
);

CREATE TABLE grant_disbursements (
  id               TEXT PRIMARY KEY,
  sub_grant_id     TEXT NOT NULL REFERENCES sub_grants (id),
  tranche_id       TEXT NOT NULL REFERENCES grant_tranches (id),
  date             TEXT NOT NULL,
  amount_minor     INTEGER NOT NULL CHECK (amount_minor > 0),
  method           TEXT NOT NULL CHECK (method IN ('transfer', 'cheque', 'cash')),
  reference        TEXT,
  -- Paid although the tranche's condition was not met: the treasurer's reason.
  override_reason  TEXT,
  created_at       TEXT NOT NULL,
  created_by       TEXT REFERENCES users (id)
);
CREATE INDEX grant_disbursements_sub_grant ON grant_disbursements (sub_grant_id, amount_minor);
CREATE INDEX grant_disbursements_tranche ON grant_disbursements (tranche_id);

CREATE TABLE grant_expenses (
  id               TEXT PRIMARY KEY,
  sub_grant_id     TEXT NOT NULL REFERENCES sub_grants (id),
  budget_line_id   TEXT NOT NULL REFERENCES agreement_budget_lines (id),
  date             TEXT NOT NULL,
  supplier         TEXT NOT NULL,
  description      TEXT NOT NULL,
  amount_minor     INTEGER NOT NULL CHECK (amount_minor > 0),
  receipt_number   TEXT,
  attachment_id    TEXT REFERENCES attachments (id),
  status           TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'rejected')),
  rejection_reason TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  CHECK (status <> 'rejected' OR rejection_reason IS NOT NULL)
);
-- The dashboard sums by sub-grant and status; the budget follow-up by line and status.
CREATE INDEX grant_expenses_sub_grant ON grant_expenses (sub_grant_id, status, amount_minor);
CREATE INDEX grant_expenses_line ON grant_expenses (budget_line_id, status, sub_grant_id, amount_minor);

-- Derived, kept by the triggers below (never written by the application): each sub-grant's money
-- totals, so that the treasurer's dashboard reads one row per sub-grant instead of summing
-- hundreds of thousands of expense lines. Integer sums only: exact to the centime.
CREATE TABLE grant_totals (
  sub_grant_id     TEXT PRIMARY KEY REFERENCES sub_grants (id),
  disbursed_minor  INTEGER NOT NULL DEFAULT 0,
  accepted_minor   INTEGER NOT NULL DEFAULT 0,
  submitted_minor  INTEGER NOT NULL DEFAULT 0,
  rejected_minor   INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TRIGGER grant_totals_row AFTER INSERT ON sub_grants BEGIN
  INSERT INTO grant_totals (sub_grant_id) VALUES (NEW.id);
END;

CREATE TRIGGER grant_disbursement_added AFTER INSERT ON grant_disbursements BEGIN
  UPDATE grant_totals SET disbursed_minor = disbursed_minor + NEW.amount_minor WHERE sub_grant_id = NEW.sub_grant_id;
  UPDATE grant_tranches SET disbursed_minor = disbursed_minor + NEW.amount_minor WHERE id = NEW.tranche_id;
END;

CREATE TRIGGER grant_disbursement_removed AFTER DELETE ON grant_disbursements BEGIN
  UPDATE grant_totals SET disbursed_minor = disbursed_minor - OLD.amount_minor WHERE sub_grant_id = OLD.sub_grant_id;
  UPDATE grant_tranches SET disbursed_minor = disbursed_minor - OLD.amount_minor WHERE id = OLD.tranche_id;
END;

CREATE TRIGGER grant_disbursement_changed AFTER UPDATE OF amount_minor, sub_grant_id, tranche_id ON grant_disbursements BEGIN
  UPDATE grant_totals SET disbursed_minor = disbursed_minor - OLD.amount_minor WHERE sub_grant_id = OLD.sub_grant_id;
  UPDATE grant_tranches SET disbursed_minor = disbursed_minor - OLD.amount_minor WHERE id = OLD.tranche_id;
  UPDATE grant_totals SET disbursed_minor = disbursed_minor + NEW.amount_minor WHERE sub_grant_id = NEW.sub_grant_id;
  UPDATE grant_tranches SET disbursed_minor = disbursed_minor + NEW.amount_minor WHERE id = NEW.tranche_id;
END;

CREATE TRIGGER grant_expense_added AFTER INSERT ON grant_expenses BEGIN
  UPDATE grant_totals SET
    accepted_minor = accepted_minor + iif(NEW.status = 'accepted', NEW.amount_minor, 0),
    submitted_minor = submitted_minor + iif(NEW.status = 'submitted', NEW.amount_minor, 0),
    rejected_minor = rejected_minor + iif(NEW.status = 'rejected', NEW.amount_minor, 0)
  WHERE sub_grant_id = NEW.sub_grant_id;
END;

CREATE TRIGGER grant_expense_removed AFTER DELETE ON grant_expenses BEGIN
  UPDATE grant_totals SET
    accepted_minor = accepted_minor - iif(OLD.status = 'accepted', OLD.amount_minor, 0),
    submitted_minor = submitted_minor - iif(OLD.status = 'submitted', OLD.amount_minor, 0),
    rejected_minor = rejected_minor - iif(OLD.status = 'rejected', OLD.amount_minor, 0)
  WHERE sub_grant_id = OLD.sub_grant_id;
END;

CREATE TRIGGER grant_expense_changed AFTER UPDATE OF status, amount_minor, sub_grant_id ON grant_expenses BEGIN
  UPDATE grant_totals SET
    accepted_minor = accepted_minor - iif(OLD.status = 'accepted', OLD.amount_minor, 0),
    submitted_minor = submitted_minor - iif(OLD.status = 'submitted', OLD.amount_minor, 0),
    rejected_minor = rejected_minor - iif(OLD.status = 'rejected', OLD.amount_minor, 0)
  WHERE sub_grant_id = OLD.sub_grant_id;
  UPDATE grant_totals SET
    accepted_minor = accepted_minor + iif(NEW.status = 'accepted', NEW.amount_minor, 0),
    submitted_minor = submitted_minor + iif(NEW.status = 'submitted', NEW.amount_minor, 0),
    rejected_minor = rejected_minor + iif(NEW.status = 'rejected', NEW.amount_minor, 0)
  WHERE sub_grant_id = NEW.sub_grant_id;
END;

-- 1 unit of from_currency = rate_micro / 1,000,000 units of to_currency, from that date on.
CREATE TABLE exchange_rates (
  id             TEXT PRIMARY KEY,
  date           TEXT NOT NULL,
  from_currency  TEXT NOT NULL,
  to_currency    TEXT NOT NULL,
  rate_micro     INTEGER NOT NULL CHECK (rate_micro > 0),
  created_at     TEXT NOT NULL,
  UNIQUE (from_currency, to_currency, date)
);
