import type { OrderState } from '../machines/order';
import type { Category, RegionLevel } from './catalog';

/**
 * The figures of 社会评价 for one slice (the whole region, one sub-region, one category or one month).
 * Definitions (docs/statistics.md): orders count by the day they were placed; services, attendance, volunteer
 * hours, halls served and satisfaction by the day the service was held (Beijing calendar).
 */
export interface StatsFigures {
  /** Orders placed in the period. */
  ordersPlaced: number;
  /** Services held in the period and confirmed (服务场次). */
  servicesDelivered: number;
  /** Of the orders placed in the period that are closed: the share confirmed, 0..1; null when none closed. */
  completionRate: number | null;
  /** 参与群众人次: head counts reported on those services. */
  attendance: number;
  /** 志愿服务时长: scheduled hours of those services × the provider's team size, to 0.1 h. */
  volunteerHours: number;
  /** Visible villager ratings of events held in the period. */
  ratingsCount: number;
  /** Share of them with 4–5 stars, 0..1; null without ratings. */
  satisfaction: number | null;
}

export interface StatsBreakdownRow extends StatsFigures {
  key: string;
  label: string;
}

/** A sub-region also says how many of its halls were served. */
export interface RegionBreakdownRow extends StatsBreakdownRow {
  hallsServed: number;
  hallsTotal: number;
  /** hallsServed / hallsTotal; null without halls. */
  hallCoverage: number | null;
}

/** 社会评价 for a region and period. */
export interface RegionStatsDto extends StatsFigures {
  region: { code: string; name: string; level: RegionLevel };
  from: string;
  to: string;
  ordersByState: Partial<Record<OrderState, number>>;
  /** Median hours from an order to the provider's first answer (accept, propose or decline); null when none answered. */
  medianResponseHours: number | null;
  /** Active halls of the region served at least once in the period. */
  hallsServed: number;
  hallsTotal: number;
  hallCoverage: number | null;
  /** Needs raised in the period still open or expired without a match. */
  unmetNeeds: number;
  /** The level of `byRegion`'s rows: counties of a city, townships of a county, villages of a township. */
  breakdownLevel: RegionLevel;
  byRegion: RegionBreakdownRow[];
  byCategory: (StatsBreakdownRow & { key: Category })[];
  /** Every month of the period, in order, zeros included, so a trend line has no gaps. */
  byMonth: StatsBreakdownRow[];
  /** The sentence a department's work summary needs. */
  summary: string;
}

/** The period report (工作小结): the figures in sentences, ready to paste or download as a Word document. */
export interface StatsReportDto {
  region: { code: string; name: string };
  from: string;
  to: string;
  /** How the text names the period: 本月, 本季度, 上半年, 本年度, or the dates. */
  periodWording: string;
  title: string;
  paragraphs: string[];
  /** The paragraphs joined, as one text. */
  text: string;
  stats: RegionStatsDto;
}
