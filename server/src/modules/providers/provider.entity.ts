import type { ProviderKind, VerificationState } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A provider organisation (服务方): culture centre, troupe, lecturer group, volunteer or university team... */
@Entity('providers')
export class Provider {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 24 })
  kind: ProviderKind;

  @Column({ type: 'varchar', length: 600, default: '' })
  description: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 30 })
  contactName: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20 })
  contactPhone: string;

  /** Teams that can serve at the same time; accepting an order that overlaps more than this many is refused. */
  @Column({ name: 'team_count', type: 'int', default: 1 })
  teamCount: number;

  /** People who usually go on site: volunteer hours are a service's hours × this. */
  @Column({ name: 'team_size', type: 'int', default: 1 })
  teamSize: number;

  @Column({ type: 'varchar', length: 12, default: 'unverified' })
  verification: VerificationState;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
