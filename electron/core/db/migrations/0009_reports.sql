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
