import type { Category, OrderState } from '@hall-menu/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/*
 * Monthly rollups behind 社会评价 for cities and counties (see StatsRollupService). They are derived data: rebuilt
 * per township from orders, events and ratings whenever those change, never edited by hand.
 */

/** Orders placed in a township in a month (Beijing), by their current state. */
@Entity('stats_order_states')
export class StatsOrderState {
  @PrimaryColumn({ type: 'varchar', length: 9 })
  township: string;

  /** 'YYYY-MM', Beijing time. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  status: OrderState;

  @Column({ type: 'int' })
  placed: number;
}

/**
 * One township, month and category (the project's): orders placed that month (and how many of them are closed or
 * confirmed), services held that month and confirmed with their attendance and volunteer hours, and villagers'
 * visible ratings of events held that month.
 */
@Entity('stats_category_months')
export class StatsCategoryMonth {
  @PrimaryColumn({ type: 'varchar', length: 9 })
  township: string;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  category: Category;

  @Column({ type: 'int' })
  placed: number;

  @Column({ type: 'int' })
  closed: number;

  @Column({ type: 'int' })
  confirmed: number;

  @Column({ type: 'int' })
  services: number;

  @Column({ type: 'int' })
  attendance: number;

  @Column({ name: 'volunteer_hours', type: 'double' })
  volunteerHours: number;

  @Column({ type: 'int' })
  ratings: number;

  @Column({ type: 'int' })
  good: number;
}

/** Seconds from placing each answered order to the provider's first answer: the median is taken over these. */
@Entity('stats_answer_times')
@Index(['hallId', 'createdAt', 'seconds'])
export class StatsAnswerTime {
  @PrimaryColumn({ name: 'order_id', type: 'int' })
  orderId: number;

  @Column({ name: 'hall_id', type: 'int' })
  hallId: number;

  /** When the order was placed. */
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'double' })
  seconds: number;
}

/**
 * What the rollups were built with, for values that change without touching an order: a project's category, a
 * provider's team size, a hall's township. A difference marks the townships concerned for rebuilding.
 */
@Entity('stats_snapshots')
export class StatsSnapshot {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind: 'project' | 'provider' | 'hall';

  @PrimaryColumn({ name: 'subject_id', type: 'int' })
  subjectId: number;

  @Column({ type: 'varchar', length: 20 })
  value: string;
}

/** The single row that serialises refreshes and remembers up to when changes were taken in. */
@Entity('stats_refresh')
export class StatsRefresh {
  @PrimaryColumn({ type: 'int' })
  id: number;

  /** Database time the last refresh started; null until the first (full) build. */
  @Column({ type: 'datetime', nullable: true })
  watermark: Date | null;

  /**
   * The highest order and rating ids the last refresh saw: rows inserted since count as changed whatever their
   * `updated_at` says (a seed or import writes history with past times).
   */
  @Column({ name: 'orders_seen', type: 'int', nullable: true })
  ordersSeen: number | null;

  @Column({ name: 'ratings_seen', type: 'int', nullable: true })
  ratingsSeen: number | null;
}
