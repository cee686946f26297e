-- Mass events: sessions where nobody registers (school programmes, outreach in the street) record
-- attendance as counts by sex and age band, and agents log their community outreach. Both are
-- participations for the report, never distinct people reached.

-- A session either names who came (attendance rows) or only counts them (session_head_counts).
ALTER TABLE activity_sessions ADD COLUMN count_only INTEGER NOT NULL DEFAULT 0 CHECK (count_only IN (0, 1));
-- The report's count-only sessions of a period.
CREATE INDEX activity_sessions_count_only ON activity_sessions (date, activity_id) WHERE count_only = 1;

-- age_band is the label of the settings' bands when the counts were recorded (`12-14`, `60+`).
CREATE TABLE session_head_counts (
  session_id  TEXT NOT NULL REFERENCES activity_sessions (id),
  sex         TEXT NOT NULL CHECK (sex IN ('female', 'male')),
  age_band    TEXT NOT NULL,
  count       INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (session_id, sex, age_band)
) WITHOUT ROWID;

INSERT INTO lookup_values (list, code, label_fr, label_ar, label_en, sensitive, sort) VALUES
  ('outreachTopic', 'rights_access', 'Droits et accès aux services', 'الحقوق والولوج إلى الخدمات', 'Rights and access to services', 0, 1),
  ('outreachTopic', 'health', 'Santé', 'الصحة', 'Health', 0, 2),
  ('outreachTopic', 'schooling', 'Scolarisation des enfants', 'تمدرس الأطفال', 'Children''s schooling', 0, 3),
  ('outreachTopic', 'regularisation', 'Régularisation et papiers', 'التسوية والوثائق', 'Regularisation and papers', 0, 4),
  ('outreachTopic', 'association_services', 'Services de l''association', 'خدمات الجمعية', 'The association''s services', 0, 5);

-- One outing of an outreach agent: where, when, how many people informed, on what, referred where.
CREATE TABLE outreach_logs (
  id                TEXT PRIMARY KEY,
  date              TEXT NOT NULL,
  neighbourhood     TEXT NOT NULL,
  -- The agent: a user of the file, or a name typed in (a volunteer without an account).
  agent_user_id     TEXT REFERENCES users (id),
  agent_name        TEXT,
  informed_female   INTEGER NOT NULL CHECK (informed_female >= 0),
  informed_male     INTEGER NOT NULL CHECK (informed_male >= 0),
  -- JSON array of codes of the lookup list 'outreachTopic'.
  topics_json       TEXT NOT NULL DEFAULT '[]',
  referrals         INTEGER NOT NULL DEFAULT 0 CHECK (referrals >= 0),
  referrals_note    TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  created_by        TEXT NOT NULL REFERENCES users (id),
  archived_at       TEXT,
  CHECK ((agent_user_id IS NULL) <> (agent_name IS NULL))
);
CREATE INDEX outreach_logs_date ON outreach_logs (date) WHERE archived_at IS NULL;
CREATE INDEX outreach_logs_archived ON outreach_logs (archived_at, date);
