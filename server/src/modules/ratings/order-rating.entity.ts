import type { OrderRatingSide } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** After a confirmed order, each side rates the other once. */
@Entity('order_ratings')
@Index(['orderId', 'side'], { unique: true })
export class OrderRating {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId: number;

  /** 'hall': the hall's manager rated the provider; 'provider': the provider rated the hall. */
  @Column({ type: 'varchar', length: 10 })
  side: OrderRatingSide;

  @Column({ name: 'rater_id', type: 'int' })
  raterId: number;

  @Column({ type: 'simple-json' })
  scores: Record<string, number>;

  /** Mean of the dimensions, for aggregates. */
  @Column({ type: 'double' })
  stars: number;

  @Column({ type: 'varchar', length: 400, default: '' })
  text: string;

  /** A reviewer hid it (abusive); it no longer counts. */
  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  @Column({ name: 'hidden_reason', type: 'varchar', length: 300, nullable: true })
  hiddenReason: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
