import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { bayesianRating } from '../needs/scorer';
import { NotificationsService } from '../notifications/notifications.service';
import { ServiceProject } from '../projects/service-project.entity';
import { RatingScore, type RatingSubject } from './rating-score.entity';

interface Totals {
  n: number | string;
  total: number | string | null;
  good: number | string | null;
}

/**
 * Keeps `rating_scores` (and the menu's copy on `service_projects`) in step with the visible ratings. Called inside
 * the transaction of every rating, edit and hide, so a score never disagrees with its ratings.
 */
@Injectable()
export class ScoresService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  /** A project's ratings changed: its score, its provider's score, and the low-score flag. */
  async refreshProject(m: EntityManager, projectId: number): Promise<void> {
    const project = await m.findOneByOrFail(ServiceProject, { id: projectId });
    const [own] = await m.query<Totals[]>(
      `SELECT COUNT(*) n, SUM(stars) total, SUM(CASE WHEN stars >= 4 THEN 1 ELSE 0 END) good FROM (
         SELECT stars FROM event_ratings WHERE project_id = ? AND hidden = ?
         UNION ALL
         SELECT r.stars FROM order_ratings r JOIN orders o ON o.id = r.order_id WHERE o.project_id = ? AND r.side = 'hall' AND r.hidden = ?
       ) v`,
      [projectId, 0, projectId, 0],
    );
    const row = await this.save(m, 'project', projectId, own, (score, count) => project.status === 'published' && this.isLow(score, count));
    // The menu sorts and shows the plain average with its count.
    await m.update(ServiceProject, { id: projectId }, { ratingAverage: row.average === null ? null : Math.round(row.average * 100) / 100, ratingCount: row.ratingsCount });

    const [provider] = await m.query<Totals[]>(
      `SELECT COUNT(*) n, SUM(stars) total, SUM(CASE WHEN stars >= 4 THEN 1 ELSE 0 END) good FROM (
         SELECT e.stars FROM event_ratings e JOIN service_projects p ON p.id = e.project_id WHERE p.provider_id = ? AND e.hidden = ?
         UNION ALL
         SELECT r.stars FROM order_ratings r JOIN orders o ON o.id = r.order_id WHERE o.provider_id = ? AND r.side = 'hall' AND r.hidden = ?
       ) v`,
      [project.providerId, 0, project.providerId, 0],
    );
    await this.save(m, 'provider', project.providerId, provider, () => false);
  }

  /** Providers rated a hall's organisation and turnout. */
  async refreshHall(m: EntityManager, hallId: number): Promise<void> {
    const [totals] = await m.query<Totals[]>(
      `SELECT COUNT(*) n, SUM(r.stars) total, SUM(CASE WHEN r.stars >= 4 THEN 1 ELSE 0 END) good
       FROM order_ratings r JOIN orders o ON o.id = r.order_id WHERE o.hall_id = ? AND r.side = 'provider' AND r.hidden = ?`,
      [hallId, 0],
    );
    await this.save(m, 'hall', hallId, totals, () => false);
  }

  isLow(score: number, count: number): boolean {
    return count >= this.config.lowScore.minRatings && score < this.config.lowScore.threshold;
  }

  private async save(m: EntityManager, subject: RatingSubject, id: number, totals: Totals, low: (score: number, count: number) => boolean): Promise<RatingScore> {
    const count = Number(totals.n);
    const average = count === 0 ? null : Number(totals.total) / count;
    const score = bayesianRating(average, count);
    const before = await m.findOne(RatingScore, { where: { subjectType: subject, subjectId: id } });
    const flagged = low(score, count);
    const row = Object.assign(new RatingScore(), {
      subjectType: subject,
      subjectId: id,
      ratingsCount: count,
      average,
      score,
      goodCount: Number(totals.good ?? 0),
      flaggedAt: flagged ? (before?.flaggedAt ?? new Date()) : null,
    });
    await m.upsert(RatingScore, row, ['subjectType', 'subjectId']);
    if (flagged && !before?.flaggedAt) await this.tellReviewers(m, id, score, count);
    return row;
  }

  /** A project just fell below the threshold: the reviewers whose region holds its whole service area hear of it. */
  private async tellReviewers(m: EntityManager, projectId: number, score: number, count: number): Promise<void> {
    const project = await m.findOneByOrFail(ServiceProject, { id: projectId });
    const areas: { region_code: string }[] = await m.query('SELECT region_code FROM project_areas WHERE project_id = ?', [projectId]);
    const reviewers: { user_id: number; region_code: string | null }[] = await m.query(
      "SELECT user_id, region_code FROM user_roles WHERE role = 'reviewer' AND region_code IS NOT NULL",
    );
    const responsible = reviewers.filter((r) => areas.length > 0 && areas.every((a) => a.region_code.startsWith(r.region_code!)));
    await this.notifications.notify(m, responsible.map((r) => Number(r.user_id)), {
      kind: 'project.low_score',
      title: '项目评分偏低',
      body: `「${project.title}」综合评分 ${score.toFixed(1)}（${count} 条评价），低于 ${this.config.lowScore.threshold.toFixed(1)}，请关注`,
      link: `pages/project/index?id=${projectId}`,
    });
  }
}
