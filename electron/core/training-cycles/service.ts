import type { CycleDetail, CycleInput, CycleParticipant, CycleRow, ParticipantRow, TrainingCycle } from '../../contract';
import { registrationRows, sessionsHeld } from '../activities/repository';
import { existingActivity } from '../activities/service';
import { hasCompleted } from '../activities/statistics';
import type { SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { newId } from '../ids';
import { certificatesOf, cycleModules, getCycle, listCycles as storedCycles, saveCycle as writeCycle } from './repository';

export function existingCycle(db: Db, id: string): TrainingCycle {
  const cycle = getCycle(db, id);
  if (!cycle) throw new AppError('not_found');
  return cycle;
}

/** How many modules complete the cycle: its rule, never more than it has. */
export const modulesRequired = (cycle: Pick<TrainingCycle, 'requiredModules' | 'activityIds'>): number =>
  Math.min(cycle.requiredModules ?? cycle.activityIds.length, cycle.activityIds.length);

type Progress = Omit<CycleParticipant, 'certificates'>;

/**
 * Each person registered in a module, with their completion of every module by that module's own
 * rule (present at ≥ its threshold of its sessions held), and of the cycle: at least the required
 * number of modules completed.
 */
export function cycleProgress(db: Db, cycle: TrainingCycle, year: number): Progress[] {
  const people = new Map<string, ParticipantRow>();
  const byModule = cycle.activityIds.map((activityId) => {
    const activity = existingActivity(db, activityId);
    const held = sessionsHeld(db, activityId);
    const rows = new Map(
      registrationRows(db, activityId, year).map((r) => {
        if (!people.has(r.beneficiaryId)) people.set(r.beneficiaryId, r);
        return [r.beneficiaryId, { presentCount: r.presentCount, completed: hasCompleted(r.presentCount, held, activity.completionThreshold) }];
      }),
    );
    return { activityId, rows };
  });
  const required = modulesRequired(cycle);
  return [...people.values()]
    .map((p) => {
      const modules = byModule.map(({ activityId, rows }) => {
        const row = rows.get(p.beneficiaryId);
        return { activityId, registered: row !== undefined, presentCount: row?.presentCount ?? 0, completed: row?.completed ?? false };
      });
      const completedModules = modules.filter((m) => m.completed).length;
      return {
        beneficiaryId: p.beneficiaryId,
        reference: p.reference,
        displayName: p.displayName,
        arabicName: p.arabicName,
        pseudonymous: p.pseudonymous,
        modules,
        completedModules,
        attended: modules.some((m) => m.presentCount > 0),
        completed: required > 0 && completedModules >= required,
      };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
}

export function listCycles(ctx: SignedInContext, archived: boolean): CycleRow[] {
  const { db } = ctx.session.file;
  const year = ctx.now().getUTCFullYear();
  return storedCycles(db, archived).map((cycle) => {
    const progress = cycleProgress(db, cycle, year);
    return { ...cycle, participantCount: progress.length, completedCount: progress.filter((p) => p.completed).length };
  });
}

export function getCycleDetail(ctx: SignedInContext, id: string): CycleDetail {
  const { db } = ctx.session.file;
  const cycle = existingCycle(db, id);
  const issued = certificatesOf(db, 'cycle', id);
  const referenceOf = (beneficiaryId: string, kind: 'participation' | 'completion') =>
    issued.find((c) => c.beneficiaryId === beneficiaryId && c.kind === kind)?.reference ?? null;
  return {
    cycle,
    modules: cycleModules(db, id),
    modulesRequired: modulesRequired(cycle),
    participants: cycleProgress(db, cycle, ctx.now().getUTCFullYear()).map((p) => ({
      ...p,
      certificates: { participation: referenceOf(p.beneficiaryId, 'participation'), completion: referenceOf(p.beneficiaryId, 'completion') },
    })),
  };
}

/** Creates a cycle or replaces its title, modules and rule. Modules are activities of the file. */
export function saveCycle(input: CycleInput) {
  return (tx: WriteTx): TrainingCycle => {
    const before = input.id ? existingCycle(tx.db, input.id) : undefined;
    const unknown: Record<string, string> = {};
    input.activityIds.forEach((id, i) => {
      if (!tx.db.prepare('SELECT 1 FROM activities WHERE id = ?').get(id)) unknown[`activityIds.${i}`] = 'not_found';
    });
    if (Object.keys(unknown).length > 0) throw new AppError('not_found', unknown);
    const record: TrainingCycle = {
      id: before?.id ?? newId(),
      title: input.title,
      requiredModules: input.requiredModules ?? null,
      activityIds: input.activityIds,
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
      archivedAt: before?.archivedAt ?? null,
    };
    writeCycle(tx.db, record);
    tx.audit(record.id);
    return record;
  };
}

export function setCycleArchived(id: string, archived: boolean) {
  return (tx: WriteTx): TrainingCycle => {
    const before = existingCycle(tx.db, id);
    const record: TrainingCycle = { ...before, archivedAt: archived ? (before.archivedAt ?? tx.at) : null, updatedAt: tx.at };
    writeCycle(tx.db, record);
    tx.audit(id);
    return record;
  };
}
