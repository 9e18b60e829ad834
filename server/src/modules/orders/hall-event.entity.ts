import type { Category } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What villagers see (活动): created when an order is accepted, cancelled with it. */
@Entity('hall_events')
@Index(['hallId', 'status', 'startsAt'])
// Statistics (migration 1795472000001): events held at a hall in part of a month, with their project, from the index.
@Index(['hallId', 'startsAt', 'projectId'])
export class HallEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ name: 'order_id', type: 'int' })
  orderId: number;

  @Column({ name: 'hall_id', type: 'int' })
  hallId: number;

  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  category: Category;

  @Column({ name: 'starts_at', type: 'datetime' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime' })
  endsAt: Date;

  /** Seats open to villagers: the hall's seats unless the manager lowers it. */
  @Column({ type: 'int' })
  seats: number;

  /** Seats held by reservations; only ever changed by guarded updates that keep it within `seats`. */
  @Column({ name: 'seats_reserved', type: 'int', default: 0 })
  seatsReserved: number;

  @Column({ name: 'max_seats_per_person', type: 'int', default: 3 })
  maxSeatsPerPerson: number;

  /** People the manager let in without a reservation. */
  @Column({ name: 'walk_ins', type: 'int', default: 0 })
  walkIns: number;

  /** Set once the no-show job has processed this event after it ended. */
  @Column({ name: 'attendance_closed', type: 'boolean', default: false })
  attendanceClosed: boolean;

  @Column({ type: 'varchar', length: 12, default: 'scheduled' })
  status: 'scheduled' | 'cancelled';

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
