import type { Category } from './catalog';
import type { ProjectProviderRef } from './projects';

export interface EventRatingDto {
  id: number;
  eventId: number;
  stars: number;
  text: string;
  photo: string | null;
  authorName: string;
  createdAt: string;
  /** Until when the author may still change it. */
  editableUntil: string;
  hidden: boolean;
}

export type OrderRatingSide = 'hall' | 'provider';

/** Dimensions each side rates: the hall rates the provider's service, the provider rates the hall's organisation. */
export const ORDER_RATING_DIMENSIONS: Record<OrderRatingSide, Record<string, string>> = {
  hall: { content: '节目内容', punctuality: '准时守约', audience: '群众反响' },
  provider: { organisation: '组织安排', turnout: '到场人数' },
};

export interface OrderRatingDto {
  id: number;
  orderId: number;
  side: OrderRatingSide;
  scores: Record<string, number>;
  stars: number;
  text: string;
  authorName: string;
  createdAt: string;
  /** A reviewer hid it (abusive); it no longer counts. */
  hidden: boolean;
}

/** What a subject of ratings (project, provider, hall) is rated, from its visible ratings. */
export interface ScoreSummary {
  /** Plain mean, 1–5; null before the first rating. */
  average: number | null;
  count: number;
  /** Bayesian average (prior 4.0 counted as 5 ratings), so one 5-star rating does not beat fifty 4.8s; what rankings, flags and matching use. */
  score: number;
  /** Share of ratings with 4 or 5 stars, 0..1; null before the first rating. */
  satisfaction: number | null;
}

/** A project whose score fell below the threshold with enough ratings: shown to the reviewers of its region. */
export interface LowScoreItemDto {
  projectId: number;
  title: string;
  category: Category;
  provider: ProjectProviderRef;
  rating: ScoreSummary;
  /** When it first fell below the threshold (it stays flagged until the score recovers). */
  flaggedAt: string;
  /** The most recent visible low (1–2 star) villager comments, newest first. */
  recentComplaints: { stars: number; text: string; createdAt: string }[];
}

export interface LowScoresDto {
  threshold: number;
  minRatings: number;
  items: LowScoreItemDto[];
  total: number;
  page: number;
  pageSize: number;
}
