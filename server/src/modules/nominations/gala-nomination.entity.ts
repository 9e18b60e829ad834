import type { NominationState } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A 村晚 programme a reviewer nominated into the menu (see `nominationMachine`); its project waits as a draft. */
@Entity('gala_nominations')
@Index(['status', 'createdAt'])
@Index(['providerId', 'status'])
@Index(['nominatedBy', 'idempotencyKey'], { unique: true })
export class GalaNomination {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 12 })
  status: NominationState;

  @Column({ name: 'gala_name', type: 'varchar', length: 60 })
  galaName: string;

  @Column({ type: 'varchar', length: 300 })
  performers: string;

  @Column({ name: 'source_village_code', type: 'varchar', length: 12 })
  sourceVillageCode: string;

  @Column({ name: 'source_hall_id', type: 'int', nullable: true })
  sourceHallId: number | null;

  @Index({ unique: true })
  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @Column({ name: 'provider_id', type: 'int' })
  providerId: number;

  /** The provider was made for this nomination (unverified, no members yet): its contact may claim it. */
  @Column({ name: 'provider_created', type: 'boolean', default: false })
  providerCreated: boolean;

  @Column({ name: 'nominated_by', type: 'int' })
  nominatedBy: number;

  /** The reviewer's key for the request that made it: a retry with the same key gets this nomination back. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 64, nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;

  /** Why it was declined or withdrawn. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
