import type { SubscribeTemplateKey } from '@hall-menu/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SubscribeOutcome = 'sending' | 'sent' | 'logged' | 'failed';

/** Each spent consent: written with the spending, then given WeChat's answer (`logged` when WeChat is not configured). */
@Entity('subscribe_message_log')
@Index('IDX_subscribe_message_log_user', ['userId', 'id'])
export class SubscribeMessageLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'template_key', type: 'varchar', length: 32 })
  templateKey: SubscribeTemplateKey;

  @Column({ type: 'varchar', length: 12 })
  outcome: SubscribeOutcome;

  @Column({ type: 'varchar', length: 200, nullable: true })
  detail: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
