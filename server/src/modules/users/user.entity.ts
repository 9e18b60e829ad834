import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  nickname: string;

  @Index({ unique: true })
  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true })
  wechatOpenid: string | null;

  /** Stable key of a generated demo user; null for real people. */
  @Index({ unique: true })
  @Column({ name: 'demo_key', type: 'varchar', length: 40, nullable: true })
  demoKey: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** The village a villager belongs to; decides which halls' events and needs they see first. */
  @Column({ name: 'village_code', type: 'varchar', length: 12, nullable: true })
  villageCode: string | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Repeated no-shows pause reserving until this time. */
  @Column({ name: 'reservations_suspended_until', type: 'datetime', nullable: true })
  reservationsSuspendedUntil: Date | null;

  @Column({ name: 'reservations_suspended_reason', type: 'varchar', length: 200, nullable: true })
  reservationsSuspendedReason: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
