-- Governance activity types (general assembly, board meeting) gather the association's own members:
-- the indicator report never counts their sessions as activities held nor their attendees as people
-- reached. Only meaningful in the list 'activityType'.
ALTER TABLE lookup_values ADD COLUMN governance INTEGER NOT NULL DEFAULT 0 CHECK (governance IN (0, 1));
UPDATE lookup_values SET governance = 1 WHERE list = 'activityType' AND code = 'general_assembly';
INSERT OR IGNORE INTO lookup_values (list, code, label_fr, label_ar, label_en, sensitive, sort, governance) VALUES
  ('activityType', 'board_meeting', 'Réunion du bureau', 'اجتماع المكتب', 'Board meeting', 0, 9, 1);
CREATE INDEX lookup_values_governance ON lookup_values (list, code) WHERE governance = 1;

-- What narrows an indicator's measure to some people or activities, as JSON
-- {"category": [...], "theme": [...], "activityType": [...]}; NULL: the whole measure.
ALTER TABLE indicator_measures ADD COLUMN filters TEXT;

-- The result of an indicator the app cannot compute, entered for one report period with the
-- source it comes from (a partner's list, a survey…). Keyed by code, like indicator_measures.
CREATE TABLE indicator_results (
  agreement_id  TEXT NOT NULL,
  code          TEXT NOT NULL,
  period_from   TEXT NOT NULL,
  period_to     TEXT NOT NULL,
  value         INTEGER NOT NULL CHECK (value >= 0),
  source        TEXT NOT NULL,
  entered_at    TEXT NOT NULL,
  entered_by    TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (agreement_id, code, period_from, period_to)
) WITHOUT ROWID;
