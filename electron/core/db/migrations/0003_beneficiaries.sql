-- Editable lists (Settings), reference counters, and the people the association serves.
CREATE TABLE lookup_values (
  list         TEXT NOT NULL,
  code         TEXT NOT NULL,
  label_fr     TEXT NOT NULL,
  label_ar     TEXT NOT NULL,
  label_en     TEXT NOT NULL,
  sensitive    INTEGER NOT NULL DEFAULT 0,
  sort         INTEGER NOT NULL DEFAULT 0,
  archived_at  TEXT,
  PRIMARY KEY (list, code)
);

INSERT INTO lookup_values (list, code, label_fr, label_ar, label_en, sensitive, sort) VALUES
  ('category', 'returning_migrant', 'Migrant marocain de retour', 'مهاجر مغربي عائد', 'Returning Moroccan migrant', 0, 1),
  ('category', 'subsaharan_migrant', 'Migrant subsaharien', 'مهاجر من جنوب الصحراء', 'Sub-Saharan migrant', 0, 2),
  ('category', 'refugee', 'Réfugié', 'لاجئ', 'Refugee', 0, 3),
  ('category', 'asylum_seeker', 'Demandeur d''asile', 'طالب لجوء', 'Asylum seeker', 0, 4),
  ('category', 'local_youth', 'Jeune marocain du quartier', 'شاب مغربي من الحي', 'Moroccan youth from the neighbourhood', 0, 5),
  ('category', 'vulnerable_woman', 'Femme marocaine en situation de vulnérabilité', 'امرأة مغربية في وضعية هشاشة', 'Moroccan woman in a vulnerable situation', 0, 6),
  ('category', 'other', 'Autre', 'أخرى', 'Other', 0, 99),
  ('legalStatus', 'immatriculation_visitor', 'Carte d''immatriculation (visiteur)', 'بطاقة التسجيل (زائر)', 'Registration card (visitor)', 0, 1),
  ('legalStatus', 'immatriculation_work', 'Carte d''immatriculation (travail)', 'بطاقة التسجيل (عمل)', 'Registration card (work)', 0, 2),
  ('legalStatus', 'immatriculation_student', 'Carte d''immatriculation (étudiant)', 'بطاقة التسجيل (طالب)', 'Registration card (student)', 0, 3),
  ('legalStatus', 'residence_card', 'Carte de résidence', 'بطاقة الإقامة', 'Residence card', 0, 4),
  ('legalStatus', 'regularisation_1y', 'Carte de régularisation (1 an)', 'بطاقة التسوية (سنة واحدة)', 'Regularisation card (1 year)', 0, 5),
  ('legalStatus', 'regularisation_3y', 'Carte de régularisation (3 ans)', 'بطاقة التسوية (3 سنوات)', 'Regularisation card (3 years)', 0, 6),
  ('legalStatus', 'refugee_card', 'Carte de réfugié (BRA)', 'بطاقة لاجئ (مكتب اللاجئين وعديمي الجنسية)', 'Refugee card (BRA)', 0, 7),
  ('legalStatus', 'unhcr_certificate', 'Attestation de demandeur d''asile (HCR)', 'شهادة طالب لجوء (المفوضية)', 'UNHCR asylum-seeker certificate', 0, 8),
  ('legalStatus', 'pending_receipt', 'Récépissé de demande en cours', 'وصل طلب قيد الدراسة', 'Receipt of a pending application', 0, 9),
  ('legalStatus', 'no_document', 'Sans document', 'بدون وثيقة', 'No document', 0, 10),
  ('legalStatus', 'moroccan_citizen', 'Citoyen marocain (retour)', 'مواطن مغربي (عائد)', 'Moroccan citizen (returnee)', 0, 11),
  ('vulnerability', 'unaccompanied_minor', 'Mineur non accompagné', 'قاصر غير مصحوب', 'Unaccompanied minor', 0, 1),
  ('vulnerability', 'pregnant', 'Femme enceinte', 'امرأة حامل', 'Pregnant woman', 1, 2),
  ('vulnerability', 'single_mother', 'Mère célibataire', 'أم عازبة', 'Single mother', 0, 3),
  ('vulnerability', 'violence_survivor', 'Survivant(e) de violence', 'ناج(ية) من العنف', 'Survivor of violence', 1, 4),
  ('vulnerability', 'disability', 'Handicap', 'إعاقة', 'Disability', 1, 5),
  ('vulnerability', 'chronic_illness', 'Maladie chronique', 'مرض مزمن', 'Chronic illness', 1, 6),
  ('vulnerability', 'homeless', 'Sans abri', 'بدون مأوى', 'Homeless', 0, 7);

CREATE TABLE reference_counters (
  kind  TEXT NOT NULL,
  year  INTEGER NOT NULL,
  last  INTEGER NOT NULL,
  PRIMARY KEY (kind, year)
);

CREATE TABLE beneficiaries (
  id                    TEXT PRIMARY KEY,
  reference             TEXT NOT NULL UNIQUE,
  sex                   TEXT NOT NULL CHECK (sex IN ('female', 'male')),
  birth_year            INTEGER NOT NULL,
  birth_year_estimated  INTEGER NOT NULL CHECK (birth_year_estimated IN (0, 1)),
  nationality           TEXT NOT NULL,
  category              TEXT NOT NULL,
  initials              TEXT NOT NULL,
  -- Present only with consent; withdrawing consent sets both to NULL.
  consent_json          TEXT,
  personal_json         TEXT,
  consent_withdrawn_at  TEXT,
  -- Derived from personal_json for search, filters and duplicate checks; erased with it.
  display_name          TEXT,
  sort_name             TEXT NOT NULL DEFAULT '',
  search_text           TEXT NOT NULL DEFAULT '',
  phonetic_text         TEXT NOT NULL DEFAULT '',
  city                  TEXT,
  legal_status          TEXT,
  legal_expiry          TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  archived_at           TEXT,
  -- Set when this record was merged into another: it stays (archived) so old counts still add up.
  merged_into           TEXT REFERENCES beneficiaries (id)
);
-- Search-as-you-type walks one of these narrow covering indexes in display order and stops at the
-- page size, instead of reading every (wide) row.
CREATE INDEX beneficiaries_by_created ON beneficiaries (archived_at, created_at, search_text, phonetic_text);
CREATE INDEX beneficiaries_by_name ON beneficiaries (archived_at, sort_name, search_text, phonetic_text);
CREATE INDEX beneficiaries_birth_year ON beneficiaries (birth_year);

CREATE TABLE beneficiary_phones (
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiaries (id),
  phone           TEXT NOT NULL,
  PRIMARY KEY (beneficiary_id, phone)
);
CREATE INDEX beneficiary_phones_phone ON beneficiary_phones (phone);
