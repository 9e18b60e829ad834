import type { ReservationState } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Seats a villager (or a manager on their behalf) holds at an event (预约). */
@Entity('reservations')
@Index(['eventId', 'status', 'id'])
export class Reservation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'event_id', type: 'int' })
  eventId: number;

  /** The villager; null for someone without a phone, reserved by a hall manager. */
  @Index()
  @Column({ name: 'user_id', type: 'int', nullable: true })
  userId: number | null;

  @Column({ name: 'reserved_by', type: 'int' })
  reservedBy: number;

  @Column({ name: 'guest_name', type: 'varchar', length: 20, nullable: true })
  guestName: string | null;

  @Column({ name: 'guest_phone', type: 'varchar', length: 11, nullable: true })
  guestPhone: string | null;

  @Column({ type: 'int' })
  seats: number;

  @Column({ type: 'varchar', length: 12 })
  status: ReservationState;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 8 })
  code: string;

  /**
   * `<person>@<event>` while the reservation is live, null once it ends: a unique index on it lets each person
   * hold one live reservation per event even when they send many requests at once.
   */
  @Index({ unique: true })
  @Column({ name: 'holder_key', type: 'varchar', length: 40, nullable: true })
  holderKey: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
