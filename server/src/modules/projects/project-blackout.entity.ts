import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Dates a project cannot be delivered on ('YYYY-MM-DD', inclusive), one row per range for the menu's date filter. */
@Entity('project_blackouts')
export class ProjectBlackout {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @Column({ name: 'from_date', type: 'varchar', length: 10 })
  fromDate: string;

  @Column({ name: 'to_date', type: 'varchar', length: 10 })
  toDate: string;
}
