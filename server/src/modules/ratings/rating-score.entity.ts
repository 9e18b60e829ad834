import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type RatingSubject = 'project' | 'provider' | 'hall';

/**
 * The score of everything that is rated, kept up to date in the transaction of every rating, edit or hide:
 * a project (villagers' stars and managers' ratings of its services), a provider (the same over all its projects)
 * and a hall (providers' ratings of its organisation and turnout).
 */
@Entity('rating_scores')
@Index(['subjectType', 'score'])
export class RatingScore {
  @PrimaryColumn({ name: 'subject_type', type: 'varchar', length: 10 })
  subjectType: RatingSubject;

  @PrimaryColumn({ name: 'subject_id', type: 'int' })
  subjectId: number;

  @Column({ name: 'ratings_count', type: 'int', default: 0 })
  ratingsCount: number;

  /** Plain mean, null before the first rating. */
  @Column({ type: 'double', nullable: true })
  average: number | null;

  /** Bayesian average (see `bayesianRating`). */
  @Column({ type: 'double' })
  score: number;

  /** Ratings of 4 stars or more (order ratings: the mean of their dimensions). */
  @Column({ name: 'good_count', type: 'int', default: 0 })
  goodCount: number;

  /** Set when a project's score fell below the low-score threshold with enough ratings; cleared when it recovers. */
  @Column({ name: 'flagged_at', type: 'datetime', nullable: true })
  flaggedAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
