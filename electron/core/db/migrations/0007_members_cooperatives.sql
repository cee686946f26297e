-- Members of the association and their dues; cooperative creation projects with their founders,
-- steps (copied from an editable template) and follow-up visits.

CREATE TABLE members (
  id              TEXT PRIMARY KEY,
  -- Chosen by the association, unique in the file (one file = one association).
  number          TEXT NOT NULL UNIQUE,
  first_name      TEXT NOT NULL,
  last_name       TEXT NOT NULL,
  arabic_name     TEXT,
  sex             TEXT NOT NULL CHECK (sex IN ('female', 'male')),
  birth_date      TEXT,
  -- JSON array of E.164 numbers.
  phones          TEXT NOT NULL DEFAULT '[]',
  email           TEXT,
  address         TEXT,
  join_date       TEXT NOT NULL,
  category        TEXT NOT NULL CHECK (category IN ('standard', 'student', 'unemployed', 'senior', 'honorary')),
  status          TEXT NOT NULL CHECK (status IN ('active', 'lapsed', 'resigned')),
  status_date     TEXT,
  role            TEXT NOT NULL
                  CHECK (role IN ('president', 'vice_president', 'treasurer', 'secretary', 'board_member', 'volunteer', 'member')),
  mandate_start   TEXT,
  mandate_end     TEXT,
  -- A member who is also a beneficiary is linked, never copied; a merge re-points it.
  beneficiary_id  TEXT REFERENCES beneficiaries (id),
  -- Lower-case, accents and Arabic letter variants folded: number, names, phones, email.
  search_text     TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  archived_at     TEXT
);
CREATE INDEX members_status ON members (archived_at, status, number);
CREATE INDEX members_beneficiary ON members (beneficiary_id) WHERE beneficiary_id IS NOT NULL;

-- The yearly fee by member category; a category with no row pays the standard fee.
CREATE TABLE member_fees (
  year      INTEGER NOT NULL,
  category  TEXT NOT NULL,
  amount    INTEGER NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (year, category)
) WITHOUT ROWID;

-- Payments are never deleted: their receipt numbers run per year without gap.
CREATE TABLE member_payments (
  id              TEXT PRIMARY KEY,
  member_id       TEXT NOT NULL REFERENCES members (id),
  -- The dues year paid for.
  year            INTEGER NOT NULL,
  date            TEXT NOT NULL,
  amount          INTEGER NOT NULL CHECK (amount > 0),
  currency        TEXT NOT NULL DEFAULT 'MAD',
  method          TEXT NOT NULL CHECK (method IN ('cash', 'bank_transfer', 'cheque', 'mobile')),
  note            TEXT,
  collected_by    TEXT NOT NULL REFERENCES users (id),
  -- The calendar year of the date, and the number within it (1, 2, 3…).
  receipt_year    INTEGER NOT NULL,
  receipt_seq     INTEGER NOT NULL,
  created_at      TEXT NOT NULL,
  UNIQUE (receipt_year, receipt_seq)
);
CREATE INDEX member_payments_member ON member_payments (member_id, year);
CREATE INDEX member_payments_year ON member_payments (year, member_id);

-- The steps every new cooperative project starts with; edits apply to projects created afterwards.
CREATE TABLE cooperative_step_template (
  position   INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  label_fr   TEXT NOT NULL,
  label_ar   TEXT NOT NULL,
  label_en   TEXT NOT NULL,
  mandatory  INTEGER NOT NULL CHECK (mandatory IN (0, 1))
);
INSERT INTO cooperative_step_template (position, code, label_fr, label_ar, label_en, mandatory) VALUES
  (1, 'name_approval', 'Certificat négatif (approbation du nom par l''ODCO)', 'الشهادة السلبية (موافقة مكتب تنمية التعاون على الاسم)', 'Name approval by ODCO (certificat négatif)', 1),
  (2, 'statutes', 'Statuts rédigés et signés', 'تحرير القانون الأساسي وتوقيعه', 'Statutes drafted and signed', 1),
  (3, 'constitutive_assembly', 'Assemblée générale constitutive tenue (procès-verbal)', 'انعقاد الجمع العام التأسيسي (المحضر)', 'Constitutive general assembly held (minutes)', 1),
  (4, 'capital_deposit', 'Capital versé sur un compte bancaire', 'إيداع رأس المال في حساب بنكي', 'Capital paid into a bank account', 1),
  (5, 'local_authority_receipt', 'Récépissé de l''autorité locale', 'وصل السلطة المحلية', 'Receipt from the local authority', 1),
  (6, 'local_register', 'Immatriculation au registre local (greffe du tribunal de première instance)', 'التقييد في السجل المحلي (كتابة ضبط المحكمة الابتدائية)', 'Registration at the court of first instance''s registry (local register)', 1),
  (7, 'registration_number', 'Numéro d''immatriculation reçu', 'الحصول على رقم التقييد', 'Registration number received', 1),
  (8, 'tax_identifier', 'Identifiant fiscal', 'التعريف الضريبي', 'Tax identifier', 0),
  (9, 'start_of_activity', 'Démarrage de l''activité', 'انطلاق النشاط', 'Start of activity', 1);

