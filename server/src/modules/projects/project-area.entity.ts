import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A region a project can be delivered to. A hall is covered when one of its ancestors' codes is listed. */
@Entity('project_areas')
@Index(['regionCode', 'projectId'])
export class ProjectArea {
  @PrimaryColumn({ name: 'project_id', type: 'int' })
  projectId: number;

  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode: string;
}
