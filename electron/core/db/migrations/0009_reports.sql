-- Every list that left the app as a file: which list, in which format, how many rows, and for a
-- named export (with names and phones) the purpose the president stated. Never who was in it.
CREATE TABLE list_exports (
  id          TEXT PRIMARY KEY,
  at          TEXT NOT NULL,
  user_id     TEXT NOT NULL REFERENCES users (id),
  list        TEXT NOT NULL
              CHECK (list IN ('beneficiaries', 'participants', 'attendance', 'referrals', 'members', 'cooperatives', 'subGrants', 'expenses')),
  -- The activity, session, agreement or sub-grant of the list, if any.
  scope_id    TEXT,
  format      TEXT NOT NULL CHECK (format IN ('xlsx', 'csv')),
  named       INTEGER NOT NULL CHECK (named IN (0, 1)),
  purpose     TEXT,
  row_count   INTEGER NOT NULL,
  CHECK (named = 0 OR purpose IS NOT NULL)
);
CREATE INDEX list_exports_at ON list_exports (at);

-- Which figure of the indicator report measures an agreement's indicator, chosen by a treasurer or
-- president. Keyed by the indicator's code (kept when the agreement is edited), not by a foreign
-- key: the grants area rewrites an agreement's indicator rows on each save.
CREATE TABLE indicator_measures (
  agreement_id  TEXT NOT NULL,
  code          TEXT NOT NULL,
  measure       TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (agreement_id, code)
) WITHOUT ROWID;

-- Funder packs built for a reporting deadline of an agreement, and when, how and to whom each was
-- sent. Deadline rows are rewritten when the agreement is edited: the due date is kept here too.
CREATE TABLE funder_packs (
  id            TEXT PRIMARY KEY,
  agreement_id  TEXT NOT NULL,
  deadline_id   TEXT NOT NULL,
  due_date      TEXT NOT NULL,
  period_from   TEXT NOT NULL,
  period_to     TEXT NOT NULL,
  -- JSON array of the file names in the pack.
  documents     TEXT NOT NULL,
  built_at      TEXT NOT NULL,
  built_by      TEXT NOT NULL REFERENCES users (id),
  sent_on       TEXT,
  sent_to       TEXT,
  recorded_by   TEXT REFERENCES users (id),
  CHECK ((sent_on IS NULL) = (sent_to IS NULL))
);
CREATE INDEX funder_packs_agreement ON funder_packs (agreement_id, due_date);
