import type { DateRange, OrderState } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An order (点单): a hall manager asks a provider to deliver a published project at their hall. */
@Entity('orders')
@Index(['providerId', 'status', 'scheduledStart'])
@Index(['hallId', 'status', 'scheduledStart'])
@Index(['status', 'answerDeadline'])
@Index(['orderedBy', 'idempotencyKey'], { unique: true })
// For statistics (migration 1795472000001): orders placed in a period per hall, and what changed since the last rollup.
@Index(['hallId', 'createdAt', 'status', 'projectId'])
@Index(['updatedAt'])
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @Column({ name: 'hall_id', type: 'int' })
  hallId: number;

  @Column({ name: 'provider_id', type: 'int' })
  providerId: number;

  @Column({ name: 'ordered_by', type: 'int' })
  orderedBy: number;

  /** The client's key for this request: a retry with the same key gets the same order back. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 20 })
  status: OrderState;

  @Column({ type: 'simple-json' })
  windows: DateRange[];

  @Column({ name: 'expected_audience', type: 'int' })
  expectedAudience: number;

  @Column({ type: 'varchar', length: 400, default: '' })
  notes: string;

  @Column({ name: 'scheduled_start', type: 'datetime', nullable: true })
  scheduledStart: Date | null;

  @Column({ name: 'scheduled_end', type: 'datetime', nullable: true })
  scheduledEnd: Date | null;

  @Column({ name: 'proposed_start', type: 'datetime', nullable: true })
  proposedStart: Date | null;

  @Column({ name: 'proposed_end', type: 'datetime', nullable: true })
  proposedEnd: Date | null;

  @Column({ name: 'proposal_note', type: 'varchar', length: 300, nullable: true })
  proposalNote: string | null;

  @Column({ name: 'answer_deadline', type: 'datetime' })
  answerDeadline: Date;

  @Column({ name: 'confirm_deadline', type: 'datetime', nullable: true })
  confirmDeadline: Date | null;

  @Column({ name: 'head_count', type: 'int', nullable: true })
  headCount: number | null;

  @Column({ name: 'completion_note', type: 'varchar', length: 600, nullable: true })
  completionNote: string | null;

  @Column({ name: 'completion_photos', type: 'simple-json', nullable: true })
  completionPhotos: string[] | null;

  /** The quota year this order counted against, and whether its unit was given back. */
  @Column({ name: 'quota_year', type: 'int' })
  quotaYear: number;

  @Column({ name: 'quota_returned', type: 'boolean', default: false })
  quotaReturned: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
