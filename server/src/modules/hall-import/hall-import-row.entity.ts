import type { HallImportChange, HallImportValues, ImportRowResult } from '@hall-menu/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row of an uploaded sheet and what confirming would do with it. */
@Entity('hall_import_rows')
@Index('IDX_hall_import_rows_import', ['importId', 'line'])
export class HallImportRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'import_id', type: 'int' })
  importId: number;

  @Column({ type: 'int' })
  line: number;

  @Column({ type: 'varchar', length: 12 })
  result: ImportRowResult;

  /** The existing hall an update (or unchanged row) matches. */
  @Column({ name: 'hall_id', type: 'int', nullable: true })
  hallId: number | null;

  /** After confirmation: the hall this row created or updated. Null before, and for rows not written. */
  @Column({ name: 'written_hall_id', type: 'int', nullable: true })
  writtenHallId: number | null;

  /** The village the row resolved to, when it did. */
  @Column({ name: 'village_code', type: 'varchar', length: 12, nullable: true })
  villageCode: string | null;

  /** What the sheet said, as text, for showing a row that has errors. */
  @Column({ name: 'raw_name', type: 'varchar', length: 120 })
  rawName: string;

  /** The hall as it will be written (create/update/unchanged); null for error rows. */
  @Column({ name: 'hall_values', type: 'simple-json', nullable: true })
  values: HallImportValues | null;

  /** For updates: the hall's values seen at preview time, checked again when writing. */
  @Column({ name: 'seen_values', type: 'simple-json', nullable: true })
  seen: HallImportValues | null;

  @Column({ type: 'simple-json' })
  changes: HallImportChange[];

  @Column({ type: 'simple-json' })
  errors: string[];
}
