-- The logos printed on the attendance sheets are kept in the attachments store (0006), owned by
-- the association ('association_logo', 'funder_logo'). The core checks them first (errors
-- `logo_not_image`, `logo_too_large`; a new association logo replaces the old one); the file
-- holds to the same rules, whatever writes to it.

-- The store takes PDFs up to 10 MB; a logo is a PNG or JPEG image of at most 1 MB.
CREATE TRIGGER attachments_logo_is_small_image
BEFORE INSERT ON attachments
WHEN NEW.owner_type IN ('association_logo', 'funder_logo')
  AND (NEW.mime NOT IN ('image/png', 'image/jpeg') OR NEW.size > 1048576)
BEGIN
  SELECT RAISE(ABORT, 'a logo must be a PNG or JPEG image of at most 1 MB');
END;

-- One association, one logo (funders may have several).
CREATE UNIQUE INDEX attachments_one_association_logo ON attachments (owner_id) WHERE owner_type = 'association_logo';

-- Issue 4: an activity may be part of a funding agreement (grants area); the free-text project
-- stays for projects without one.
ALTER TABLE activities ADD COLUMN agreement_id TEXT REFERENCES funding_agreements (id);

CREATE INDEX activities_agreement ON activities (agreement_id) WHERE agreement_id IS NOT NULL;
