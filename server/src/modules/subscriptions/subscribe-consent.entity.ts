import type { SubscribeTemplateKey } from '@hall-menu/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One-time consents a person gave for a subscribe-message template and that are not yet spent. */
@Entity('subscribe_consents')
export class SubscribeConsent {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @PrimaryColumn({ name: 'template_key', type: 'varchar', length: 32 })
  templateKey: SubscribeTemplateKey;

  /** Only ever changed by guarded updates: +1 per consent, -1 per send while it is above 0. */
  @Column({ type: 'int', default: 0 })
  remaining: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
