import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A villager who was checked in rates the event, once. */
@Entity('event_ratings')
@Index(['eventId', 'userId'], { unique: true })
/** Ratings changed since the statistics were last rolled up. */
@Index(['updatedAt'])
/** Statistics count visible stars per event from the index alone. */
@Index(['eventId', 'hidden', 'stars'])
export class EventRating {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'event_id', type: 'int' })
  eventId: number;

  @Index()
  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  stars: number;

  @Column({ type: 'varchar', length: 400, default: '' })
  text: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  photo: string | null;

  /** A reviewer hid it (abusive); it no longer counts. */
  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  @Column({ name: 'hidden_reason', type: 'varchar', length: 300, nullable: true })
  hiddenReason: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
