-- The association this file belongs to (one row) and the people who may open it.
CREATE TABLE association (
  id          TEXT PRIMARY KEY,
  file_id     TEXT NOT NULL,
  name        TEXT NOT NULL,
  city        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

CREATE TABLE users (
  id                    TEXT PRIMARY KEY,
  display_name          TEXT NOT NULL,
  role                  TEXT NOT NULL CHECK (role IN ('volunteer', 'treasurer', 'president')),
  locale                TEXT NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'ar', 'en')),
  must_change_password  INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  created_at            TEXT NOT NULL,
  removed_at            TEXT
);
