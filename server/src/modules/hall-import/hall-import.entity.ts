import type { ImportMode } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An uploaded hall list: previewed (nothing written), then confirmed once. Its rows are in `hall_import_rows`. */
@Entity('hall_imports')
export class HallImport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'file_name', type: 'varchar', length: 120 })
  fileName: string;

  @Column({ type: 'varchar', length: 12 })
  status: 'previewed' | 'confirmed';

  @Column({ type: 'varchar', length: 16, nullable: true })
  mode: ImportMode | null;

  @Column({ name: 'row_count', type: 'int' })
  rowCount: number;

  @Column({ name: 'create_count', type: 'int' })
  createCount: number;

  @Column({ name: 'update_count', type: 'int' })
  updateCount: number;

  @Column({ name: 'unchanged_count', type: 'int' })
  unchangedCount: number;

  @Column({ name: 'error_count', type: 'int' })
  errorCount: number;

  @Column({ name: 'confirmed_at', type: 'datetime', nullable: true })
  confirmedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
