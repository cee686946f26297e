-- The treasurer's journal: the association's own accounts (bank, cash box), an editable chart of
-- income and expense categories, every movement of money in one journal, the funder's tranches
-- planned per agreement, and the years closed after the general assembly. Dues payments and
-- sub-grant disbursements write their own journal entry (source, source_id): the journal never
-- copies them twice. Money: integer minor units in the account's currency.

CREATE TABLE treasury_accounts (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('bank', 'cash')),
  currency       TEXT NOT NULL DEFAULT 'MAD',
  -- The balance on opening_date, before any movement of the journal on or after it.
  opening_date   TEXT NOT NULL,
  opening_minor  INTEGER NOT NULL DEFAULT 0,
  sort           INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  archived_at    TEXT
);

-- Seeded ids are stable codes (dues, sub_grants_paid…): the areas that write entries and the
-- accountant's export rely on them. Categories the treasurer adds get a generated id.
CREATE TABLE treasury_categories (
  id          TEXT PRIMARY KEY,
  direction   TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  label_fr    TEXT NOT NULL,
  label_ar    TEXT NOT NULL,
  label_en    TEXT NOT NULL,
  sort        INTEGER NOT NULL,
  archived_at TEXT
);
INSERT INTO treasury_categories (id, direction, label_fr, label_ar, label_en, sort) VALUES
  ('dues', 'in', 'Cotisations', 'الاشتراكات', 'Membership dues', 1),
  ('donations', 'in', 'Dons', 'التبرعات', 'Donations', 2),
  ('grants_received', 'in', 'Subventions reçues', 'المنح المتوصل بها', 'Grants received', 3),
  ('public_subsidies', 'in', 'Subventions publiques (commune, INDH)', 'الدعم العمومي (الجماعة، المبادرة الوطنية)', 'Public subsidies (commune, INDH)', 4),
  ('in_kind_received', 'in', 'Aides en nature reçues', 'المساعدات العينية المتوصل بها', 'In-kind aid received', 5),
  ('other_income', 'in', 'Autres recettes', 'مداخيل أخرى', 'Other income', 6),
  ('staff', 'out', 'Personnel', 'الأجور', 'Staff', 11),
  ('trainers', 'out', 'Formateurs et animateurs', 'المكونون والمنشطون', 'Trainers and facilitators', 12),
  ('rent', 'out', 'Loyer', 'الكراء', 'Rent', 13),
  ('transport', 'out', 'Transport', 'النقل', 'Transport', 14),
  ('training_materials', 'out', 'Matériel de formation', 'معدات التكوين', 'Training materials', 15),
  ('in_kind_aid', 'out', 'Aides en nature distribuées', 'المساعدات العينية الموزعة', 'In-kind aid given', 16),
  ('sub_grants_paid', 'out', 'Sous-subventions versées', 'المنح الفرعية المدفوعة', 'Sub-grants paid', 17),
  ('services_to_people', 'out', 'Services payés aux bénéficiaires', 'خدمات مؤداة لفائدة المستفيدين', 'Services paid for beneficiaries', 18),
  ('bank_fees', 'out', 'Frais bancaires', 'المصاريف البنكية', 'Bank fees', 19),
  ('office', 'out', 'Fournitures et fonctionnement', 'اللوازم والتسيير', 'Office and running costs', 20),
  ('other_expense', 'out', 'Autres dépenses', 'مصاريف أخرى', 'Other expenses', 21);

-- What the funder is to pay, per agreement, in the agreement's currency. What was received is in
-- the journal (entries pointing at the tranche).
CREATE TABLE funder_tranches (
  id            TEXT PRIMARY KEY,
  agreement_id  TEXT NOT NULL REFERENCES funding_agreements (id),
  seq           INTEGER NOT NULL,
  due_date      TEXT NOT NULL,
  amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
  UNIQUE (agreement_id, seq)
);

CREATE TABLE treasury_closed_years (
  year       INTEGER PRIMARY KEY,
  closed_at  TEXT NOT NULL,
  closed_by  TEXT NOT NULL REFERENCES users (id)
);

