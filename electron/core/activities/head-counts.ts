import type { z } from 'zod';
import { todayIso, type countOnlyModeSchema, type HeadCountCell, type headCountsInputSchema, type SessionHeadCounts } from '../../contract';
import type { CoreContext, SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { readSettings } from '../settings/repository';
import { ageBandLabels } from './statistics';
import { existingActivity, existingSession, openActivity } from './service';

// Count-only sessions: attendance as numbers of people by sex and age band, for school programmes
// and street outreach where nobody registers. They are participations, never people reached.

type Clock = Pick<CoreContext, 'now'>;

function storedCounts(db: Db, sessionId: string): HeadCountCell[] {
  return db
    .prepare('SELECT sex, age_band AS ageBand, count FROM session_head_counts WHERE session_id = ? ORDER BY age_band, sex')
    .all(sessionId) as HeadCountCell[];
}

const hasNames = (db: Db, sessionId: string) => Boolean(db.prepare('SELECT 1 FROM attendance WHERE session_id = ? LIMIT 1').get(sessionId));

export function sessionHeadCounts(db: Db, sessionId: string, today: string): SessionHeadCounts {
  const session = existingSession(db, sessionId);
  const activity = existingActivity(db, session.activityId);
  const bands = ageBandLabels(readSettings(db).statisticsAgeBands);
  const rank = (band: string) => (bands.includes(band) ? bands.indexOf(band) : bands.length);
  const counts = storedCounts(db, sessionId).sort((a, b) => rank(a.ageBand) - rank(b.ageBand) || a.ageBand.localeCompare(b.ageBand));
  return {
    sessionId,
    countOnly: session.countOnly,
    ageBands: bands,
    counts,
    total: counts.reduce((sum, c) => sum + c.count, 0),
    place: session.place ?? activity.place,
    editable: session.date <= today && !activity.archivedAt,
    hasNamedAttendance: hasNames(db, sessionId),
  };
}

export function getHeadCounts(ctx: SignedInContext, sessionId: string): SessionHeadCounts {
  return sessionHeadCounts(ctx.session.file.db, sessionId, todayIso(ctx.now()));
}

/** Switching is refused once the session holds the other kind of attendance: nothing is converted or dropped. */
export function setCountOnly(ctx: Clock, input: z.output<typeof countOnlyModeSchema>) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): SessionHeadCounts => {
    const session = existingSession(tx.db, input.sessionId);
    openActivity(tx.db, session.activityId);
    if (session.countOnly !== input.countOnly) {
      if (input.countOnly && hasNames(tx.db, session.id)) throw new AppError('session_has_names');
      if (!input.countOnly && storedCounts(tx.db, session.id).some((c) => c.count > 0)) throw new AppError('session_has_counts');
      tx.db.prepare('DELETE FROM session_head_counts WHERE session_id = ?').run(session.id);
      tx.db.prepare('UPDATE activity_sessions SET count_only = ?, updated_at = ? WHERE id = ?').run(input.countOnly ? 1 : 0, tx.at, session.id);
      tx.audit(session.id);
    }
    return sessionHeadCounts(tx.db, session.id, today);
  };
}

/**
 * Replaces the counts of a count-only session, and its place. Each band must be one of the
 * setting's, or one already recorded on this session (kept after the setting changed).
 */
export function saveHeadCounts(ctx: Clock, input: z.output<typeof headCountsInputSchema>) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): SessionHeadCounts => {
    const session = existingSession(tx.db, input.sessionId);
    openActivity(tx.db, session.activityId);
    if (!session.countOnly) throw new AppError('not_count_only');
    if (session.date > today) throw new AppError('session_in_future');
    const known = new Set([...ageBandLabels(readSettings(tx.db).statisticsAgeBands), ...storedCounts(tx.db, session.id).map((c) => c.ageBand)]);
    const fields: Record<string, string> = {};
    input.counts.forEach((cell, i) => {
      if (!known.has(cell.ageBand)) fields[`counts.${i}.count`] = 'unknown_age_band';
    });
    if (Object.keys(fields).length > 0) throw new AppError('invalid_input', fields);
    tx.db.prepare('DELETE FROM session_head_counts WHERE session_id = ?').run(session.id);
    const insert = tx.db.prepare('INSERT INTO session_head_counts (session_id, sex, age_band, count) VALUES (?, ?, ?, ?)');
    for (const cell of input.counts) if (cell.count > 0) insert.run(session.id, cell.sex, cell.ageBand, cell.count);
    const place = input.place?.trim() || null;
    tx.db.prepare('UPDATE activity_sessions SET place = ?, updated_at = ? WHERE id = ?').run(place, tx.at, session.id);
    tx.audit(session.id);
    return sessionHeadCounts(tx.db, session.id, today);
  };
}
