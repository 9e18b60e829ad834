import type { CommendationEvent, CommendationState } from '../machines/commendation';

/** What is ranked each year, and what a reviewer can mark: 品牌项目 (projects), 表彰 (providers and halls). */
export const RANKING_KINDS = ['project', 'provider', 'hall'] as const;
export type RankingKind = (typeof RANKING_KINDS)[number];

export const RANKING_KIND_LABELS: Record<RankingKind, string> = { project: '服务项目', provider: '服务方', hall: '文化礼堂' };

/** The mark each kind receives. */
export const HONOUR_LABELS: Record<RankingKind, string> = { project: '品牌项目', provider: '表彰单位', hall: '表彰礼堂' };

/**
 * Weights of the yearly ranking score (docs/statistics.md): each measure is divided by the largest value among the
 * ranked subjects (satisfaction is already a share), so a score is 0–100.
 */
export const RANKING_WEIGHTS = { services: 0.35, attendance: 0.25, satisfaction: 0.25, ratings: 0.15 } as const;

/** A year's mark as shown on menu cards, project pages and provider profiles: "2026年度品牌项目". */
export interface HonourBadge {
  id: number;
  kind: RankingKind;
  year: number;
  label: string;
  citation: string;
}

export interface CommendationDto {
  id: number;
  kind: RankingKind;
  subjectId: number;
  subjectName: string;
  year: number;
  citation: string;
  status: CommendationState;
  /** Who marked it last (or restored it), and when. */
  markedBy: string | null;
  markedAt: string;
  /** What the viewer may do now: revoke an active mark, restore a revoked one. */
  allowedActions: CommendationEvent[];
}

export interface RankingRowDto {
  rank: number;
  id: number;
  name: string;
  /** A project's provider, a provider's kind, a hall's county and township. */
  detail: string;
  /** Confirmed services held in the year (inside the region). */
  services: number;
  /** 参与人次 reported on those services. */
  attendance: number;
  /** Visible ratings of the subject on those services. */
  ratingsCount: number;
  /** Share of 4–5 star ratings among them; null without ratings. */
  satisfaction: number | null;
  /** Satisfaction pulled towards 0.8 as if by 5 more ratings, which is what the score uses. */
  adjustedSatisfaction: number;
  /** 0–100 by RANKING_WEIGHTS. */
  score: number;
  /** The subject's active mark for this year, if any. */
  honour: CommendationDto | null;
}

export interface RankingDto {
  year: number;
  kind: RankingKind;
  region: { code: string; name: string };
  /** The formula in words, for the page footer and the exported list. */
  formula: string;
  items: RankingRowDto[];
  /** Subjects with at least one service in the year; `items` holds the first `limit`. */
  total: number;
}
