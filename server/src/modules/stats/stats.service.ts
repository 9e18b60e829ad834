import { Injectable } from '@nestjs/common';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  ErrorCode,
  type Category,
  type OrderState,
  type RegionBreakdownRow,
  type RegionLevel,
  type RegionStatsDto,
  type StatsBreakdownRow,
  type StatsFigures,
  type StatsQuery,
} from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import { addDays } from '../../common/time';
import { DatabaseService } from '../../database/database.service';
import { Region } from '../regions/region.entity';
import { ScopeService } from '../users/scope.service';
import { regionInScope } from './region-scope';
import { statsSql } from './stats-queries';
import { summarySentence } from './stats-report';

const MYSQL = statsSql('mysql');
const SQLITE = statsSql('sqlite');

/** Outcomes an order can no longer leave; completion rate = confirmed among these. */
const CLOSED_STATES: readonly OrderState[] = ['confirmed', 'declined', 'expired', 'cancelled', 'voided', 'no_show'];
const CHILD_LEVEL: Record<number, { length: number; level: RegionLevel }> = {
  4: { length: 6, level: 'county' },
  6: { length: 9, level: 'township' },
  9: { length: 12, level: 'village' },
};

type Num = number | string | null;
/** Counters of one slice before they become figures. */
interface Tally {
  placed: number;
  closed: number;
  confirmed: number;
  services: number;
  attendance: number;
  volunteerHours: number;
  ratings: number;
  good: number;
  halls: Set<number>;
}
const emptyTally = (): Tally => ({ placed: 0, closed: 0, confirmed: 0, services: 0, attendance: 0, volunteerHours: 0, ratings: 0, good: 0, halls: new Set() });

