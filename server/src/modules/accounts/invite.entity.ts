import type { InviteKind } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A one-time code that makes whoever enters it (after WeChat login) a manager of a hall or a member of a provider.
 * Only the code's hash is stored; redeeming is a guarded update, so a code works once.
 */
@Entity('invites')
export class Invite {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_invites_code_hash', { unique: true })
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: 'varchar', length: 16 })
  kind: InviteKind;

  @Column({ name: 'hall_id', type: 'int', nullable: true })
  hallId: number | null;

  @Column({ name: 'provider_id', type: 'int', nullable: true })
  providerId: number | null;

  /** Where the hall or provider lies, so reviewers list only their region's invites. */
  @Index('IDX_invites_region')
  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  @Column({ name: 'redeemed_by', type: 'int', nullable: true })
  redeemedBy: number | null;

  @Column({ name: 'redeemed_at', type: 'datetime', nullable: true })
  redeemedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
