-- What the association prints on its receipts beside its name and city: its postal address and the
-- number of its registration receipt (récépissé de dépôt). One row at most, absent until a
-- president types them in; NULL for what is not known.
CREATE TABLE association_details (
  id                   INTEGER PRIMARY KEY CHECK (id = 1),
  address              TEXT,
  registration_number  TEXT
);