function figures(t: Tally): StatsFigures {
  return {
    ordersPlaced: t.placed,
    servicesDelivered: t.services,
    completionRate: t.closed === 0 ? null : round(t.confirmed / t.closed, 4),
    attendance: t.attendance,
    volunteerHours: round(t.volunteerHours, 1),
    ratingsCount: t.ratings,
    satisfaction: t.ratings === 0 ? null : round(t.good / t.ratings, 4),
  };
}
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * 社会评价: figures for a region (a prefix of the halls' village codes) and a period of Beijing calendar days.
 * Orders count by the day they were placed; services, attendance, volunteer hours, halls served and satisfaction by
 * the day the service was held. Every figure comes from a few grouped queries (by hall, by category, by month) over
 * indexed columns; slices are summed in memory from those small results, never row by row.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
  ) {}

  async forRegion(user: AuthUser, query: StatsQuery): Promise<RegionStatsDto> {
    const region = await regionInScope(this.db, this.scope, user, query.region);
    if (!CHILD_LEVEL[region.code.length]) throw new DomainError(ErrorCode.ValidationFailed, '统计只能按市、县或乡镇查看，请选择上一级地区');
    return this.compute(region, query.from, query.to);
  }

  private async compute(region: Region, from: string, to: string): Promise<RegionStatsDto> {
    const q = <T>(sql: string, params: unknown[]): Promise<T[]> => this.db.manager.query(sql, params);
    const start = this.db.timeParam(new Date(`${from}T00:00:00+08:00`));
    const end = this.db.timeParam(new Date(`${addDays(to, 1)}T00:00:00+08:00`));
    const prefix = `${region.code}%`;
    const child = CHILD_LEVEL[region.code.length];

    const halls = await q<{ id: number; village_code: string; active: number | boolean }>('SELECT id, village_code, active FROM halls WHERE village_code LIKE ?', [prefix]);
    const childOf = new Map(halls.map((h) => [Number(h.id), h.village_code.slice(0, child.length)]));
    const activeHalls = new Set(halls.filter((h) => Number(h.active) === 1 || h.active === true).map((h) => Number(h.id)));

    const total = emptyTally();
    const byChild = new Map<string, Tally>();
    const byCategory = new Map<string, Tally>(CATEGORIES.map((c) => [c, emptyTally()]));
    const months = monthsBetween(from, to);
    const byMonth = new Map<string, Tally>(months.map((m) => [m, emptyTally()]));
    const slice = (map: Map<string, Tally>, key: string) => map.get(key) ?? map.set(key, emptyTally()).get(key)!;

    const sql = this.db.embedded ? SQLITE : MYSQL;
    const period = [prefix, start, end];
    const countPlaced = (t: Tally, status: OrderState, n: number) => {
      t.placed += n;
      if (CLOSED_STATES.includes(status)) t.closed += n;
      if (status === 'confirmed') t.confirmed += n;
    };
    const countDelivered = (t: Tally, r: { n: Num; people: Num; hours: Num }, hallId?: number) => {
      t.services += Number(r.n);
      t.attendance += Number(r.people ?? 0);
      t.volunteerHours += Number(r.hours ?? 0);
      if (hallId !== undefined && activeHalls.has(hallId)) t.halls.add(hallId);
    };
    const countRatings = (t: Tally, r: { n: Num; good: Num }) => {
      t.ratings += Number(r.n);
      t.good += Number(r.good ?? 0);
    };
    type Placed = { k: string | number; status: OrderState; n: Num };
    type Delivered = { k: string | number; n: Num; people: Num; hours: Num };
    type Rated = { k: string | number; n: Num; good: Num };
    // Independent statements: on MySQL they run side by side on the pool.
    const [placedByHall, placedByCategory, placedByMonth, deliveredByHall, deliveredByCategory, deliveredByMonth, ratedByHall, ratedByCategory, ratedByMonth, [needs], [median]] =
      await Promise.all([
        q<Placed>(sql.placedByHall, period),
        q<Placed>(sql.placedByCategory, period),
        q<Placed>(sql.placedByMonth, period),
        q<Delivered>(sql.deliveredByHall, period),
        q<Delivered>(sql.deliveredByCategory, period),
        q<Delivered>(sql.deliveredByMonth, period),
        q<Rated>(sql.ratedByHall, period),
        q<Rated>(sql.ratedByCategory, period),
        q<Rated>(sql.ratedByMonth, period),
        q<{ n: Num }>(sql.unmetNeeds, period),
        q<{ median: Num }>(sql.medianResponseHours, period),
      ]);

    const ordersByState: Partial<Record<OrderState, number>> = {};
    for (const r of placedByHall) {
      const n = Number(r.n);
      ordersByState[r.status] = (ordersByState[r.status] ?? 0) + n;
      countPlaced(total, r.status, n);
      countPlaced(slice(byChild, childOf.get(Number(r.k))!), r.status, n);
    }
    for (const r of placedByCategory) countPlaced(slice(byCategory, String(r.k)), r.status, Number(r.n));
    for (const r of placedByMonth) countPlaced(slice(byMonth, String(r.k)), r.status, Number(r.n));
    for (const r of deliveredByHall) {
      countDelivered(total, r, Number(r.k));
      countDelivered(slice(byChild, childOf.get(Number(r.k))!), r, Number(r.k));
    }
    for (const r of deliveredByCategory) countDelivered(slice(byCategory, String(r.k)), r);
    for (const r of deliveredByMonth) countDelivered(slice(byMonth, String(r.k)), r);
    for (const r of ratedByHall) {
      countRatings(total, r);
      countRatings(slice(byChild, childOf.get(Number(r.k))!), r);
    }
    for (const r of ratedByCategory) countRatings(slice(byCategory, String(r.k)), r);
    for (const r of ratedByMonth) countRatings(slice(byMonth, String(r.k)), r);
    const medianResponseHours = median?.median === null || median?.median === undefined ? null : round(Number(median.median), 1);

    const names = new Map((await q<{ code: string; name: string }>('SELECT code, name FROM regions WHERE parent_code = ?', [region.code])).map((r) => [r.code, r.name]));
    const hallsPerChild = new Map<string, number>();
    for (const id of activeHalls) hallsPerChild.set(childOf.get(id)!, (hallsPerChild.get(childOf.get(id)!) ?? 0) + 1);
    const childKeys = [...new Set([...hallsPerChild.keys(), ...byChild.keys()])].sort();
    const byRegion: RegionBreakdownRow[] = childKeys.map((key) => {
      const t = byChild.get(key) ?? emptyTally();
      const hallsTotal = hallsPerChild.get(key) ?? 0;
      return { key, label: names.get(key) ?? key, ...figures(t), hallsServed: t.halls.size, hallsTotal, hallCoverage: hallsTotal === 0 ? null : round(t.halls.size / hallsTotal, 4) };
    });

    const overall = figures(total);
    const hallsTotal = activeHalls.size;
    const dto: Omit<RegionStatsDto, 'summary'> = {
      region: { code: region.code, name: region.name, level: region.level },
      from,
      to,
      ...overall,
      ordersByState,
      medianResponseHours,
      hallsServed: total.halls.size,
      hallsTotal,
      hallCoverage: hallsTotal === 0 ? null : round(total.halls.size / hallsTotal, 4),
      unmetNeeds: Number(needs.n),
      breakdownLevel: child.level,
      byRegion,
      byCategory: CATEGORIES.map((c) => ({ key: c as Category, label: CATEGORY_LABELS[c], ...figures(byCategory.get(c)!) })),
      byMonth: months.map((m): StatsBreakdownRow => ({ key: m, label: `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`, ...figures(byMonth.get(m)!) })),
    };
    return { ...dto, summary: summarySentence(dto, from, to) };
  }
}

/** 'YYYY-MM' of every month the period touches, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}
