-- Files exchanged with partner associations (referrals and their answers) are encrypted to the
-- partner and signed by the sender, so each association file needs an identity of its own and
-- the partners' public cards.

-- A partner's card (its public keys, self-signed) as imported, the fingerprint shown for checking,
-- and who confirmed it by phone and when. Importing another card clears the confirmation.
ALTER TABLE partners ADD COLUMN card TEXT;
ALTER TABLE partners ADD COLUMN card_fingerprint TEXT;
ALTER TABLE partners ADD COLUMN card_checked_at TEXT;
ALTER TABLE partners ADD COLUMN card_checked_by TEXT REFERENCES users (id);

-- A received file names its sender by fingerprint: one card belongs to one partner only.
CREATE UNIQUE INDEX partners_card_fingerprint ON partners (card_fingerprint) WHERE card_fingerprint IS NOT NULL;

-- One row: X25519 to receive, Ed25519 to sign. SQL cannot make keys, so the app generates them
-- when the file is created, or on first need in a file upgraded from an earlier version. The
-- private keys (PKCS#8 DER) never leave this encrypted file.
CREATE TABLE association_identity (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  x25519_public       TEXT NOT NULL,
  x25519_private      BLOB NOT NULL,
  ed25519_public      TEXT NOT NULL,
  ed25519_private     BLOB NOT NULL,
  created_at          TEXT NOT NULL
);
