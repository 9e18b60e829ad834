import type { NeedResponseStatus } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A provider offers one of its projects, at a time it proposes, for a need. */
@Entity('need_responses')
@Index(['needId', 'projectId'], { unique: true })
export class NeedResponse {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'need_id', type: 'int' })
  needId: number;

  @Index()
  @Column({ name: 'provider_id', type: 'int' })
  providerId: number;

  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @Column({ name: 'responder_id', type: 'int' })
  responderId: number;

  @Column({ name: 'proposed_start', type: 'datetime' })
  proposedStart: Date;

  @Column({ name: 'proposed_end', type: 'datetime' })
  proposedEnd: Date;

  @Column({ type: 'varchar', length: 400, default: '' })
  message: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: NeedResponseStatus;

  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
