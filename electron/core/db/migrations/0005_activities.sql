-- Activities (trainings, awareness sessions, workshops…), their sessions, who is registered, and
-- who came. Sized for hundreds of thousands of attendance rows: every screen reads through an index.

INSERT INTO lookup_values (list, code, label_fr, label_ar, label_en, sensitive, sort) VALUES
  ('activityType', 'training_module', 'Module de formation', 'وحدة تكوينية', 'Training module', 0, 1),
  ('activityType', 'awareness_session', 'Séance de sensibilisation', 'حصة تحسيسية', 'Awareness session', 0, 2),
  ('activityType', 'workshop', 'Atelier', 'ورشة', 'Workshop', 0, 3),
  ('activityType', 'vocational_training', 'Formation professionnelle', 'تكوين مهني', 'Vocational training', 0, 4),
  ('activityType', 'school_support', 'Cours de soutien scolaire', 'دروس الدعم المدرسي', 'School support class', 0, 5),
  ('activityType', 'psychosocial_group', 'Groupe de soutien psychosocial', 'مجموعة الدعم النفسي والاجتماعي', 'Psychosocial support group', 0, 6),
  ('activityType', 'information_session', 'Séance d''information', 'حصة إخبارية', 'Information session', 0, 7),
  ('activityType', 'general_assembly', 'Assemblée générale', 'جمع عام', 'General assembly', 0, 8),
  ('activityType', 'other', 'Autre', 'أخرى', 'Other', 0, 99),
  ('theme', 'radicalisation_prevention', 'Prévention de la radicalisation', 'الوقاية من التطرف', 'Radicalisation prevention', 0, 1),
  ('theme', 'sociocultural_integration', 'Intégration socioculturelle', 'الإدماج السوسيوثقافي', 'Socio-cultural integration', 0, 2),
  ('theme', 'digital_communication', 'Communication digitale', 'التواصل الرقمي', 'Digital communication', 0, 3),
  ('theme', 'intercultural_animation', 'Animation interculturelle', 'التنشيط بين الثقافات', 'Intercultural animation', 0, 4),
  ('theme', 'conflict_management', 'Gestion des conflits', 'تدبير النزاعات', 'Conflict management', 0, 5),
  ('theme', 'health', 'Santé', 'الصحة', 'Health', 0, 6),
  ('theme', 'legal_rights', 'Droits et accès à la justice', 'الحقوق والولوج إلى العدالة', 'Legal rights', 0, 7),
  ('theme', 'employability', 'Employabilité', 'قابلية التشغيل', 'Employability', 0, 8),
  ('theme', 'entrepreneurship', 'Entrepreneuriat', 'المقاولة', 'Entrepreneurship', 0, 9),
  ('theme', 'language_classes', 'Cours de langue', 'دروس اللغة', 'Language classes', 0, 10);

CREATE TABLE activities (
  id                    TEXT PRIMARY KEY,
  reference             TEXT NOT NULL UNIQUE,
  title                 TEXT NOT NULL,
  -- Codes of the lookup lists 'activityType' and 'theme'.
  type                  TEXT NOT NULL,
  theme                 TEXT NOT NULL,
  -- Funding agreement or project, free text until grants exist.
  project               TEXT,
  facilitators          TEXT,
  place                 TEXT,
  target_audience       TEXT,
  planned_participants  INTEGER CHECK (planned_participants IS NULL OR planned_participants > 0),
  start_date            TEXT,
  end_date              TEXT,
  -- A participant completed the activity when present at >= this % of its sessions held.
  completion_threshold  INTEGER NOT NULL DEFAULT 75 CHECK (completion_threshold BETWEEN 1 AND 100),
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  -- Activities with attendance are archived, never deleted.
  archived_at           TEXT,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX activities_list ON activities (archived_at, created_at);
CREATE INDEX activities_theme ON activities (theme);

CREATE TABLE activity_sessions (
  id           TEXT PRIMARY KEY,
  activity_id  TEXT NOT NULL REFERENCES activities (id),
  date         TEXT NOT NULL,
  -- Local wall-clock time, HH:MM.
  start_time   TEXT NOT NULL,
  end_time     TEXT NOT NULL,
  place        TEXT,
  facilitator  TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  -- People marked present, kept by the triggers below. A session is "held" when it is above 0.
  present_count  INTEGER NOT NULL DEFAULT 0,
  CHECK (end_time > start_time)
);
CREATE INDEX activity_sessions_activity ON activity_sessions (activity_id, date, start_time);
-- Statistics over a period: the sessions held, by date, with their activity.
CREATE INDEX activity_sessions_held ON activity_sessions (date, activity_id) WHERE present_count > 0;

CREATE TABLE registrations (
  activity_id     TEXT NOT NULL REFERENCES activities (id),
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiaries (id),
  registered_at   TEXT NOT NULL,
  -- Came without being registered beforehand (added on the spot).
  walk_in         INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1)),
  -- Row number on the printed attendance sheet; the screen follows the same order.
  sheet_order     INTEGER NOT NULL,
  PRIMARY KEY (activity_id, beneficiary_id)
) WITHOUT ROWID;
CREATE INDEX registrations_beneficiary ON registrations (beneficiary_id);

CREATE TABLE attendance (
  session_id      TEXT NOT NULL REFERENCES activity_sessions (id),
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiaries (id),
  status          TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
  marked_at       TEXT NOT NULL,
  marked_by       TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (session_id, beneficiary_id)
) WITHOUT ROWID;
-- A person's history (repeat alert, merge): their rows with the status, then the session.
CREATE INDEX attendance_beneficiary ON attendance (beneficiary_id, status, session_id);

