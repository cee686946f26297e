import type { ReportCell } from '../../../contract';
import { activityStatistics } from '../../activities/statistics';
import { lookupLabels, lookupOrder } from '../labels';
import { column, percent, table, type ReportSectionModule } from '../section';

/**
 * Activities and sessions held in the period, and per theme the distinct participants and the
 * completed participations, counted the way the activities' own statistics count them (one call
 * per theme: the totals line is its own call, since a person may attend several themes).
 */
export const activitiesSection: ReportSectionModule = {
  id: 'activities',
  available: () => true,
  build({ db, from, to, texts, locale, ageBandEdges }) {
    const all = activityStatistics(db, { from, to }, ageBandEdges);
    const held = new Set(
      (
        db
          .prepare(
            `SELECT DISTINCT a.theme FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
             WHERE s.present_count > 0 AND s.date BETWEEN ? AND ?`,
          )
          .all(from, to) as { theme: string }[]
      ).map((r) => r.theme),
    );
    const theme = lookupLabels(db, 'theme', locale);
    const order = lookupOrder(db, 'theme');
    const themes = [...held].sort((a, b) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity) || a.localeCompare(b));
    const rows: ReportCell[][] = themes.map((code) => {
      const s = activityStatistics(db, { from, to, theme: code }, ageBandEdges);
      return [theme(code), s.activities, s.sessionsHeld, s.total.uniqueParticipants, s.total.participations, s.total.completed, percent(s.total.completed, s.total.participations)];
    });
    const c = texts.columns;
    const i = texts.indicators;
    return {
      measures: { activities_held: all.activities, sessions_held: all.sessionsHeld, participants: all.total.uniqueParticipants, completions: all.total.completed },
      notes: all.sessionsHeld === 0 ? [texts.notesText.noSessions] : [],
      tables: [
        table(texts, 'activities.summary', [column(c.indicator, 'label'), column(c.value)], [
          [i.activities, all.activities],
          [i.sessionsHeld, all.sessionsHeld],
          [i.participants, all.total.uniqueParticipants],
          [i.presences, all.total.presences],
          [i.participations, all.total.participations],
          [i.completions, all.total.completed],
        ]),
        table(
          texts,
          'activities.byTheme',
          [
            column(c.theme, 'label'),
            column(c.activities),
            column(c.sessionsHeld),
            column(c.participants),
            column(c.participations),
            column(c.completions),
            column(c.completionRate, 'percent'),
          ],
          rows,
          [texts.total, all.activities, all.sessionsHeld, all.total.uniqueParticipants, all.total.participations, all.total.completed, percent(all.total.completed, all.total.participations)],
        ),
      ],
    };
  },
};
