import { Injectable } from '@nestjs/common';
import {
  ADMIN_ACTION_LABELS,
  AUDIT_OBJECT_LABELS,
  ErrorCode,
  ORDER_EVENT_LABELS,
  PROJECT_EVENT_LABELS,
  type AuditEntryDto,
  type AuditPage,
  type AuditQuery,
} from '@hall-menu/shared';
import { EntityManager, SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import { addDays } from '../../common/time';
import { TransitionHistory } from '../../common/transitions/transition-history.entity';
import { DatabaseService } from '../../database/database.service';
import { ScopeService } from '../users/scope.service';
import { AdminChange } from './admin-change.entity';
import { actingRole, isoTime, officialRoot } from './audit-helpers';

export interface AdminChangeEntry {
  actor: AuthUser;
  objectType: string;
  objectId: number | string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
  /** Region of the object for reviewers' visibility; null = platform-wide. */
  regionCode: string | null;
}

/**
 * Where a source's reading stopped: the time (exactly as the database holds it) and id of the last row shown.
 * Each table is read by (time, id) descending from there, so paging never skips or repeats a row.
 */
type Position = [at: string, id: number];

/** Per source: undefined = not started, 0 = nothing left. */
interface Cursor {
  t?: Position | 0;
  a?: Position | 0;
}

interface SourceRow {
  id: number;
  /** The row's time as database text ('2026-05-01 08:00:00.123456' on MySQL), which orders and compares exactly. */
  atKey: string;
  entry: AuditEntryDto;
}

const EVENT_LABELS: Record<string, Record<string, string>> = { order: ORDER_EVENT_LABELS, project: PROJECT_EVENT_LABELS };

/**
 * Which workflow objects lie in a region, by the hall or service area they belong to. Other kinds of history rows
 * are shown to admins only.
 */
const TRANSITION_REGION_FILTERS = [
  "(h.entity_type = 'order' AND h.entity_id IN (SELECT o.id FROM orders o JOIN halls hh ON hh.id = o.hall_id WHERE hh.village_code LIKE :prefix))",
  "(h.entity_type = 'need' AND h.entity_id IN (SELECT n.id FROM needs n JOIN halls hh ON hh.id = n.hall_id WHERE hh.village_code LIKE :prefix))",
  "(h.entity_type = 'reservation' AND h.entity_id IN (SELECT r.id FROM reservations r JOIN hall_events e ON e.id = r.event_id JOIN halls hh ON hh.id = e.hall_id WHERE hh.village_code LIKE :prefix))",
  "(h.entity_type = 'project' AND NOT EXISTS (SELECT 1 FROM project_areas pa WHERE pa.project_id = h.entity_id AND pa.region_code NOT LIKE :prefix))",
  "(h.entity_type = 'revision' AND h.entity_id IN (SELECT rv.id FROM project_revisions rv WHERE NOT EXISTS (SELECT 1 FROM project_areas pa WHERE pa.project_id = rv.project_id AND pa.region_code NOT LIKE :prefix)))",
];

@Injectable()
export class AuditService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
  ) {}

  /** Writes the audit row of a change, inside the transaction that makes the change. */
  async record(m: EntityManager, entry: AdminChangeEntry): Promise<void> {
    await m.insert(AdminChange, {
      actorId: entry.actor.id,
      actorRole: actingRole(entry.actor),
      objectType: entry.objectType,
      objectId: String(entry.objectId),
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason?.trim() || null,
      regionCode: entry.regionCode,
      // JSON columns hold plain data; TypeORM's deep-partial type cannot see through `unknown` values.
    } as QueryDeepPartialEntity<AdminChange>);
  }

  /** Transition history and admin changes together, newest first; reviewers see their region's objects only. */
  async search(user: AuthUser, query: AuditQuery): Promise<AuditPage> {
    const root = await officialRoot(this.scope, user);
    const cursor = decodeCursor(query.cursor);
    const fetch = query.limit + 1;
    const [transitions, changes] = await Promise.all([
      cursor.t === 0 ? [] : this.transitionRows(query, root, cursor.t, fetch),
      cursor.a === 0 ? [] : this.adminRows(query, root, cursor.a, fetch),
    ]);

    // Merge the two newest-first lists, taking only heads, so each is consumed strictly in its own order.
    const items: SourceRow[] = [];
    let ti = 0;
    let ai = 0;
    while (items.length < query.limit && (ti < transitions.length || ai < changes.length)) {
      const t = transitions[ti];
      const a = changes[ai];
      if (a && (!t || a.atKey >= t.atKey)) items.push(changes[ai++]);
      else items.push(transitions[ti++]);
    }
    // A source already at 0 fetched nothing and consumed nothing, so it stays 0.
    const next: Cursor = {
      t: cursor.t === 0 ? 0 : position(cursor.t, transitions, ti),
      a: cursor.a === 0 ? 0 : position(cursor.a, changes, ai),
    };
    return { items: items.map((i) => i.entry), nextCursor: next.t === 0 && next.a === 0 ? null : encodeCursor(next) };
  }

  private async transitionRows(query: AuditQuery, root: string, after: Position | undefined, take: number): Promise<SourceRow[]> {
    const qb = this.db.manager
      .createQueryBuilder(TransitionHistory, 'h')
      .leftJoin('users', 'u', 'u.id = h.actor_id')
      .select(['h.id AS id', 'h.entity_type AS objectType', 'h.entity_id AS objectId', 'h.event AS action', 'h.from_state AS fromState'])
      .addSelect(['h.to_state AS toState', 'h.actor_id AS actorId', 'h.actor_role AS actorRole', 'h.reason AS reason', 'h.created_at AS at', 'u.nickname AS nickname'])
      .addSelect('CAST(h.created_at AS CHAR)', 'atKey')
      .where('1 = 1');
    if (query.objectType) qb.andWhere('h.entity_type = :objectType', { objectType: query.objectType });
    if (query.objectId) {
      // History rows are keyed by numeric ids; a non-numeric id (a rule key) matches none.
      if (!/^\d+$/.test(query.objectId)) return [];
      qb.andWhere('h.entity_id = :objectId', { objectId: Number(query.objectId) });
    }
    if (query.actorId) qb.andWhere('h.actor_id = :actorId', { actorId: query.actorId });
    if (root !== '') qb.andWhere(`(${TRANSITION_REGION_FILTERS.join(' OR ')})`, { prefix: `${root}%` });
    this.window(qb, 'h', query, after);
    const rows: RawTransition[] = await qb.orderBy('h.created_at', 'DESC').addOrderBy('h.id', 'DESC').limit(take).getRawMany();
    return rows.map((r) => {
      const at = isoTime(r.at);
      return {
        id: Number(r.id),
        atKey: r.atKey,
        entry: {
          id: `t${r.id}`,
          source: 'transition',
          objectType: r.objectType,
          objectLabel: AUDIT_OBJECT_LABELS[r.objectType] ?? r.objectType,
          objectId: String(r.objectId),
          action: r.action,
          actionLabel: r.action === 'create' ? '创建' : (EVENT_LABELS[r.objectType]?.[r.action] ?? r.action),
          fromState: r.fromState,
          toState: r.toState,
          before: null,
          after: null,
          reason: r.reason,
          actor: { id: r.actorId === null ? null : Number(r.actorId), nickname: r.nickname ?? (r.actorId === null ? '系统' : null), role: r.actorRole },
          at,
        },
      };
    });
  }

  private async adminRows(query: AuditQuery, root: string, after: Position | undefined, take: number): Promise<SourceRow[]> {
    const qb = this.db.manager
      .createQueryBuilder(AdminChange, 'a')
      .leftJoin('users', 'u', 'u.id = a.actor_id')
      .select(['a.id AS id', 'a.object_type AS objectType', 'a.object_id AS objectId', 'a.action AS action', 'a.before_values AS beforeJson'])
      .addSelect(['a.after_values AS afterJson', 'a.actor_id AS actorId', 'a.actor_role AS actorRole', 'a.reason AS reason', 'a.created_at AS at', 'u.nickname AS nickname'])
      .addSelect('CAST(a.created_at AS CHAR)', 'atKey')
      .where('1 = 1');
    if (query.objectType) qb.andWhere('a.object_type = :objectType', { objectType: query.objectType });
    if (query.objectId) qb.andWhere('a.object_id = :objectId', { objectId: query.objectId });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (root !== '') qb.andWhere('a.region_code LIKE :prefix', { prefix: `${root}%` });
    this.window(qb, 'a', query, after);
    const rows: RawAdminChange[] = await qb.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').limit(take).getRawMany();
    return rows.map((r) => {
      const at = isoTime(r.at);
      return {
        id: Number(r.id),
        atKey: r.atKey,
        entry: {
          id: `a${r.id}`,
          source: 'admin',
          objectType: r.objectType,
          objectLabel: AUDIT_OBJECT_LABELS[r.objectType] ?? r.objectType,
          objectId: r.objectId,
          action: r.action,
          actionLabel: ADMIN_ACTION_LABELS[r.action] ?? r.action,
          fromState: null,
          toState: null,
          before: r.beforeJson ? (JSON.parse(r.beforeJson) as Record<string, unknown>) : null,
          after: r.afterJson ? (JSON.parse(r.afterJson) as Record<string, unknown>) : null,
          reason: r.reason,
          actor: { id: Number(r.actorId), nickname: r.nickname, role: r.actorRole },
          at,
        },
      };
    });
  }

  /** After the cursor position, inside the Beijing-day period. */
  private window<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, query: AuditQuery, after: Position | undefined): void {
    if (after) {
      qb.andWhere(`(${alias}.created_at < :afterAt OR (${alias}.created_at = :afterAt AND ${alias}.id < :afterId))`, { afterAt: after[0], afterId: after[1] });
    }
    if (query.from) qb.andWhere(`${alias}.created_at >= :from`, { from: this.db.timeParam(new Date(`${query.from}T00:00:00+08:00`)) });
    if (query.to) qb.andWhere(`${alias}.created_at < :to`, { to: this.db.timeParam(new Date(`${addDays(query.to, 1)}T00:00:00+08:00`)) });
  }
}