-- Derived, kept by the triggers below (never written by the application): per activity and person,
-- how many sessions they were present at, and when first and last. Statistics over hundreds of
-- thousands of attendance rows read these instead. No foreign key: a merge re-points attendance,
-- and the triggers follow.
CREATE TABLE participations (
  activity_id       TEXT NOT NULL,
  beneficiary_id    TEXT NOT NULL,
  presences         INTEGER NOT NULL,
  first_present_on  TEXT NOT NULL,
  last_present_on   TEXT NOT NULL,
  PRIMARY KEY (activity_id, beneficiary_id)
) WITHOUT ROWID;
-- The repeat alert: the activities a person attended.
CREATE INDEX participations_beneficiary ON participations (beneficiary_id);

CREATE TRIGGER attendance_present_added AFTER INSERT ON attendance WHEN NEW.status = 'present' BEGIN
  UPDATE activity_sessions SET present_count = present_count + 1 WHERE id = NEW.session_id;
  INSERT INTO participations (activity_id, beneficiary_id, presences, first_present_on, last_present_on)
    SELECT activity_id, NEW.beneficiary_id, 1, date, date FROM activity_sessions WHERE id = NEW.session_id
    ON CONFLICT (activity_id, beneficiary_id) DO UPDATE SET presences = presences + 1,
      first_present_on = min(first_present_on, excluded.first_present_on),
      last_present_on = max(last_present_on, excluded.last_present_on);
END;

CREATE TRIGGER attendance_present_removed AFTER DELETE ON attendance WHEN OLD.status = 'present' BEGIN
  UPDATE activity_sessions SET present_count = present_count - 1 WHERE id = OLD.session_id;
  DELETE FROM participations
    WHERE activity_id = (SELECT activity_id FROM activity_sessions WHERE id = OLD.session_id)
      AND beneficiary_id = OLD.beneficiary_id;
  INSERT INTO participations (activity_id, beneficiary_id, presences, first_present_on, last_present_on)
    SELECT s.activity_id, a.beneficiary_id, count(*), min(s.date), max(s.date)
    FROM attendance a JOIN activity_sessions s ON s.id = a.session_id
    WHERE a.beneficiary_id = OLD.beneficiary_id AND a.status = 'present'
      AND s.activity_id = (SELECT activity_id FROM activity_sessions WHERE id = OLD.session_id)
    GROUP BY s.activity_id, a.beneficiary_id;
END;

-- A status changed, or a merge moved the row to another person: both pairs are recounted.
CREATE TRIGGER attendance_present_changed AFTER UPDATE OF session_id, beneficiary_id, status ON attendance
  WHEN OLD.status = 'present' OR NEW.status = 'present' BEGIN
  UPDATE activity_sessions SET present_count = present_count - 1 WHERE id = OLD.session_id AND OLD.status = 'present';
  UPDATE activity_sessions SET present_count = present_count + 1 WHERE id = NEW.session_id AND NEW.status = 'present';
  DELETE FROM participations
    WHERE activity_id = (SELECT activity_id FROM activity_sessions WHERE id = OLD.session_id)
      AND beneficiary_id = OLD.beneficiary_id;
  INSERT INTO participations (activity_id, beneficiary_id, presences, first_present_on, last_present_on)
    SELECT s.activity_id, a.beneficiary_id, count(*), min(s.date), max(s.date)
    FROM attendance a JOIN activity_sessions s ON s.id = a.session_id
    WHERE a.beneficiary_id = OLD.beneficiary_id AND a.status = 'present'
      AND s.activity_id = (SELECT activity_id FROM activity_sessions WHERE id = OLD.session_id)
    GROUP BY s.activity_id, a.beneficiary_id;
  DELETE FROM participations
    WHERE activity_id = (SELECT activity_id FROM activity_sessions WHERE id = NEW.session_id)
      AND beneficiary_id = NEW.beneficiary_id;
  INSERT INTO participations (activity_id, beneficiary_id, presences, first_present_on, last_present_on)
    SELECT s.activity_id, a.beneficiary_id, count(*), min(s.date), max(s.date)
    FROM attendance a JOIN activity_sessions s ON s.id = a.session_id
    WHERE a.beneficiary_id = NEW.beneficiary_id AND a.status = 'present'
      AND s.activity_id = (SELECT activity_id FROM activity_sessions WHERE id = NEW.session_id)
    GROUP BY s.activity_id, a.beneficiary_id;
END;

-- A session moved to another day: its activity's first and last dates are recounted.
CREATE TRIGGER activity_session_moved AFTER UPDATE OF date ON activity_sessions
  WHEN OLD.date <> NEW.date AND NEW.present_count > 0 BEGIN
  DELETE FROM participations WHERE activity_id = NEW.activity_id;
  INSERT INTO participations (activity_id, beneficiary_id, presences, first_present_on, last_present_on)
    SELECT s.activity_id, a.beneficiary_id, count(*), min(s.date), max(s.date)
    FROM activity_sessions s JOIN attendance a ON a.session_id = s.id
    WHERE s.activity_id = NEW.activity_id AND a.status = 'present'
    GROUP BY s.activity_id, a.beneficiary_id;
END;

-- Statistics look up sex, birth year, category and nationality of thousands of people at once.
CREATE INDEX beneficiaries_demographics ON beneficiaries (id, sex, birth_year, category, nationality);
