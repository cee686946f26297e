-- Referrals sent to a partner as a sealed file, the referrals partners send us, and their answers.

-- A referral of ours sent as a file: when and which facts went (names of facts, never their values),
-- when the answer applied was made by the partner (an older answer cannot overwrite a newer one)
-- and the partner's reason for a refusal.
ALTER TABLE referrals ADD COLUMN file_sent_at TEXT;
ALTER TABLE referrals ADD COLUMN file_facts TEXT;
ALTER TABLE referrals ADD COLUMN answer_made_at TEXT;
ALTER TABLE referrals ADD COLUMN answer_reason TEXT;

-- The follow-up dashboard lists files still waiting for an answer.
CREATE INDEX referrals_file_waiting ON referrals (file_sent_at) WHERE file_sent_at IS NOT NULL AND status = 'sent';

-- Every exchange file opened and taken in, by its id: the same file is never taken in twice.
CREATE TABLE exchange_files_imported (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('referral', 'reply')),
  partner_id   TEXT NOT NULL REFERENCES partners (id),
  imported_at  TEXT NOT NULL
);

-- A referral a partner sent us. `payload` is the file's decrypted content as received (the person,
-- the facts ticked by the sender and the consent record); it lives only inside this encrypted file.
CREATE TABLE incoming_referrals (
  id                  TEXT PRIMARY KEY,
  partner_id          TEXT NOT NULL REFERENCES partners (id),
  remote_referral_id  TEXT NOT NULL,
  payload             TEXT NOT NULL,
  received_at         TEXT NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('received', 'service_given', 'refused', 'no_answer_possible')),
  answer_reason       TEXT,
  answered_on         TEXT,
  beneficiary_id      TEXT REFERENCES beneficiaries (id),
  updated_at          TEXT NOT NULL,
  CHECK (status <> 'refused' OR answer_reason IS NOT NULL)
);
CREATE INDEX incoming_referrals_received ON incoming_referrals (received_at, id);
