import type { OrderState } from '../machines/order';
import type { Category } from './catalog';

export interface StatsBreakdownRow {
  key: string;
  label: string;
  services: number;
  attendance: number;
}

/** 社会评价 for a region and period. */
export interface RegionStatsDto {
  region: { code: string; name: string };
  from: string;
  to: string;
  ordersByState: Partial<Record<OrderState, number>>;
  ordersPlaced: number;
  /** Confirmed services. */
  servicesDelivered: number;
  /** Confirmed / (confirmed + every other closed outcome), 0..1; null when nothing closed yet. */
  completionRate: number | null;
  /** Median hours from an order to the provider's first answer; null when none answered. */
  medianResponseHours: number | null;
  /** 参与群众人次: head counts reported on confirmed services. */
  attendance: number;
  /** Share of 4–5 star villager ratings, 0..1; null without ratings. */
  satisfaction: number | null;
  ratingsCount: number;
  hallsServed: number;
  hallsTotal: number;
  unmetNeeds: number;
  byCounty: StatsBreakdownRow[];
  byCategory: (StatsBreakdownRow & { key: Category })[];
  byMonth: StatsBreakdownRow[];
  /** The sentence a department's work summary needs. */
  summary: string;
}
