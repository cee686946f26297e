-- Training cycles: activities (modules) grouped under one title, e.g. a five-module training.
-- A person completes the cycle by completing its modules (each by its own threshold): all of
-- them, or at least required_modules of them.
CREATE TABLE training_cycles (
  id                TEXT PRIMARY KEY,
  title             TEXT NOT NULL,
  required_modules  INTEGER CHECK (required_modules IS NULL OR required_modules > 0),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  archived_at       TEXT
);
CREATE INDEX training_cycles_list ON training_cycles (archived_at, created_at);

CREATE TABLE training_cycle_modules (
  cycle_id     TEXT NOT NULL REFERENCES training_cycles (id),
  activity_id  TEXT NOT NULL REFERENCES activities (id),
  -- Teaching order, from 1.
  position     INTEGER NOT NULL CHECK (position > 0),
  PRIMARY KEY (cycle_id, activity_id),
  UNIQUE (cycle_id, position)
) WITHOUT ROWID;
CREATE INDEX training_cycle_modules_activity ON training_cycle_modules (activity_id);

-- Certificates of participation or completion, for an activity or a cycle. The reference
-- (CERT-YYYY-NNNNN) and the issue date are kept: a reprint shows the same ones. Never deleted.
-- Not unique per person and subject: merging two records keeps both certificates printed (a
-- reprint then gives the first one).
CREATE TABLE certificates (
  id              TEXT PRIMARY KEY,
  reference       TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('participation', 'completion')),
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiaries (id),
  activity_id     TEXT REFERENCES activities (id),
  cycle_id        TEXT REFERENCES training_cycles (id),
  issued_on       TEXT NOT NULL,
  issued_at       TEXT NOT NULL,
  issued_by       TEXT NOT NULL REFERENCES users (id),
  CHECK ((activity_id IS NULL) <> (cycle_id IS NULL))
);
CREATE INDEX certificates_of_activity ON certificates (activity_id, beneficiary_id, kind) WHERE activity_id IS NOT NULL;
CREATE INDEX certificates_of_cycle ON certificates (cycle_id, beneficiary_id, kind) WHERE cycle_id IS NOT NULL;
CREATE INDEX certificates_beneficiary ON certificates (beneficiary_id);
