import type { ApplicationRow, Criterion, EvaluatorScores } from '../../contract';
import type { ApplicationRecord, ScoreRow } from './repository';

/** Hundredths, rounded half up, computed on integers so that equal totals compare equal. */
const hundredths = (numerator: number, denominator: number) => Math.round((numerator * 100) / denominator) / 100;

/**
 * Each evaluator's weighted total Σ(weight × score) / Σ weight (on /20), only once they scored
 * every criterion; the application's total is the mean of those; ranks go 1, 2, 2, 4 on ties.
 */
export function rankApplications(records: ApplicationRecord[], criteria: Criterion[], scores: ScoreRow[]): ApplicationRow[] {
  const weightSum = criteria.reduce((s, c) => s + c.weight, 0);
  const weights = new Map(criteria.map((c) => [c.id, c.weight]));
  const rows = records.map((a): ApplicationRow => {
    const byEvaluator = new Map<string, Record<string, number>>();
    for (const s of scores) {
      if (s.applicationId !== a.id || !weights.has(s.criterionId)) continue;
      const entry = byEvaluator.get(s.evaluator) ?? {};
      entry[s.criterionId] = s.score;
      byEvaluator.set(s.evaluator, entry);
    }
    const evaluations: EvaluatorScores[] = [...byEvaluator].map(([evaluator, given]) => {
      const complete = criteria.length > 0 && criteria.every((c) => given[c.id] !== undefined);
      const weighted = complete ? hundredths(criteria.reduce((s, c) => s + c.weight * (given[c.id] ?? 0), 0), weightSum) : null;
      return { evaluator, scores: given, weighted };
    });
    const complete = evaluations.filter((e) => e.weighted !== null).map((e) => e.weighted as number);
    const total = complete.length > 0 ? hundredths(complete.reduce((s, w) => s + w * 100, 0) / 100, complete.length) : null;
    return {
      id: a.id,
      callId: a.callId,
      recipientId: a.recipientId,
      recipientName: a.recipientName,
      projectTitle: a.projectTitle,
      summary: a.summary,
      requestedMinor: a.requestedMinor,
      decision: a.decision,
      decisionReason: a.decisionReason,
      evaluations,
      total,
      rank: null,
      subGrantId: a.subGrantId,
    };
  });
  const scored = rows.filter((r) => r.total !== null).sort((a, b) => (b.total as number) - (a.total as number));
  scored.forEach((r, i) => {
    const previous = scored[i - 1];
    r.rank = previous && previous.total === r.total ? previous.rank : i + 1;
  });
  return [...scored, ...rows.filter((r) => r.total === null)];
}
