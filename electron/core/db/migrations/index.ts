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
];

export const LATEST_VERSION = migrations.length;
