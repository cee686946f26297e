import type { ReportSectionModule } from '../section';
import { activitiesSection } from './activities';
import { beneficiariesSection } from './beneficiaries';
import { followUpSection } from './follow-up';
import { pendingSection } from './pending';

/** In the order of the report. */
export const REPORT_SECTIONS: readonly ReportSectionModule[] = [
  beneficiariesSection,
  activitiesSection,
  followUpSection,
  pendingSection('grants'),
  pendingSection('members'),
  pendingSection('cooperatives'),
];