interface RawTransition {
  id: number | string;
  objectType: string;
  objectId: number | string;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: number | string | null;
  actorRole: string;
  reason: string | null;
  at: Date | string;
  atKey: string;
  nickname: string | null;
}

interface RawAdminChange {
  id: number | string;
  objectType: string;
  objectId: string;
  action: string;
  beforeJson: string | null;
  afterJson: string | null;
  actorId: number | string;
  actorRole: string;
  reason: string | null;
  at: Date | string;
  atKey: string;
  nickname: string | null;
}

/**
 * Where a source stands after a page: 0 once everything it returned was shown (it returned fewer rows than were
 * asked for, so nothing is left), the last row shown, or unchanged when none of its rows made the page.
 */
function position(previous: Position | undefined, fetched: SourceRow[], consumed: number): Position | 0 | undefined {
  if (consumed === fetched.length) return 0;
  if (consumed === 0) return previous;
  const last = fetched[consumed - 1];
  return [last.atKey, last.id];
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string | undefined): Cursor {
  if (!text) return {};
  const valid = (p: unknown): p is Position | 0 | undefined =>
    p === undefined ||
    p === 0 ||
    (Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?$/.test(p[0]) && Number.isInteger(p[1]) && p[1] > 0);
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof value === 'object' && value !== null && valid(value.t) && valid(value.a)) return { t: value.t, a: value.a };
  } catch {
    // fall through to the error below
  }
  throw new DomainError(ErrorCode.ValidationFailed, '分页标记无效，请从第一页重新查询', { fields: [{ field: 'cursor', message: '分页标记无效' }] });
}
