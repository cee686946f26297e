-- Case follow-up: a timeline of notes per person, procedures started for them, a shared directory
-- of partner organisations and the referrals sent to them.

INSERT INTO lookup_values (list, code, label_fr, label_ar, label_en, sensitive, sort) VALUES
  ('procedureType', 'residence_card_application', 'Demande ou renouvellement de carte de séjour', 'طلب أو تجديد بطاقة الإقامة', 'Residence card application or renewal', 0, 1),
  ('procedureType', 'asylum_request', 'Demande d''asile', 'طلب اللجوء', 'Asylum request', 0, 2),
  ('procedureType', 'school_enrolment', 'Inscription scolaire', 'التسجيل المدرسي', 'School enrolment', 0, 3),
  ('procedureType', 'birth_registration', 'Déclaration de naissance (état civil)', 'التصريح بالولادة (الحالة المدنية)', 'Birth registration', 0, 4),
  ('procedureType', 'medical_file', 'Dossier médical', 'ملف طبي', 'Medical file', 0, 5),
  ('procedureType', 'legal_complaint', 'Plainte en justice', 'شكاية قضائية', 'Legal complaint', 0, 6),
  ('procedureType', 'anapec_registration', 'Inscription à l''ANAPEC', 'التسجيل في وكالة أنابيك', 'ANAPEC registration', 0, 7),
  ('procedureType', 'vocational_training', 'Inscription en formation professionnelle', 'التسجيل في التكوين المهني', 'Vocational training enrolment', 0, 8),
  ('procedureType', 'other', 'Autre démarche', 'إجراء آخر', 'Other', 0, 99);

-- A note marked sensitive is shown in full only to its author and to presidents (checked in the core).
CREATE TABLE case_notes (
  id              TEXT PRIMARY KEY,
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiaries (id),
  date            TEXT NOT NULL,
  author_id       TEXT NOT NULL REFERENCES users (id),
  type            TEXT NOT NULL CHECK (type IN ('visit', 'call', 'accompaniment', 'referral', 'other')),
  text            TEXT NOT NULL,
  sensitive       INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
  created_at      TEXT NOT NULL
);
CREATE INDEX case_notes_timeline ON case_notes (beneficiary_id, date, created_at);

CREATE TABLE procedures (
  id                TEXT PRIMARY KEY,
  beneficiary_id    TEXT NOT NULL REFERENCES beneficiaries (id),
  -- A code of the lookup list 'procedureType'.
  type              TEXT NOT NULL,
  status            TEXT NOT NULL
                    CHECK (status IN ('to_start', 'in_progress', 'waiting_third_party', 'completed', 'abandoned')),
  abandon_reason    TEXT,
  started_on        TEXT,
  closed_on         TEXT,
  next_step         TEXT,
  next_step_due     TEXT,
  responsible_id    TEXT REFERENCES users (id),
  -- Saving the procedure or adding a note for the person counts as activity.
  last_activity_at  TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (status <> 'abandoned' OR abandon_reason IS NOT NULL)
);
CREATE INDEX procedures_beneficiary ON procedures (beneficiary_id);
-- The follow-up dashboard only ever looks at open procedures.
CREATE INDEX procedures_open_due ON procedures (next_step_due)
  WHERE status IN ('to_start', 'in_progress', 'waiting_third_party');
CREATE INDEX procedures_open_activity ON procedures (last_activity_at)
  WHERE status IN ('to_start', 'in_progress', 'waiting_third_party');

-- The directory is shared by everyone in the association; partners are archived, never deleted.
CREATE TABLE partners (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  type         TEXT NOT NULL CHECK (type IN ('public_service', 'un_agency', 'ngo', 'lawyer', 'other')),
  city         TEXT,
  contact      TEXT,
  services     TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  archived_at  TEXT
);
CREATE INDEX partners_name ON partners (archived_at, name COLLATE NOCASE);

CREATE TABLE referrals (
  id              TEXT PRIMARY KEY,
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiaries (id),
  partner_id      TEXT NOT NULL REFERENCES partners (id),
  sent_on         TEXT NOT NULL,
  reason          TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('sent', 'received', 'service_given', 'refused', 'no_answer')),
  feedback_on     TEXT,
  notes           TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX referrals_beneficiary ON referrals (beneficiary_id, sent_on);
CREATE INDEX referrals_partner ON referrals (partner_id);

-- Residence documents expiring soon (dashboard), among people still followed.
CREATE INDEX beneficiaries_legal_expiry ON beneficiaries (legal_expiry)
  WHERE archived_at IS NULL AND legal_expiry IS NOT NULL;
