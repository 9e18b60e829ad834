import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One consent call, by the key its client sent: a retried call finds its key here and counts nothing again. */
@Entity('subscribe_consent_grants')
export class SubscribeConsentGrant {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
