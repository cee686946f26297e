import { ASSEMBLY_MINUTES_OWNER, type AssemblyQuorum, type AttachmentContent, type AttachmentInfo, type AttachmentUpload } from '../../contract';
import { attachmentsOf } from '../attachments/repository';
import { getAttachment, saveAttachment } from '../attachments/service';
import type { SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { readSettings } from '../settings/repository';
import { dueFor, feeTable, memberOwesIn } from './dues';
import { allMembers, assemblyActivities, assemblyActivity, membersPresentAt, paidInYear, type AssemblyActivity } from './repository';

/**
 * Members in good standing: active, with the dues of the assembly's year paid in full. The quorum
 * is the setting's share of them, rounded up, and at least one when there is anyone.
 */
function quorumOf(db: Db, activity: AssemblyActivity, thisYear: number): AssemblyQuorum {
  const year = activity.date ? Number(activity.date.slice(0, 4)) : thisYear;
  const fees = feeTable(db);
  const paid = paidInYear(db, year);
  const good = allMembers(db).filter(
    (m) => m.status === 'active' && memberOwesIn(m, year) && (paid.get(m.id) ?? 0) >= dueFor(fees, year, m.category),
  );
  const percent = readSettings(db).assemblyQuorumPercent;
  const required = good.length === 0 ? 0 : Math.max(1, Math.ceil((good.length * percent) / 100));
  const presentIds = membersPresentAt(db, activity.id);
  const present = good
    .filter((m) => presentIds.has(m.id))
    .map((m) => ({ memberId: m.id, number: m.number, name: `${m.firstName} ${m.lastName}` }));
  return {
    activityId: activity.id,
    reference: activity.reference,
    title: activity.title,
    date: activity.date,
    year,
    inGoodStanding: good.length,
    quorumPercent: percent,
    required,
    present,
    reached: good.length > 0 && present.length >= required,
    minutes: attachmentsOf(db, ASSEMBLY_MINUTES_OWNER, activity.id),
  };
}

function generalAssembly(db: Db, activityId: string): AssemblyActivity {
  const activity = assemblyActivity(db, activityId);
  if (!activity) throw new AppError('not_found');
  if (activity.type !== 'general_assembly') throw new AppError('not_general_assembly');
  return activity;
}

export function assemblyQuorum(ctx: SignedInContext, activityId: string): AssemblyQuorum {
  const { db } = ctx.session.file;
  return quorumOf(db, generalAssembly(db, activityId), ctx.now().getUTCFullYear());
}

/** The minutes of a general assembly, kept in the encrypted file with the activity as owner. */
export function attachMinutes(activityId: string, file: AttachmentUpload) {
  return (tx: WriteTx): AttachmentInfo => {
    generalAssembly(tx.db, activityId);
    const info = saveAttachment(tx, { ...file, ownerType: ASSEMBLY_MINUTES_OWNER, ownerId: activityId });
    tx.audit(info.id);
    return info;
  };
}

/** Only assembly minutes: the attachments of other areas keep their own access rules. */
export function getMinutes(ctx: SignedInContext, id: string): AttachmentContent {
  const file = getAttachment(ctx.session.file.db, id);
  if (file.ownerType !== ASSEMBLY_MINUTES_OWNER) throw new AppError('not_found');
  return file;
}

export function listAssemblies(ctx: SignedInContext): AssemblyQuorum[] {
  const { db } = ctx.session.file;
  return assemblyActivities(db).map((a) => quorumOf(db, a, ctx.now().getUTCFullYear()));
}
