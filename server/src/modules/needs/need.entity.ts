import type { Audience, Category, NeedState } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A need (需求): what a village wants when the menu lacks it. */
@Entity('needs')
@Index(['status', 'periodTo'])
@Index(['hallId', 'status'])
export class Need {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'hall_id', type: 'int' })
  hallId: number;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ type: 'varchar', length: 16 })
  category: Category;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 600, default: '' })
  description: string;

  @Column({ name: 'period_from', type: 'varchar', length: 10 })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'varchar', length: 10 })
  periodTo: string;

  @Column({ name: 'expected_audience', type: 'int' })
  expectedAudience: number;

  @Column({ name: 'target_audience', type: 'varchar', length: 10, default: 'all' })
  targetAudience: Audience;

  @Column({ type: 'varchar', length: 12 })
  status: NeedState;

  /** Count of `need_upvotes`, kept with it in one transaction. */
  @Column({ type: 'int', default: 0 })
  upvotes: number;

  @Column({ name: 'matched_order_id', type: 'int', nullable: true })
  matchedOrderId: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
