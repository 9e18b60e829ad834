import type { RegionLevel } from '@hall-menu/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Administrative region keyed by its official code. Codes nest by prefix
 * (city 4 digits, county 6, township 9, village 12), so a subtree is `code LIKE 'prefix%'`.
 */
@Entity('regions')
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  level: RegionLevel;

  @Index()
  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode: string | null;

  /** County-down path for display, e.g. "瑞安市 塘下镇 鲍田村". */
  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName: string;
}
