-- Corrections made where the money was recorded, and transfers between the association's own
-- accounts.
--
-- A dues payment or a sub-grant disbursement is corrected by reversing its journal entry: the
-- reversal entry (date, reason, who) is the one record of the correction, and the payment or
-- disbursement points at it. The reversal keeps its original's source and source_id (the unique
-- index on them leaves reversals out since 0019).

ALTER TABLE member_payments ADD COLUMN reversal_entry_id TEXT REFERENCES journal_entries (id);
ALTER TABLE grant_disbursements ADD COLUMN reversal_entry_id TEXT REFERENCES journal_entries (id);

-- A reversed disbursement leaves the sub-grant's and its tranche's totals; a reversal is final.
CREATE TRIGGER grant_disbursement_reversed AFTER UPDATE OF reversal_entry_id ON grant_disbursements
  WHEN OLD.reversal_entry_id IS NULL AND NEW.reversal_entry_id IS NOT NULL BEGIN
  UPDATE grant_totals SET disbursed_minor = disbursed_minor - NEW.amount_minor WHERE sub_grant_id = NEW.sub_grant_id;
  UPDATE grant_tranches SET disbursed_minor = disbursed_minor - NEW.amount_minor WHERE id = NEW.tranche_id;
END;
CREATE TRIGGER grant_disbursement_reversal_kept BEFORE UPDATE OF reversal_entry_id ON grant_disbursements
  WHEN OLD.reversal_entry_id IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'a reversed disbursement stays reversed');
END;
CREATE TRIGGER member_payment_reversal_kept BEFORE UPDATE OF reversal_entry_id ON member_payments
  WHEN OLD.reversal_entry_id IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'a reversed payment stays reversed');
END;

-- A transfer (cash box to bank, bank to cash box) is two entries written together, sharing
-- transfer_id, in two categories that the year statement counts neither as income nor expense.
ALTER TABLE journal_entries ADD COLUMN transfer_id TEXT;
CREATE INDEX journal_entries_transfer ON journal_entries (transfer_id) WHERE transfer_id IS NOT NULL;
INSERT INTO treasury_categories (id, direction, label_fr, label_ar, label_en, sort) VALUES
  ('transfer_in', 'in', 'Virement interne reçu', 'تحويل داخلي وارد', 'Internal transfer in', 90),
  ('transfer_out', 'out', 'Virement interne émis', 'تحويل داخلي صادر', 'Internal transfer out', 91);

DROP TRIGGER journal_entry_frozen;
CREATE TRIGGER journal_entry_frozen BEFORE UPDATE OF date, account_id, direction, amount_minor, category_id, agreement_id, budget_line_id,
  funder_tranche_id, agreement_minor, source, reverses_id, transfer_id ON journal_entries BEGIN
  SELECT RAISE(ABORT, 'journal entries are corrected by reversal, never edited');
END;

-- A step marked done and undone: when it had been done and why it was undone (the audit row names
-- the step, the reason stays here).
CREATE TABLE cooperative_step_undos (
  id          TEXT PRIMARY KEY,
  step_id     TEXT NOT NULL REFERENCES cooperative_steps (id),
  done_on     TEXT NOT NULL,
  reason      TEXT NOT NULL,
  undone_at   TEXT NOT NULL,
  undone_by   TEXT NOT NULL REFERENCES users (id)
);
CREATE INDEX cooperative_step_undos_step ON cooperative_step_undos (step_id, undone_at);
