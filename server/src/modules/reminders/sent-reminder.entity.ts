import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A reminder already sent. The unique key makes "send once" hold when the job runs twice at the same time
 * or on two servers: the second insert fails and its transaction, notification included, rolls back.
 */
@Entity('sent_reminders')
@Index('UQ_sent_reminders_key', ['kind', 'subjectId', 'userId'], { unique: true })
export class SentReminder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** The order or event the reminder is about. */
  @Column({ name: 'subject_id', type: 'int' })
  subjectId: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
