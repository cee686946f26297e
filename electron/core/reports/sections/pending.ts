import type { ReportSectionId } from '../../../contract';
import type { ReportSectionModule } from '../section';

/** The section of an area not built yet: the report names it and says it is not available. */
export const pendingSection = (id: ReportSectionId): ReportSectionModule => ({
  id,
  available: () => false,
  build: () => ({ notes: [], tables: [] }),
});
