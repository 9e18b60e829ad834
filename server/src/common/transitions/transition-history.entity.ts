import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One applied workflow transition: who moved what from where to where, and why. */
@Entity('transition_history')
@Index(['entityType', 'entityId'])
export class TransitionHistory {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'entity_type', type: 'varchar', length: 20 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'int' })
  entityId: number;

  @Column({ name: 'from_state', type: 'varchar', length: 24, nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'varchar', length: 24 })
  toState: string;

  @Column({ type: 'varchar', length: 24 })
  event: string;

  /** Null when the platform itself acted (scheduled jobs). */
  @Index()
  @Column({ name: 'actor_id', type: 'int', nullable: true })
  actorId: number | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Index()
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
