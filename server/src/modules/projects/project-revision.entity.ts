import type { ProjectContent, RevisionState } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An edit of a published project awaiting review (see `revisionMachine`). */
@Entity('project_revisions')
@Index(['status', 'createdAt'])
export class ProjectRevision {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @Column({ type: 'varchar', length: 16 })
  status: RevisionState;

  @Column({ type: 'simple-json' })
  content: ProjectContent;

  @Column({ name: 'submitted_by', type: 'int' })
  submittedBy: number;

  @Column({ name: 'decision_reason', type: 'varchar', length: 500, nullable: true })
  decisionReason: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
