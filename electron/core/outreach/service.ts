import type { z } from 'zod';
import type { OutreachList, OutreachLog, outreachInputSchema, outreachSearchSchema } from '../../contract';
import { lookupState } from '../case-follow-up/repository';
import type { SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { newId } from '../ids';
import { findActiveUser } from '../users/repository';
import { getOutreach, listOutreach as storedOutreach, outreachTotals, saveOutreach as writeOutreach } from './repository';

// The outreach agents' log: where they went, how many people they informed, on what, and how many
// they referred. People informed are counted, not known: the report never adds them to people reached.

function existingOutreach(db: Db, id: string): OutreachLog {
  const log = getOutreach(db, id);
  if (!log) throw new AppError('not_found');
  return log;
}

/** Whoever wrote an entry may change it; the president may change any. */
function changeableOutreach(tx: WriteTx, id: string): OutreachLog {
  const log = existingOutreach(tx.db, id);
  if (tx.user.role !== 'president' && log.createdBy !== tx.user.id) throw new AppError('forbidden');
  return log;
}

export function listOutreach(ctx: SignedInContext, input: z.output<typeof outreachSearchSchema>): OutreachList {
  const { db } = ctx.session.file;
  const scope = { from: input.from ?? null, to: input.to ?? null, archived: input.archived };
  return { rows: storedOutreach(db, scope), totals: outreachTotals(db, scope.from, scope.to) };
}

export const getOne = (ctx: SignedInContext, id: string): OutreachLog => existingOutreach(ctx.session.file.db, id);

/** A topic archived since stays on the entries that had it, and is offered to no new one. */
export function saveOutreach(input: z.output<typeof outreachInputSchema>) {
  return (tx: WriteTx): OutreachLog => {
    const before = input.id ? changeableOutreach(tx, input.id) : undefined;
    const fields: Record<string, string> = {};
    if (input.agentUserId && !findActiveUser(tx.db, input.agentUserId) && before?.agentUserId !== input.agentUserId) fields.agentUserId = 'not_found';
    input.topics.forEach((code, i) => {
      const state = lookupState(tx.db, 'outreachTopic', code);
      if (!state || (state.archived && !before?.topics.includes(code))) fields[`topics.${i}`] = 'not_in_list';
    });
    if (Object.keys(fields).length > 0) throw new AppError('invalid_input', fields);
    const agentName = input.agentUserId ? null : input.agentName?.trim() || null;
    const log: OutreachLog = {
      id: before?.id ?? newId(),
      date: input.date,
      neighbourhood: input.neighbourhood,
      agentUserId: input.agentUserId || null,
      agentName,
      agentLabel: '',
      informedFemale: input.informedFemale,
      informedMale: input.informedMale,
      topics: input.topics,
      referrals: input.referrals,
      referralsNote: input.referralsNote?.trim() || null,
      createdBy: before?.createdBy ?? tx.user.id,
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
      archivedAt: before?.archivedAt ?? null,
    };
    writeOutreach(tx.db, log);
    tx.audit(log.id);
    return existingOutreach(tx.db, log.id);
  };
}

export function setArchived(id: string, archived: boolean) {
  return (tx: WriteTx): OutreachLog => {
    const log = changeableOutreach(tx, id);
    writeOutreach(tx.db, { ...log, archivedAt: archived ? (log.archivedAt ?? tx.at) : null, updatedAt: tx.at });
    tx.audit(id);
    return existingOutreach(tx.db, id);
  };
}
