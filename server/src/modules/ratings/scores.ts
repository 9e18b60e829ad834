import type { ScoreSummary } from '@hall-menu/shared';
import { EntityManager, In } from 'typeorm';
import { bayesianRating } from '../needs/scorer';
import { RatingScore, type RatingSubject } from './rating-score.entity';

/** A subject nobody has rated yet: the prior, no satisfaction. */
export const UNRATED: ScoreSummary = { average: null, count: 0, score: bayesianRating(null, 0), satisfaction: null };

const round2 = (x: number) => Math.round(x * 100) / 100;

export function scoreSummary(row: RatingScore | undefined): ScoreSummary {
  if (!row || row.ratingsCount === 0) return UNRATED;
  return {
    average: row.average === null ? null : round2(Number(row.average)),
    count: row.ratingsCount,
    score: round2(Number(row.score)),
    satisfaction: Math.round((row.goodCount / row.ratingsCount) * 1000) / 1000,
  };
}

/** Scores of many subjects of one kind in one query; the unrated get `UNRATED`. */
export async function readScores(m: EntityManager, subject: RatingSubject, ids: number[]): Promise<Map<number, ScoreSummary>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await m.find(RatingScore, { where: { subjectType: subject, subjectId: In(unique) } }) : [];
  const byId = new Map(rows.map((r) => [r.subjectId, r]));
  return new Map(unique.map((id) => [id, scoreSummary(byId.get(id))]));
}

/** What matching needs of a provider's score: nothing until someone rated it. */
export function matchingRating(summary: ScoreSummary | undefined): { average: number; count: number; score: number } | null {
  if (!summary || summary.count === 0 || summary.average === null) return null;
  return { average: summary.average, count: summary.count, score: summary.score };
}
