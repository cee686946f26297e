-- What each person received: a typed log of services (scholarships, grants, cash and in-kind aid,
-- accompaniment…) from an editable catalogue kept with the other lists (lookup_values, list
-- 'serviceType'), each type optionally open to some legal statuses only.
--
-- A service the association paid writes its own journal entry (source 'service', source_id = the
-- service): the journal's source list gains 'service', which SQLite only allows by rebuilding the
-- table. Its rows, indexes and triggers are carried over as they were, and a service's spending on
-- an agreement counts in the agreement's totals like the journal's own direct spending.

INSERT INTO lookup_values (list, code, label_fr, label_ar, label_en, sensitive, sort) VALUES
  ('serviceType', 'training_scholarship', 'Bourse de formation', 'منحة التكوين', 'Training scholarship', 0, 1),
  ('serviceType', 'self_employment_grant', 'Subvention d''auto-emploi', 'منحة التشغيل الذاتي', 'Self-employment grant', 0, 2),
  ('serviceType', 'hiring_incentive', 'Prime à l''embauche', 'منحة التحفيز على التشغيل', 'Hiring incentive', 0, 3),
  ('serviceType', 'cash_aid', 'Aide financière', 'مساعدة مالية', 'Cash aid', 0, 4),
  ('serviceType', 'food_aid', 'Aide en nature : alimentation', 'مساعدة عينية: مواد غذائية', 'In-kind aid: food', 0, 5),
  ('serviceType', 'hygiene_kit', 'Aide en nature : kit d''hygiène', 'مساعدة عينية: عدة النظافة', 'In-kind aid: hygiene kit', 0, 6),
  ('serviceType', 'school_kit', 'Aide en nature : kit scolaire', 'مساعدة عينية: لوازم مدرسية', 'In-kind aid: school kit', 0, 7),
  ('serviceType', 'rent_aid', 'Aide au loyer', 'المساعدة في الكراء', 'Rent aid', 0, 8),
  ('serviceType', 'transport_aid', 'Aide au transport', 'المساعدة في التنقل', 'Transport aid', 0, 9),
  ('serviceType', 'medical_accompaniment', 'Accompagnement médical', 'المواكبة الطبية', 'Medical accompaniment', 0, 10),
  ('serviceType', 'legal_aid', 'Aide juridique', 'المساعدة القانونية', 'Legal aid', 0, 11),
  ('serviceType', 'psychosocial_counselling', 'Soutien psychosocial', 'الدعم النفسي والاجتماعي', 'Psychosocial counselling', 0, 12),
  ('serviceType', 'administrative_help', 'Aide administrative', 'المساعدة الإدارية', 'Administrative help', 0, 13),
  ('serviceType', 'language_course', 'Cours de langue', 'دروس اللغة', 'Language course', 0, 14),
  ('serviceType', 'other_service', 'Autre service', 'خدمة أخرى', 'Other service', 0, 15);

-- A type with rows here is open to those legal statuses only (a warning, not a refusal); a type
-- with none is open to everyone.
CREATE TABLE service_type_statuses (
  type_code     TEXT NOT NULL,
  legal_status  TEXT NOT NULL,
  PRIMARY KEY (type_code, legal_status)
) WITHOUT ROWID;

CREATE TABLE person_services (
  id                TEXT PRIMARY KEY,
  beneficiary_id    TEXT NOT NULL REFERENCES beneficiaries (id),
  type_code         TEXT NOT NULL,
  date              TEXT NOT NULL,
  -- What was given, when it has an amount, in its currency; paid by the association it has its
  -- journal entry, given by a partner it is the value only.
  amount_minor      INTEGER CHECK (amount_minor IS NULL OR amount_minor > 0),
  currency          TEXT,
  provider_kind     TEXT NOT NULL CHECK (provider_kind IN ('association', 'partner')),
  partner_id        TEXT REFERENCES partners (id),
  agreement_id      TEXT REFERENCES funding_agreements (id),
  budget_line_id    TEXT REFERENCES agreement_budget_lines (id),
  note              TEXT,
  -- Given although the person's legal status is outside the type's: the user confirmed it.
  outside_status    INTEGER NOT NULL DEFAULT 0 CHECK (outside_status IN (0, 1)),
  -- A service with an amount is corrected by its reversal (its journal entry reversed too).
  reversed_on       TEXT,
  reversal_reason   TEXT,
  created_at        TEXT NOT NULL,
  created_by        TEXT REFERENCES users (id),
  updated_at        TEXT NOT NULL,
  archived_at       TEXT,
  CHECK ((amount_minor IS NULL) = (currency IS NULL)),
  CHECK ((provider_kind = 'partner') = (partner_id IS NOT NULL)),
  CHECK (budget_line_id IS NULL OR agreement_id IS NOT NULL),
  CHECK ((reversed_on IS NULL) = (reversal_reason IS NULL)),
  CHECK (reversed_on IS NULL OR amount_minor IS NOT NULL)
);
CREATE INDEX person_services_person ON person_services (beneficiary_id, date);
-- The indicator report's "people who received …" filter.
CREATE INDEX person_services_counted ON person_services (type_code, date, beneficiary_id) WHERE archived_at IS NULL AND reversed_on IS NULL;

