import m0001 from './0001_init.sql';
import m0002 from './0002_audit_settings.sql';
import m0003 from './0003_beneficiaries.sql';
import m0004 from './0004_case_follow_up.sql';
import m0005 from './0005_activities.sql';
import m0006 from './0006_grants.sql';
import m0007 from './0007_members_cooperatives.sql';
import m0008 from './0008_activities_logos.sql';
import m0009 from './0009_reports.sql';
import m0010 from './0010_audit_notes.sql';
import m0011 from './0011_referrals_by_sent.sql';
import m0012 from './0012_search_index.sql';
import m0013 from './0013_association_identity.sql';
import m0014 from './0014_referral_exchange.sql';
import m0015 from './0015_reports_trust.sql';
import m0016 from './0016_duplicate_decisions.sql';
import m0017 from './0017_treasury.sql';
import m0018 from './0018_treasury_totals.sql';
import m0019 from './0019_services.sql';
import m0020 from './0020_employment.sql';
import m0021 from './0021_training_cycles.sql';
import m0022 from './0022_case_lifecycle.sql';
import m0023 from './0023_mass_events.sql';
import m0024 from './0024_money_corrections.sql';
import m0025 from './0025_association_details.sql';
import m0026 from './0026_participations_by_person.sql';

/** Ordered: entry i brings the file from user_version i to i + 1. */
export const migrations: readonly { name: string; sql: string }[] = [
  { name: '0001_init', sql: m0001 },
  { name: '0002_audit_settings', sql: m0002 },
  { name: '0003_beneficiaries', sql: m0003 },
  { name: '0004_case_follow_up', sql: m0004 },
  { name: '0005_activities', sql: m0005 },
  { name: '0006_grants', sql: m0006 },
  { name: '0007_members_cooperatives', sql: m0007 },
  { name: '0008_activities_logos', sql: m0008 },
  { name: '0009_reports', sql: m0009 },
  { name: '0010_audit_notes', sql: m0010 },
  { name: '0011_referrals_by_sent', sql: m0011 },
  { name: '0012_search_index', sql: m0012 },
  { name: '0013_association_identity', sql: m0013 },
  { name: '0014_referral_exchange', sql: m0014 },
  { name: '0015_reports_trust', sql: m0015 },
  { name: '0016_duplicate_decisions', sql: m0016 },
  { name: '0017_treasury', sql: m0017 },
  { name: '0018_treasury_totals', sql: m0018 },
  { name: '0019_services', sql: m0019 },
  { name: '0020_employment', sql: m0020 },
  { name: '0021_training_cycles', sql: m0021 },
  { name: '0022_case_lifecycle', sql: m0022 },
  { name: '0023_mass_events', sql: m0023 },
  { name: '0024_money_corrections', sql: m0024 },
  { name: '0025_association_details', sql: m0025 },
  { name: '0026_participations_by_person', sql: m0026 },
];

export const LATEST_VERSION = migrations.length;
