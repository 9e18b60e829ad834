import type { CommendationState, RankingKind } from '@hall-menu/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A reviewer's mark for a year: 品牌项目 on a project, 表彰 on a provider or a hall (see `commendationMachine`). */
@Entity('commendations')
@Index(['kind', 'subjectId', 'year'], { unique: true })
@Index(['year', 'kind', 'status'])
@Index(['markedBy', 'idempotencyKey'], { unique: true })
export class Commendation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 10 })
  kind: RankingKind;

  @Column({ name: 'subject_id', type: 'int' })
  subjectId: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 300 })
  citation: string;

  @Column({ type: 'varchar', length: 10 })
  status: CommendationState;

  /** Who marked it (or restored it) last, and when. */
  @Column({ name: 'marked_by', type: 'int' })
  markedBy: number;

  @Column({ name: 'marked_at', type: 'datetime' })
  markedAt: Date;

  /** The marker's key for the request that marked (or restored) it last: a retry with that key gets this mark back. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 64, nullable: true })
  idempotencyKey: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