CREATE TABLE cooperatives (
  id               TEXT PRIMARY KEY,
  reference        TEXT NOT NULL UNIQUE,
  -- JSON array, in order of preference.
  proposed_names   TEXT NOT NULL,
  sector           TEXT NOT NULL CHECK (sector IN ('sewing', 'catering', 'farming', 'handicraft', 'services', 'other')),
  activity         TEXT NOT NULL,
  city             TEXT NOT NULL,
  coach            TEXT,
  share_value      INTEGER NOT NULL CHECK (share_value > 0),
  currency         TEXT NOT NULL DEFAULT 'MAD',
  notes            TEXT,
  -- Once the cooperative is a grants recipient: its sub-grants show on the project.
  grant_recipient_id  TEXT REFERENCES grant_recipients (id),
  created_at       TEXT NOT NULL,
  last_change_at   TEXT NOT NULL,
  archived_at      TEXT
);
CREATE INDEX cooperatives_list ON cooperatives (archived_at, created_at);

-- A founder is a beneficiary or a member. Removed founders are kept with their removal date.
-- No uniqueness at the database level: a merge of two beneficiaries may briefly point two rows
-- at one person; the core refuses to add someone twice.
CREATE TABLE cooperative_founders (
  id                 TEXT PRIMARY KEY,
  cooperative_id     TEXT NOT NULL REFERENCES cooperatives (id),
  beneficiary_id     TEXT REFERENCES beneficiaries (id),
  member_id          TEXT REFERENCES members (id),
  shares_subscribed  INTEGER NOT NULL CHECK (shares_subscribed > 0),
  shares_paid        INTEGER NOT NULL CHECK (shares_paid >= 0 AND shares_paid <= shares_subscribed),
  added_at           TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  removed_at         TEXT,
  CHECK ((beneficiary_id IS NULL) <> (member_id IS NULL))
);
CREATE INDEX cooperative_founders_project ON cooperative_founders (cooperative_id, removed_at);
CREATE INDEX cooperative_founders_beneficiary ON cooperative_founders (beneficiary_id) WHERE beneficiary_id IS NOT NULL;

CREATE TABLE cooperative_steps (
  id              TEXT PRIMARY KEY,
  cooperative_id  TEXT NOT NULL REFERENCES cooperatives (id),
  position        INTEGER NOT NULL,
  code            TEXT NOT NULL,
  label_fr        TEXT NOT NULL,
  label_ar        TEXT NOT NULL,
  label_en        TEXT NOT NULL,
  mandatory       INTEGER NOT NULL CHECK (mandatory IN (0, 1)),
  status          TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'blocked')),
  blocked_reason  TEXT,
  started_on      TEXT,
  done_on         TEXT,
  responsible     TEXT,
  notes           TEXT,
  updated_at      TEXT NOT NULL,
  UNIQUE (cooperative_id, position),
  CHECK (status <> 'done' OR done_on IS NOT NULL),
  CHECK (status <> 'blocked' OR blocked_reason IS NOT NULL)
);

CREATE TABLE cooperative_visits (
  id              TEXT PRIMARY KEY,
  cooperative_id  TEXT NOT NULL REFERENCES cooperatives (id),
  month           INTEGER NOT NULL CHECK (month IN (6, 12)),
  date            TEXT NOT NULL,
  revenue_band    TEXT NOT NULL
                  CHECK (revenue_band IN ('none', 'under_5000', 'from_5000_to_20000', 'from_20000_to_50000', 'over_50000')),
  active_members  INTEGER NOT NULL CHECK (active_members >= 0),
  difficulties    TEXT,
  support_needed  TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (cooperative_id, month)
);
