-- Statistics over many activities read participations person by person in this index's order, with
-- their figures, so that they group by person without sorting tens of thousands of rows. It also
-- serves what the index on beneficiary_id alone served (the activities a person attended).
DROP INDEX participations_beneficiary;
CREATE INDEX participations_by_person ON participations (beneficiary_id, presences, first_present_on);
