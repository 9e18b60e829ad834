import { RANKING_WEIGHTS } from '@hall-menu/shared';

/** What one subject did in the year, inside the region. */
export interface RankingMeasures {
  id: number;
  services: number;
  attendance: number;
  ratingsCount: number;
  /** Ratings with 4 or 5 stars. */
  goodRatings: number;
}

export interface RankedMeasures extends RankingMeasures {
  rank: number;
  satisfaction: number | null;
  adjustedSatisfaction: number;
  score: number;
}

/** Satisfaction is pulled towards this share as if by this many more ratings, so 1 rating of 5 stars is not 100%. */
export const SATISFACTION_PRIOR = 0.8;
export const SATISFACTION_PRIOR_WEIGHT = 5;

export const RANKING_FORMULA =
  `综合得分 = 100 ×（${RANKING_WEIGHTS.services} × 服务场次/最高服务场次 + ${RANKING_WEIGHTS.attendance} × 参与人次/最高参与人次 + ` +
  `${RANKING_WEIGHTS.satisfaction} × 调整后满意度 + ${RANKING_WEIGHTS.ratings} × 评价数/最高评价数）；` +
  `调整后满意度 =（4–5星评价数 + ${SATISFACTION_PRIOR_WEIGHT} × ${SATISFACTION_PRIOR}）/（评价数 + ${SATISFACTION_PRIOR_WEIGHT}）；` +
  '得分相同时依次比较服务场次、参与人次，再按编号从小到大。';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The yearly ranking (docs/statistics.md): each count is divided by the largest among the ranked subjects, so the
 * score is 0–100 and a region's leader in every measure scores near 100. Ties (on the score as shown, 2 decimals)
 * are broken by services, then attendance, then the lower id: the order never depends on the input order.
 */
export function rank(subjects: RankingMeasures[]): RankedMeasures[] {
  const max = (pick: (s: RankingMeasures) => number) => Math.max(0, ...subjects.map(pick));
  const [maxServices, maxAttendance, maxRatings] = [max((s) => s.services), max((s) => s.attendance), max((s) => s.ratingsCount)];
  const share = (value: number, top: number) => (top === 0 ? 0 : value / top);
  return subjects
    .map((s) => {
      const adjustedSatisfaction = (s.goodRatings + SATISFACTION_PRIOR_WEIGHT * SATISFACTION_PRIOR) / (s.ratingsCount + SATISFACTION_PRIOR_WEIGHT);
      const score =
        100 *
        (RANKING_WEIGHTS.services * share(s.services, maxServices) +
          RANKING_WEIGHTS.attendance * share(s.attendance, maxAttendance) +
          RANKING_WEIGHTS.satisfaction * adjustedSatisfaction +
          RANKING_WEIGHTS.ratings * share(s.ratingsCount, maxRatings));
      return {
        ...s,
        rank: 0,
        satisfaction: s.ratingsCount === 0 ? null : round(s.goodRatings / s.ratingsCount, 4),
        adjustedSatisfaction: round(adjustedSatisfaction, 4),
        score: round(score, 2),
      };
    })
    .sort((a, b) => b.score - a.score || b.services - a.services || b.attendance - a.attendance || a.id - b.id)
    .map((s, i) => ({ ...s, rank: i + 1 }));
}