CREATE TRIGGER person_service_amount_kept BEFORE UPDATE OF amount_minor, currency ON person_services BEGIN
  SELECT RAISE(ABORT, 'a service''s amount is corrected by reversal, never edited');
END;

CREATE TABLE journal_entries_rebuilt (
  id                 TEXT PRIMARY KEY,
  date               TEXT NOT NULL,
  account_id         TEXT NOT NULL REFERENCES treasury_accounts (id),
  direction          TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  amount_minor       INTEGER NOT NULL CHECK (amount_minor > 0),
  category_id        TEXT NOT NULL REFERENCES treasury_categories (id),
  counterpart_kind   TEXT NOT NULL CHECK (counterpart_kind IN ('funder', 'supplier', 'member', 'sub_grantee', 'person', 'other')),
  -- A member, sub-grantee, funder or person (beneficiary) of the file; their name is read from there, never copied.
  counterpart_id     TEXT,
  counterpart_name   TEXT,
  description        TEXT,
  reference          TEXT,
  agreement_id       TEXT REFERENCES funding_agreements (id),
  budget_line_id     TEXT REFERENCES agreement_budget_lines (id),
  funder_tranche_id  TEXT REFERENCES funder_tranches (id),
  agreement_minor    INTEGER CHECK (agreement_minor IS NULL OR agreement_minor > 0),
  rate_micro         INTEGER CHECK (rate_micro IS NULL OR rate_micro > 0),
  rate_inverse       INTEGER NOT NULL DEFAULT 0 CHECK (rate_inverse IN (0, 1)),
  rate_date          TEXT,
  attachment_id      TEXT REFERENCES attachments (id),
  source             TEXT NOT NULL CHECK (source IN ('manual', 'dues', 'disbursement', 'service')),
  source_id          TEXT,
  reverses_id        TEXT UNIQUE REFERENCES journal_entries_rebuilt (id),
  reversal_reason    TEXT,
  created_at         TEXT NOT NULL,
  created_by         TEXT REFERENCES users (id),
  CHECK ((source = 'manual') = (source_id IS NULL)),
  CHECK ((reverses_id IS NULL) = (reversal_reason IS NULL)),
  CHECK (budget_line_id IS NULL OR agreement_id IS NOT NULL)
);
INSERT INTO journal_entries_rebuilt SELECT id, date, account_id, direction, amount_minor, category_id, counterpart_kind, counterpart_id,
  counterpart_name, description, reference, agreement_id, budget_line_id, funder_tranche_id, agreement_minor, rate_micro, rate_inverse,
  rate_date, attachment_id, source, source_id, reverses_id, reversal_reason, created_at, created_by
  FROM journal_entries ORDER BY reverses_id IS NOT NULL, rowid;
DROP TABLE journal_entries;
ALTER TABLE journal_entries_rebuilt RENAME TO journal_entries;

-- A reversal keeps its original's source and source_id: only the original is unique.
CREATE UNIQUE INDEX journal_entries_source ON journal_entries (source, source_id) WHERE source_id IS NOT NULL AND reverses_id IS NULL;
CREATE INDEX journal_entries_account ON journal_entries (account_id, date, direction, amount_minor);
CREATE INDEX journal_entries_date ON journal_entries (date, account_id, category_id, direction, amount_minor);
CREATE INDEX journal_entries_agreement ON journal_entries (agreement_id, budget_line_id, direction, agreement_minor) WHERE agreement_id IS NOT NULL;
CREATE INDEX journal_entries_tranche ON journal_entries (funder_tranche_id) WHERE funder_tranche_id IS NOT NULL;

CREATE TRIGGER journal_entry_added AFTER INSERT ON journal_entries BEGIN
  INSERT INTO treasury_month_totals (account_id, month, category_id, direction, amount_minor)
    VALUES (NEW.account_id, substr(NEW.date, 1, 7), NEW.category_id, NEW.direction, NEW.amount_minor)
    ON CONFLICT (month, account_id, category_id, direction) DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor;
  INSERT INTO treasury_agreement_totals (agreement_id, budget_line_id, direction, agreement_minor)
    SELECT NEW.agreement_id, coalesce(NEW.budget_line_id, ''), NEW.direction, NEW.agreement_minor
    WHERE NEW.agreement_id IS NOT NULL AND NEW.source IN ('manual', 'service') AND NEW.funder_tranche_id IS NULL
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

-- The people reached: a service given in the period counts like the rest of the follow-up.
CREATE INDEX person_services_given ON person_services (date, beneficiary_id) WHERE archived_at IS NULL AND reversed_on IS NULL;
