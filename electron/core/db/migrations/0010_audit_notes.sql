-- An audit row may say that a rule was overridden (a call's envelope, a tranche's condition): a
-- stable code, never the reason's free text, which stays on its record. The partial index lists
-- the overrides quickly for whoever checks them.
ALTER TABLE audit_log ADD COLUMN note TEXT CHECK (note IS NULL OR note IN ('override_envelope', 'override_tranche_condition'));
CREATE INDEX audit_log_notes ON audit_log (note, at) WHERE note IS NOT NULL;
