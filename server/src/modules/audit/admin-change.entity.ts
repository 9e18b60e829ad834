import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change an official made outside the workflows: a hall edited, a quota set, a role granted, a rule changed.
 * Workflow transitions have their own rows in `transition_history`; the audit search reads both.
 */
@Entity('admin_changes')
@Index('IDX_admin_changes_object', ['objectType', 'objectId'])
export class AdminChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_admin_changes_actor')
  @Column({ name: 'actor_id', type: 'int' })
  actorId: number;

  /** The capacity the person acted in: admin, reviewer (or villager when redeeming an invite). */
  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole: string;

  @Column({ name: 'object_type', type: 'varchar', length: 20 })
  objectType: string;

  @Column({ name: 'object_id', type: 'varchar', length: 40 })
  objectId: string;

  @Column({ type: 'varchar', length: 24 })
  action: string;

  /** The changed fields before and after; null when the object did not exist before (or no longer does). */
  @Column({ name: 'before_values', type: 'simple-json', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ name: 'after_values', type: 'simple-json', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  /**
   * The region the object lies in (a hall's village, the common prefix of a provider's areas, a reviewer's region),
   * so reviewers see only their region's rows with `region_code LIKE 'prefix%'`; null = platform-wide (admins only).
   */
  @Index('IDX_admin_changes_region')
  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @Index('IDX_admin_changes_created')
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
