-- Search as you type answers from indexes instead of reading every person's search text, and each
-- sortable column of the beneficiaries list has an index, so any page is read without sorting.
-- The search indexes are keyed by the beneficiaries' rowid (kept by VACUUM: the table has indexes)
-- and written by the repository with each save (beneficiaries/repository.ts).

-- Terms of three characters or more: a trigram index over the normalised search text.
CREATE VIRTUAL TABLE beneficiary_search USING fts5 (
  search_text, content = 'beneficiaries', content_rowid = 'rowid', tokenize = 'trigram case_sensitive 1'
);
-- A deleted entry leaves the index itself instead of being masked: a withdrawn name leaves no trace.
INSERT INTO beneficiary_search (beneficiary_search, rank) VALUES ('secure-delete', 1);
INSERT INTO beneficiary_search (beneficiary_search) VALUES ('rebuild');

-- Two-character terms: the search text with every character doubled, where the trigram "xxy"
-- appears exactly when the text holds "xy". Only single trigrams are looked up: no positions kept
-- (detail 'column'; with 'none', SQLite 3.53's secure-delete leaves some deleted rows in the index).
CREATE VIRTUAL TABLE beneficiary_search_pairs USING fts5 (
  pairs, content = '', tokenize = 'trigram case_sensitive 1', detail = 'column'
);
INSERT INTO beneficiary_search_pairs (beneficiary_search_pairs, rank) VALUES ('secure-delete', 1);
INSERT INTO beneficiary_search_pairs (rowid, pairs)
  WITH RECURSIVE doubling (person, rest, pairs) AS (
    SELECT rowid, search_text, '' FROM beneficiaries
    UNION ALL
    SELECT person, substr(rest, 2), pairs || substr(rest, 1, 1) || substr(rest, 1, 1) FROM doubling WHERE rest <> ''
  )
  SELECT person, pairs FROM doubling WHERE rest = '';

-- The sound of each Latin name word (Double Metaphone), for misspelt names.
CREATE TABLE beneficiary_phonetic (
  code    TEXT NOT NULL,
  person  INTEGER NOT NULL,
  PRIMARY KEY (code, person)
) WITHOUT ROWID;
INSERT OR IGNORE INTO beneficiary_phonetic (code, person)
  WITH RECURSIVE words (person, rest, code) AS (
    SELECT rowid, phonetic_text || ' ', '' FROM beneficiaries
    UNION ALL
    SELECT person, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1) FROM words WHERE rest <> ''
  )
  SELECT code, person FROM words WHERE code <> '';

-- One index per sortable column of the list; the rowid each index ends with breaks ties. The one
-- by creation date replaces the wide index the typed search used to scan (the one by name stays
-- for single-character terms, which no index above knows).
DROP INDEX beneficiaries_by_created;
CREATE INDEX beneficiaries_sort_reference ON beneficiaries (archived_at, reference);
CREATE INDEX beneficiaries_sort_name ON beneficiaries (archived_at, sort_name);
CREATE INDEX beneficiaries_sort_birth_year ON beneficiaries (archived_at, birth_year);
CREATE INDEX beneficiaries_sort_category ON beneficiaries (archived_at, category);
CREATE INDEX beneficiaries_sort_nationality ON beneficiaries (archived_at, nationality);
CREATE INDEX beneficiaries_sort_city ON beneficiaries (archived_at, city COLLATE NOCASE);
CREATE INDEX beneficiaries_sort_created ON beneficiaries (archived_at, created_at);

-- The other paged lists, in the order they show: members by number (numbers that are not all
-- digits after the others), activities newest first with the id breaking ties.
CREATE INDEX members_by_number ON members (archived_at, (CASE WHEN number GLOB '*[^0-9]*' THEN 1 ELSE 0 END), CAST(number AS INTEGER), number);
CREATE INDEX activities_by_created ON activities (archived_at, created_at, id);
