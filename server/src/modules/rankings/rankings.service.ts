import { Injectable } from '@nestjs/common';
import {
  allowedEvents,
  commendationMachine,
  ErrorCode,
  HONOUR_LABELS,
  PROVIDER_KIND_LABELS,
  type CommendationDto,
  type CommendationInput,
  type CommendationQuery,
  type HistoryEntryDto,
  type Paged,
  type RankingDto,
  type RankingKind,
  type RankingQuery,
  type Role,
} from '@hall-menu/shared';
import { EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { DomainError, notFound, outOfScope } from '../../common/errors/domain-error';
import { optionalIdempotencyKey } from '../../common/http/idempotency-key';
import { beijingToday } from '../../common/time';
import { Clock } from '../../common/clock';
import { TransitionService } from '../../common/transitions/transition.service';
import { DatabaseService } from '../../database/database.service';
import { Hall } from '../halls/hall.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { MenuCacheService } from '../projects/menu-cache.service';
import { ServiceProject } from '../projects/service-project.entity';
import { Provider } from '../providers/provider.entity';
import { regionInScope } from '../stats/region-scope';
import { ScopeService } from '../users/scope.service';
import { User } from '../users/user.entity';
import { Commendation } from './commendation.entity';
import { rank, RANKING_FORMULA, type RankingMeasures } from './ranking-formula';

type Num = number | string | null;
/** The orders column that names the subject of each kind. */
const SUBJECT_COLUMN: Record<RankingKind, string> = { project: 'o.project_id', provider: 'o.provider_id', hall: 'o.hall_id' };

@Injectable()
export class RankingsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly transitions: TransitionService,
    private readonly notifications: NotificationsService,
    private readonly menuCache: MenuCacheService,
    private readonly clock: Clock,
  ) {}

  /**
   * The year's ranking of projects, providers or halls by services held (confirmed) at halls of the region, their
   * attendance and the ratings of the subject on those services: villagers' and managers' ratings for projects and
   * providers, providers' ratings for halls. Formula in `ranking-formula.ts` and docs/statistics.md.
   */
  async ranking(user: AuthUser, query: RankingQuery): Promise<RankingDto> {
    const region = await regionInScope(this.db, this.scope, user, query.regionCode);
    const start = this.db.timeParam(new Date(`${query.year}-01-01T00:00:00+08:00`));
    const end = this.db.timeParam(new Date(`${query.year + 1}-01-01T00:00:00+08:00`));
    // The year's tallies tolerate a replica's lag; the marks shown with them are read from the primary below, so a
    // reviewer sees the mark they just gave.
    const measures = await this.db.readReplica((m) => this.measures(m, query.kind, region.code, start, end));
    const ranked = rank([...measures.values()]);
    const shown = ranked.slice(0, query.limit);
    const ids = shown.map((s) => s.id);
    const [names, marks] = await Promise.all([this.describe(query.kind, ids), this.marksOf(query.kind, ids, query.year)]);
    const honours = await this.toDtos(marks, user);
    return {
      year: query.year,
      kind: query.kind,
      region: { code: region.code, name: region.name },
      formula: RANKING_FORMULA,
      total: ranked.length,
      items: shown.map((s) => ({
        rank: s.rank,
        id: s.id,
        name: names.get(s.id)?.name ?? `#${s.id}`,
        detail: names.get(s.id)?.detail ?? '',
        services: s.services,
        attendance: s.attendance,
        ratingsCount: s.ratingsCount,
        satisfaction: s.satisfaction,
        adjustedSatisfaction: s.adjustedSatisfaction,
        score: s.score,
        honour: honours.find((h) => h.subjectId === s.id && h.status === 'active') ?? null,
      })),
    };
  }

  /** Services held, attendance and ratings of each subject ranked in the region and year. */
  private async measures(m: EntityManager, kind: RankingKind, regionCode: string, start: Date | string, end: Date | string): Promise<Map<number, RankingMeasures>> {
    const key = SUBJECT_COLUMN[kind];
    // Confirmed services held in the year at halls of the region; ratings count only on those services.
    const inYear = `h.village_code LIKE ? AND o.status = 'confirmed' AND o.scheduled_start >= ? AND o.scheduled_start < ?`;
    const q = <T>(sql: string): Promise<T[]> => m.query(sql, [`${regionCode}%`, start, end]);

    const measures = new Map<number, RankingMeasures>();
    for (const r of await q<{ k: number; n: Num; people: Num }>(
      `SELECT ${key} k, COUNT(*) n, SUM(o.head_count) people FROM orders o JOIN halls h ON h.id = o.hall_id WHERE ${inYear} GROUP BY ${key}`,
    )) {
      measures.set(Number(r.k), { id: Number(r.k), services: Number(r.n), attendance: Number(r.people ?? 0), ratingsCount: 0, goodRatings: 0 });
    }
    const tally = 'COUNT(*) n, SUM(CASE WHEN r.stars >= 4 THEN 1 ELSE 0 END) good';
    const orderRatings = (side: 'hall' | 'provider') =>
      `SELECT ${key} k, ${tally} FROM order_ratings r JOIN orders o ON o.id = r.order_id JOIN halls h ON h.id = o.hall_id
       WHERE r.side = '${side}' AND r.hidden = 0 AND ${inYear} GROUP BY ${key}`;
    const villagerRatings = `SELECT ${key} k, ${tally} FROM event_ratings r JOIN hall_events e ON e.id = r.event_id JOIN orders o ON o.id = e.order_id
       JOIN halls h ON h.id = o.hall_id WHERE r.hidden = 0 AND ${inYear} GROUP BY ${key}`;
    // A hall is rated by its providers; projects and providers by villagers and by the halls' managers.
    for (const sql of kind === 'hall' ? [orderRatings('provider')] : [villagerRatings, orderRatings('hall')]) {
      for (const r of await q<{ k: number; n: Num; good: Num }>(sql)) {
        const subject = measures.get(Number(r.k))!;
        subject.ratingsCount += Number(r.n);
        subject.goodRatings += Number(r.good ?? 0);
      }
    }
    return measures;
  }

  /**
   * A reviewer marks a brand project (品牌项目) or commends a provider or hall (表彰) for a year, with a citation.
   * Marking a subject whose mark for that year was revoked restores it; either way a history row keeps who and when.
   * With an idempotency key, a retry (or a concurrent twin) gets the mark its key made or restored, not "already marked".
   */
  async mark(user: AuthUser, input: CommendationInput, idempotencyKeyHeader: string | undefined): Promise<CommendationDto> {
    const idempotencyKey = optionalIdempotencyKey(idempotencyKeyHeader);
    const earlier = idempotencyKey ? await this.findByKey(user.id, idempotencyKey) : null;
    if (earlier) return this.get(user, earlier.id);

    const thisYear = Number(beijingToday(this.clock.now()).slice(0, 4));
    if (input.year > thisYear) {
      throw new DomainError(ErrorCode.ValidationFailed, '不能表彰尚未到来的年度', { fields: [{ field: 'year', message: `年度不能晚于 ${thisYear} 年` }] });
    }
    await this.assertMayMark(user, input.kind, input.subjectId);
    let id: number;
    try {
      id = await this.markOnce(user, input, idempotencyKey);
    } catch (error) {
      // A twin may have marked it meanwhile: with this key that is this request's own answer.
      const winner = idempotencyKey ? await this.findByKey(user.id, idempotencyKey) : null;
      if (winner) return this.get(user, winner.id);
      const other = isDuplicateKey(error) ? await this.findMark(input) : null;
      throw other ? this.alreadyMarked(input, other.id) : error;
    }
    this.menuCache.invalidate();
    return this.get(user, id);
  }

  /** Marks the subject, or restores its revoked mark, in one transaction; refuses when it is marked already. */
  private async markOnce(user: AuthUser, input: CommendationInput, idempotencyKey: string | null): Promise<number> {
    const existing = await this.findMark(input);
    if (existing?.status === 'active') throw this.alreadyMarked(input, existing.id);
    const actor = { id: user.id, roles: this.reviewerRoles(user) };
    const marked = { citation: input.citation, markedBy: user.id, markedAt: new Date(), idempotencyKey };
    return this.db.transaction(async (m) => {
      let id: number;
      if (existing) {
        await this.transitions.apply({ machine: commendationMachine, entity: Commendation, label: '表彰', id: existing.id, event: 'restore', actor, set: marked }, m);
        id = existing.id;
      } else {
        const saved = await m.save(m.create(Commendation, { ...input, ...marked, status: 'active' }));
        await this.transitions.recordCreated(m, { machine: commendationMachine, id: saved.id, state: 'active', actor, actorRole: actor.roles[0] });
        id = saved.id;
      }
      await this.notifications.notify(m, await this.recipients(m, input.kind, input.subjectId), {
        kind: 'commendation.marked',
        title: `获评${input.year}年度${HONOUR_LABELS[input.kind]}`,
        body: input.citation,
        link: input.kind === 'project' ? `pages/project/index?id=${input.subjectId}` : null,
      });
      return id;
    });
  }

  private findMark(input: CommendationInput): Promise<Commendation | null> {
    return this.db.manager.findOne(Commendation, { where: { kind: input.kind, subjectId: input.subjectId, year: input.year } });
  }

  private alreadyMarked(input: CommendationInput, id: number): DomainError {
    return new DomainError(ErrorCode.Conflict, `已经是${input.year}年度${HONOUR_LABELS[input.kind]}了`, { commendationId: id });
  }

  /** Takes a mark back, with a reason; the row stays (revoked) so the record of who marked and who removed remains. */
  async revoke(user: AuthUser, id: number, reason: string | undefined): Promise<CommendationDto> {
    const mark = await this.load(id);
    await this.assertMayMark(user, mark.kind, mark.subjectId);
    await this.transitions.apply({ machine: commendationMachine, entity: Commendation, label: '表彰', id, event: 'revoke', actor: { id: user.id, roles: this.reviewerRoles(user) }, reason });
    this.menuCache.invalidate();
    return this.get(user, id);
  }

  async list(user: AuthUser, query: CommendationQuery): Promise<Paged<CommendationDto>> {
    const where = { ...(query.year ? { year: query.year } : {}), ...(query.kind ? { kind: query.kind } : {}), ...(query.status ? { status: query.status } : {}) };
    const [rows, total] = await this.db.manager.findAndCount(Commendation, {
      where,
      order: { year: 'DESC', kind: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: await this.toDtos(rows, user), total, page: query.page, pageSize: query.pageSize };
  }

  async history(user: AuthUser, id: number): Promise<HistoryEntryDto[]> {
    await this.load(id);
    if ((await this.scope.oversightRegion(user)) === null) throw outOfScope('只有审核员可以查看表彰记录');
    return this.transitions.timeline([{ entityType: commendationMachine.name, ids: [id] }]);
  }

  private async get(user: AuthUser, id: number): Promise<CommendationDto> {
    return (await this.toDtos([await this.load(id)], user))[0];
  }

  private findByKey(userId: number, idempotencyKey: string): Promise<Commendation | null> {
    return this.db.manager.findOne(Commendation, { where: { markedBy: userId, idempotencyKey } });
  }

  private async load(id: number): Promise<Commendation> {
    const mark = await this.db.manager.findOne(Commendation, { where: { id } });
    if (!mark) throw notFound('表彰记录', { id });
    return mark;
  }

  private async marksOf(kind: RankingKind, ids: number[], year: number): Promise<Commendation[]> {
    return ids.length ? this.db.manager.find(Commendation, { where: { kind, subjectId: In(ids), year } }) : [];
  }

  /** The subject exists, and lies in the reviewer's region: a project's and a provider's whole service area, a hall's village. */
  private async assertMayMark(user: AuthUser, kind: RankingKind, subjectId: number): Promise<void> {
    let codes: string[];
    if (kind === 'project') {
      const project = await this.db.manager.findOne(ServiceProject, { where: { id: subjectId } });
      if (!project) throw notFound('服务项目', { id: subjectId });
      if (!project.publishedAt) throw new DomainError(ErrorCode.InvalidTransition, '只有上架过的服务项目才能评为品牌项目');
      codes = (await this.db.manager.query('SELECT region_code FROM project_areas WHERE project_id = ?', [subjectId])).map((r: { region_code: string }) => r.region_code);
    } else if (kind === 'provider') {
      if (!(await this.db.manager.exists(Provider, { where: { id: subjectId } }))) throw notFound('服务方', { id: subjectId });
      codes = (await this.db.manager.query('SELECT region_code FROM provider_areas WHERE provider_id = ?', [subjectId])).map((r: { region_code: string }) => r.region_code);
    } else {
      const hall = await this.db.manager.findOne(Hall, { where: { id: subjectId } });
      if (!hall) throw notFound('礼堂', { id: subjectId });
      codes = [hall.villageCode];
    }
    await this.scope.assertOversees(user, codes, '只能表彰您负责地区内的项目、服务方和礼堂');
  }

  private reviewerRoles(user: AuthUser): Role[] {
    return user.roles.filter((r) => r === 'reviewer' || r === 'admin');
  }

  /** Who hears of a mark: the provider's members (project, provider) or the hall's managers. */
  private async recipients(m: EntityManager, kind: RankingKind, subjectId: number): Promise<number[]> {
    if (kind === 'hall') return this.notifications.hallManagers(m, subjectId);
    const providerId = kind === 'provider' ? subjectId : (await m.findOneByOrFail(ServiceProject, { id: subjectId })).providerId;
    return this.notifications.providerMembers(m, providerId);
  }

  /** Display name and a short detail of each subject. */
  private async describe(kind: RankingKind, ids: number[]): Promise<Map<number, { name: string; detail: string }>> {
    if (ids.length === 0) return new Map();
    if (kind === 'project') {
      const projects = await this.db.manager.find(ServiceProject, { where: { id: In(ids) } });
      const providers = new Map((await this.db.manager.find(Provider, { where: { id: In([...new Set(projects.map((p) => p.providerId))]) } })).map((p) => [p.id, p.name]));
      return new Map(projects.map((p) => [p.id, { name: p.title, detail: providers.get(p.providerId) ?? '' }]));
    }
    if (kind === 'provider') {
      const providers = await this.db.manager.find(Provider, { where: { id: In(ids) } });
      return new Map(providers.map((p) => [p.id, { name: p.name, detail: PROVIDER_KIND_LABELS[p.kind] }]));
    }
    const halls: { id: number; name: string; full_name: string | null }[] = await this.db.manager.query(
      `SELECT h.id, h.name, r.full_name FROM halls h LEFT JOIN regions r ON r.code = h.village_code WHERE h.id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    return new Map(halls.map((h) => [Number(h.id), { name: h.name, detail: h.full_name ?? '' }]));
  }

  private async toDtos(marks: Commendation[], user: AuthUser): Promise<CommendationDto[]> {
    if (marks.length === 0) return [];
    const names = new Map<string, string>();
    for (const kind of ['project', 'provider', 'hall'] as const) {
      const described = await this.describe(kind, marks.filter((c) => c.kind === kind).map((c) => c.subjectId));
      for (const [id, d] of described) names.set(`${kind}:${id}`, d.name);
    }
    const users = new Map((await this.db.manager.find(User, { where: { id: In([...new Set(marks.map((c) => c.markedBy))]) } })).map((u) => [u.id, u.nickname]));
    const roles = this.reviewerRoles(user);
    return marks.map((c) => ({
      id: c.id,
      kind: c.kind,
      subjectId: c.subjectId,
      subjectName: names.get(`${c.kind}:${c.subjectId}`) ?? '',
      year: c.year,
      citation: c.citation,
      status: c.status,
      markedBy: users.get(c.markedBy) ?? null,
      markedAt: new Date(c.markedAt).toISOString(),
      allowedActions: allowedEvents(commendationMachine, c.status, roles),
    }));
  }
}
