-- The referrals list across people filters on the sent date (and the status) and shows the newest
-- first: this index serves the filter, the order and the status check without reading the rows.
CREATE INDEX referrals_by_sent ON referrals (sent_on, created_at, id, status);
