/**
 * Matching (供需对接) as pure functions: each factor adds to a score and, when it applies, a reason in words a hall
 * manager understands. Weights come from config (`MATCH_WEIGHTS`). Ties keep the lower id first, so lists are stable.
 */

export interface MatchWeights {
  category: number;
  coverage: number;
  availability: number;
  rating: number;
  fairness: number;
  proximity: number;
}

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = { category: 3, coverage: 4, availability: 2, rating: 2, fairness: 1, proximity: 1 };

/** What the scorer knows about one published project for one hall and period. */
export interface ProjectCandidate {
  projectId: number;
  categoryMatch: boolean;
  covers: boolean;
  /** Days in the wanted period the project can be delivered (weekday, lead time, blackouts, provider's bookings). */
  availableDays: number;
  periodDays: number;
  ratingAverage: number | null;
  ratingCount: number;
  /**
   * The provider's ratings over all its projects, when it has any: a project with few ratings of its own starts from
   * the provider's Bayesian score instead of the platform-wide prior, so a new project of a well-rated provider is not
   * ranked like an unknown one.
   */
  providerRating?: { average: number; count: number; score: number } | null;
  /** Services this hall received this year (fewer → it comes first, for fairness). */
  hallServicesThisYear: number;
  sameCounty: boolean;
}

export interface Scored {
  score: number;
  reasons: string[];
}

const RATING_PRIOR = 4.0;
const RATING_PRIOR_WEIGHT = 5;

/** Bayesian average: a few ratings move little from the prior, many move it all the way. */
export function bayesianRating(average: number | null, count: number, prior = RATING_PRIOR, priorWeight = RATING_PRIOR_WEIGHT): number {
  if (!average || count === 0) return prior;
  return (prior * priorWeight + average * count) / (priorWeight + count);
}

export function scoreProject(c: ProjectCandidate, w: MatchWeights = DEFAULT_MATCH_WEIGHTS): Scored {
  const reasons: string[] = [];
  let score = 0;
  if (c.categoryMatch) {
    score += w.category;
    reasons.push('类别相符');
  }
  if (c.covers) {
    score += w.coverage;
    reasons.push('覆盖本村');
  }
  if (c.availableDays > 0) {
    score += w.availability * Math.min(1, c.availableDays / Math.max(1, Math.min(c.periodDays, 7)));
    reasons.push('该时段有空');
  }
  const prior = c.providerRating && c.providerRating.count > 0 ? c.providerRating.score : RATING_PRIOR;
  score += (w.rating * (bayesianRating(c.ratingAverage, c.ratingCount, prior) - 1)) / 4;
  if (c.ratingAverage !== null && c.ratingCount > 0) reasons.push(`评分${c.ratingAverage.toFixed(1)}(${c.ratingCount}条)`);
  else if (c.providerRating && c.providerRating.count > 0) reasons.push(`服务方评分${c.providerRating.average.toFixed(1)}(${c.providerRating.count}条)`);
  score += w.fairness / (1 + c.hallServicesThisYear);
  if (c.hallServicesThisYear === 0) reasons.push('今年本礼堂尚未获得服务');
  if (c.sameCounty) {
    score += w.proximity;
    reasons.push('本县服务方');
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}

/** Highest score first; equal scores keep the lower project id first. */
export function rankProjects(candidates: ProjectCandidate[], w: MatchWeights = DEFAULT_MATCH_WEIGHTS): (Scored & { projectId: number })[] {
  return candidates
    .map((c) => ({ projectId: c.projectId, ...scoreProject(c, w) }))
    .sort((a, b) => b.score - a.score || a.projectId - b.projectId);
}

/** What the scorer knows about one open need, from one provider's side. */
export interface NeedCandidate {
  needId: number;
  /** Titles of the provider's published projects of the need's category that cover the hall. */
  fittingProjects: string[];
  upvotes: number;
  hallServicesThisYear: number;
  daysUntilStart: number;
}

export function scoreNeed(c: NeedCandidate, w: MatchWeights = DEFAULT_MATCH_WEIGHTS): Scored {
  const reasons: string[] = [];
  let score = 0;
  if (c.fittingProjects.length > 0) {
    score += w.category;
    reasons.push(`可用项目：${c.fittingProjects.slice(0, 2).join('、')}`);
  }
  if (c.upvotes > 0) {
    score += Math.min(1, c.upvotes / 20);
    reasons.push(`${c.upvotes}位村民想看`);
  }
  score += w.fairness / (1 + c.hallServicesThisYear);
  if (c.hallServicesThisYear === 0) reasons.push('今年本礼堂尚未获得服务');
  if (c.daysUntilStart <= 14) {
    score += 0.5;
    reasons.push('两周内开始');
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}

export function rankNeeds(candidates: NeedCandidate[], w: MatchWeights = DEFAULT_MATCH_WEIGHTS): (Scored & { needId: number })[] {
  return candidates.map((c) => ({ needId: c.needId, ...scoreNeed(c, w) })).sort((a, b) => b.score - a.score || a.needId - b.needId);
}