CREATE TABLE journal_entries (
  id                 TEXT PRIMARY KEY,
  date               TEXT NOT NULL,
  account_id         TEXT NOT NULL REFERENCES treasury_accounts (id),
  direction          TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  amount_minor       INTEGER NOT NULL CHECK (amount_minor > 0),
  category_id        TEXT NOT NULL REFERENCES treasury_categories (id),
  counterpart_kind   TEXT NOT NULL CHECK (counterpart_kind IN ('funder', 'supplier', 'member', 'sub_grantee', 'person', 'other')),
  -- A member, sub-grantee or funder of the file; their name is read from there, never copied.
  counterpart_id     TEXT,
  counterpart_name   TEXT,
  description        TEXT,
  reference          TEXT,
  agreement_id       TEXT REFERENCES funding_agreements (id),
  budget_line_id     TEXT REFERENCES agreement_budget_lines (id),
  funder_tranche_id  TEXT REFERENCES funder_tranches (id),
  -- For an entry on an agreement: its amount in the agreement's currency and the rate used from
  -- the account's currency to it (1 unit = rate_micro / 1,000,000, or divided by it when inverse).
  agreement_minor    INTEGER CHECK (agreement_minor IS NULL OR agreement_minor > 0),
  rate_micro         INTEGER CHECK (rate_micro IS NULL OR rate_micro > 0),
  rate_inverse       INTEGER NOT NULL DEFAULT 0 CHECK (rate_inverse IN (0, 1)),
  rate_date          TEXT,
  attachment_id      TEXT REFERENCES attachments (id),
  -- Who wrote it: the journal itself, or another area's record (one entry per record).
  source             TEXT NOT NULL CHECK (source IN ('manual', 'dues', 'disbursement')),
  source_id          TEXT,
  -- A correction: the opposite of the entry it reverses, with the reason.
  reverses_id        TEXT UNIQUE REFERENCES journal_entries (id),
  reversal_reason    TEXT,
  created_at         TEXT NOT NULL,
  created_by         TEXT REFERENCES users (id),
  CHECK ((source = 'manual') = (source_id IS NULL)),
  CHECK ((reverses_id IS NULL) = (reversal_reason IS NULL)),
  CHECK (budget_line_id IS NULL OR agreement_id IS NOT NULL)
);
CREATE UNIQUE INDEX journal_entries_source ON journal_entries (source, source_id) WHERE source_id IS NOT NULL;
-- The statements read by account and date, by date and category, and by agreement and line.
CREATE INDEX journal_entries_account ON journal_entries (account_id, date, direction, amount_minor);
CREATE INDEX journal_entries_date ON journal_entries (date, account_id, category_id, direction, amount_minor);
CREATE INDEX journal_entries_agreement ON journal_entries (agreement_id, budget_line_id, direction, agreement_minor) WHERE agreement_id IS NOT NULL;

-- Every file starts with a cash box and a bank account, opened at zero: dues and disbursements
-- already recorded land in them below.
INSERT INTO treasury_accounts (id, name, kind, currency, opening_date, opening_minor, sort, created_at) VALUES
  ('cash', 'Caisse', 'cash', 'MAD', '2000-01-01', 0, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('bank', 'Banque', 'bank', 'MAD', '2000-01-01', 0, 2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- A sub-grant paid in another currency than the dirham was paid from an account in that currency.
INSERT INTO treasury_accounts (id, name, kind, currency, opening_date, opening_minor, sort, created_at)
  SELECT DISTINCT 'bank-' || lower(s.currency), 'Banque (' || s.currency || ')', 'bank', s.currency, '2000-01-01', 0, 3,
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM grant_disbursements d JOIN sub_grants s ON s.id = d.sub_grant_id WHERE s.currency <> 'MAD';

INSERT INTO journal_entries (id, date, account_id, direction, amount_minor, category_id, counterpart_kind, counterpart_id,
    reference, source, source_id, created_at, created_by)
  SELECT 'dues-' || p.id, p.date, iif(p.method = 'cash', 'cash', 'bank'), 'in', p.amount, 'dues', 'member', p.member_id,
    'R-' || p.receipt_year || '-' || substr('0000' || p.receipt_seq, -5), 'dues', p.id, p.created_at, p.collected_by
  FROM member_payments p;

INSERT INTO journal_entries (id, date, account_id, direction, amount_minor, category_id, counterpart_kind, counterpart_id,
    reference, agreement_id, source, source_id, created_at, created_by)
  SELECT 'disb-' || d.id, d.date, iif(s.currency = 'MAD', iif(d.method = 'cash', 'cash', 'bank'), 'bank-' || lower(s.currency)),
    'out', d.amount_minor, 'sub_grants_paid', 'sub_grantee', s.recipient_id, d.reference, s.agreement_id, 'disbursement', d.id,
    d.created_at, d.created_by
  FROM grant_disbursements d JOIN sub_grants s ON s.id = d.sub_grant_id;
