import type { Audience, Category, CostType, DateRange, ProjectSource, ProjectState, TimeWindow } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A service project (服务项目). While published, this row is what the menu shows; an edit of a published
 * project waits in `project_revisions` until approved.
 */
@Entity('service_projects')
@Index(['status', 'category', 'publishedAt'])
@Index(['status', 'publishedAt', 'id'])
@Index(['status', 'orderCount', 'id'])
// The whole ORDER BY of the menu's rating sort (average, count, id), so a page reads 20 index entries.
@Index('IDX_service_projects_menu_rating', ['status', 'ratingAverage', 'ratingCount', 'id'])
@Index(['providerId', 'status'])
export class ServiceProject {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'provider_id', type: 'int' })
  providerId: number;

  @Column({ type: 'varchar', length: 16 })
  status: ProjectState;

  @Column({ type: 'varchar', length: 16, default: 'declared' })
  source: ProjectSource;

  @Column({ type: 'varchar', length: 16 })
  category: Category;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'simple-json' })
  photos: string[];

  @Column({ name: 'duration_minutes', type: 'int' })
  durationMinutes: number;

  @Column({ name: 'audience_min', type: 'int' })
  audienceMin: number;

  @Column({ name: 'audience_max', type: 'int' })
  audienceMax: number;

  @Column({ name: 'target_audience', type: 'varchar', length: 10 })
  targetAudience: Audience;

  @Column({ type: 'varchar', length: 600, default: '' })
  requirements: string;

  /** Bit (n - 1) set when the project can be delivered on ISO weekday n, so the menu filters in SQL. */
  @Column({ name: 'weekday_mask', type: 'int' })
  weekdayMask: number;

  @Column({ name: 'time_windows', type: 'simple-json' })
  timeWindows: TimeWindow[];

  @Column({ name: 'lead_days', type: 'int' })
  leadDays: number;

  /** Also in `project_blackouts` for querying; kept here to return the content as declared. */
  @Column({ name: 'blackout_dates', type: 'simple-json' })
  blackoutDates: DateRange[];

  @Column({ type: 'varchar', length: 12 })
  cost: CostType;

  @Column({ name: 'cost_note', type: 'varchar', length: 300, default: '' })
  costNote: string;

  /** Counts approved versions: 1 for the first publication, +1 per approved edit. */
  @Column({ type: 'int', default: 1 })
  revision: number;

  @Column({ name: 'rating_average', type: 'double', nullable: true })
  ratingAverage: number | null;

  @Column({ name: 'rating_count', type: 'int', default: 0 })
  ratingCount: number;

  @Column({ name: 'order_count', type: 'int', default: 0 })
  orderCount: number;

  @Column({ name: 'submitted_at', type: 'datetime', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'published_at', type: 'datetime', nullable: true })
  publishedAt: Date | null;

  /** Set when a reviewer suspends the project, cleared when it is resubmitted. */
  @Column({ name: 'suspended_at', type: 'datetime', nullable: true })
  suspendedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
