-- Employment and livelihood: a person's situation as dated records (intake, then each follow-up),
-- and the business a person started on the self-employment path with its follow-up visits.
-- Reports count these records: they are corrected in place, never deleted.

CREATE TABLE employment_records (
  id              TEXT PRIMARY KEY,
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiaries (id),
  date            TEXT NOT NULL,
  situation       TEXT NOT NULL
                  CHECK (situation IN ('employed_contract', 'employed_no_contract', 'self_employed', 'own_business',
                                       'in_training', 'unemployed_looking', 'not_looking')),
  -- The employer, or the activity of a self-employed person.
  employer        TEXT,
  sector          TEXT CHECK (sector IS NULL OR sector IN ('agriculture', 'construction', 'industry', 'commerce', 'hospitality',
                                                            'domestic_work', 'crafts', 'transport', 'services', 'other')),
  contract_type   TEXT CHECK (contract_type IS NULL OR contract_type IN ('cdi', 'cdd', 'anapec', 'none')),
  start_date      TEXT,
  income_band     TEXT CHECK (income_band IS NULL OR income_band IN ('none', 'under_1500', 'from_1500_to_3000', 'from_3000_to_5000', 'over_5000')),
  recorded_by     TEXT NOT NULL REFERENCES users (id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK (start_date IS NULL OR start_date <= date)
);
-- A person's history, and the latest situation of everyone (reports, follow-ups).
CREATE INDEX employment_records_person ON employment_records (beneficiary_id, date, created_at);

CREATE TABLE businesses (
  id              TEXT PRIMARY KEY,
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiaries (id),
  activity        TEXT NOT NULL,
  sector          TEXT NOT NULL CHECK (sector IN ('agriculture', 'construction', 'industry', 'commerce', 'hospitality',
                                                  'domestic_work', 'crafts', 'transport', 'services', 'other')),
  start_date      TEXT NOT NULL,
  -- Centimes; NULL: no grant.
  grant_minor     INTEGER CHECK (grant_minor IS NULL OR grant_minor > 0),
  currency        TEXT NOT NULL DEFAULT 'MAD',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  archived_at     TEXT
);
CREATE INDEX businesses_person ON businesses (beneficiary_id);

CREATE TABLE business_visits (
  id           TEXT PRIMARY KEY,
  business_id  TEXT NOT NULL REFERENCES businesses (id),
  date         TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('active', 'struggling', 'stopped')),
  note         TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX business_visits_business ON business_visits (business_id, date);
