import type { DateRange, HallFacility } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A village cultural hall (文化礼堂). Its name is unique within its village: the key a spreadsheet import matches on. */
@Entity('halls')
@Index('IDX_halls_village_name', ['villageCode', 'name'], { unique: true })
export class Hall {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Index()
  @Column({ name: 'village_code', type: 'varchar', length: 12 })
  villageCode: string;

  @Column({ type: 'varchar', length: 120, default: '' })
  address: string;

  @Column({ type: 'double', nullable: true })
  latitude: number | null;

  @Column({ type: 'double', nullable: true })
  longitude: number | null;

  @Column({ type: 'int' })
  seats: number;

  @Column({ type: 'simple-json' })
  facilities: HallFacility[];

  /** 点单额度: orders this hall may place in `quotaYear`. */
  @Column({ name: 'annual_quota', type: 'int' })
  annualQuota: number;

  @Column({ name: 'quota_year', type: 'int' })
  quotaYear: number;

  @Column({ name: 'quota_used', type: 'int', default: 0 })
  quotaUsed: number;

  @Column({ name: 'star_level', type: 'int', default: 3 })
  starLevel: number;

  /** Periods the hall cannot host (farming season, festivals): 'YYYY-MM-DD' ranges, inclusive, with a note. Null means none. */
  @Column({ name: 'blackout_dates', type: 'simple-json', nullable: true })
  blackoutDates: (DateRange & { note?: string })[] | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
