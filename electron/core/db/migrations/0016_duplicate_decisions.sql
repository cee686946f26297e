-- "These are different people": a pair a person has looked at and told apart is never proposed
-- again as a possible duplicate, on the duplicates screen or in the form's check. The pair is
-- stored in one order (the smaller id first) so it is found from either side. No foreign key to
-- beneficiaries: a merge moves a person's history, and this is a decision about two records, not
-- history (the record merged away is archived and no longer proposed anyway).
CREATE TABLE duplicate_dismissals (
  person_a    TEXT NOT NULL,
  person_b    TEXT NOT NULL,
  decided_by  TEXT NOT NULL REFERENCES users (id),
  decided_at  TEXT NOT NULL,
  PRIMARY KEY (person_a, person_b),
  CHECK (person_a < person_b)
) WITHOUT ROWID;
CREATE INDEX duplicate_dismissals_by_b ON duplicate_dismissals (person_b);

-- The sounds of names now fold transliterations (Tshibangu / Chibangu) and also index each written
-- form of a first and family name (El Amrani / Elamrani / Amrani): every named person's sounds are
-- worked out again (tadamon_name_sounds is the app's own function, see db/migration-functions.ts)
-- and the sounds table is filled again from them.
UPDATE beneficiaries
SET phonetic_text = tadamon_name_sounds(json_extract(personal_json, '$.firstName'), json_extract(personal_json, '$.lastName'))
WHERE personal_json IS NOT NULL;
DELETE FROM beneficiary_phonetic;
INSERT OR IGNORE INTO beneficiary_phonetic (code, person)
  WITH RECURSIVE words (person, rest, code) AS (
    SELECT rowid, phonetic_text || ' ', '' FROM beneficiaries
    UNION ALL
    SELECT person, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1) FROM words WHERE rest <> ''
  )
  SELECT code, person FROM words WHERE code <> '';
