-- Case lifecycle: a person's follow-up is closed with a reason and reopened with a note; archiving
-- a person records its reason the same way. The history is kept: where a case stands is its latest
-- event (a case without any is open).
CREATE TABLE case_events (
  id              TEXT PRIMARY KEY,
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiaries (id),
  kind            TEXT NOT NULL CHECK (kind IN ('closed', 'reopened', 'archived')),
  reason          TEXT CHECK (reason IN ('goals_reached', 'moved_city', 'returned_home', 'referred_taken_over', 'lost_contact', 'deceased', 'other')),
  note            TEXT,
  date            TEXT NOT NULL,
  recorded_by     TEXT NOT NULL REFERENCES users (id),
  recorded_at     TEXT NOT NULL,
  CHECK ((kind = 'reopened') = (reason IS NULL)),
  CHECK (kind <> 'reopened' OR note IS NOT NULL),
  CHECK (reason IS NOT 'other' OR note IS NOT NULL)
);
CREATE INDEX case_events_latest ON case_events (beneficiary_id, recorded_at, id);
CREATE INDEX case_events_by_date ON case_events (date);

-- The needs seen at intake, each later marked met with its date. A health need is need-to-know
-- (law 09-08): the core shows it to the person who recorded it and to presidents.
CREATE TABLE intake_needs (
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiaries (id),
  need            TEXT NOT NULL CHECK (need IN ('documents', 'health', 'housing', 'food', 'schooling', 'work', 'training', 'legal', 'psychosocial')),
  recorded_by     TEXT NOT NULL REFERENCES users (id),
  recorded_at     TEXT NOT NULL,
  met_on          TEXT,
  met_by          TEXT REFERENCES users (id),
  PRIMARY KEY (beneficiary_id, need),
  CHECK ((met_on IS NULL) = (met_by IS NULL))
) WITHOUT ROWID;

-- Who recorded each sensitive vulnerability of a record: she reads it, as presidents do. No
-- foreign key to beneficiaries: like the phones, it follows the record's own personal data, which a
-- merge leaves with the record merged away. Vulnerabilities recorded before this have no row and
-- stay for presidents only.
CREATE TABLE sensitive_recordings (
  beneficiary_id  TEXT NOT NULL,
  code            TEXT NOT NULL,
  recorded_by     TEXT NOT NULL REFERENCES users (id),
  recorded_at     TEXT NOT NULL,
  PRIMARY KEY (beneficiary_id, code)
) WITHOUT ROWID;
