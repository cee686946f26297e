import type { ReportSectionModule } from '../section';
import { activitiesSection } from './activities';
import { beneficiariesSection } from './beneficiaries';
import { cooperativesSection } from './cooperatives';
import { followUpSection } from './follow-up';
import { grantsSection } from './grants';
import { membersSection } from './members';

/** In the order of the report. */
export const REPORT_SECTIONS: readonly ReportSectionModule[] = [
  beneficiariesSection,
  activitiesSection,
  followUpSection,
  grantsSection,
  membersSection,
  cooperativesSection,
];
