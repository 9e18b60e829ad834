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
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import { addDays } from '../../common/time';
import { DatabaseService } from '../../database/database.service';
import { Region } from '../regions/region.entity';
import { ScopeService } from '../users/scope.service';
import { regionInScope } from './region-scope';
import { CLOSED_STATES, periodSql, rawSql, type StatsDialect } from './stats-queries';
import { summarySentence } from './stats-report';
import { StatsRollupService } from './stats-rollup.service';

const CHILD_LEVEL: Record<number, { length: number; level: RegionLevel }> = {
  4: { length: 6, level: 'county' },
  6: { length: 9, level: 'township' },
  9: { length: 12, level: 'village' },
};
const PERIOD_SQL: Record<StatsDialect, ReturnType<typeof periodSql>> = { mysql: periodSql('mysql'), sqlite: periodSql('sqlite') };
const RAW_SQL = new Map((['mysql', 'sqlite'] as const).flatMap((d) => [6, 9, 12].map((n) => [`${d}:${n}`, rawSql(d, n)] as const)));

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
}
const emptyTally = (): Tally => ({ placed: 0, closed: 0, confirmed: 0, services: 0, attendance: 0, volunteerHours: 0, ratings: 0, good: 0 });
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

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

/** Slices of one request: the whole region, its sub-regions, categories and months, plus orders by state. */
class Tallies {
  readonly total = emptyTally();
  readonly byChild = new Map<string, Tally>();
  readonly byCategory = new Map<string, Tally>(CATEGORIES.map((c) => [c, emptyTally()]));
  readonly byMonth: Map<string, Tally>;
  readonly ordersByState: Partial<Record<OrderState, number>> = {};

  constructor(months: string[]) {
    this.byMonth = new Map(months.map((m) => [m, emptyTally()]));
  }

  slice(map: Map<string, Tally>, key: string): Tally {
    return map.get(key) ?? map.set(key, emptyTally()).get(key)!;
  }

  /** Orders placed, by state: the state counts, and what closed and confirmed mean for completion. */
  placed(targets: Tally[], status: OrderState, n: number, countState = false): void {
    if (countState) this.ordersByState[status] = (this.ordersByState[status] ?? 0) + n;
    for (const t of targets) {
      t.placed += n;
      if (CLOSED_STATES.includes(status)) t.closed += n;
      if (status === 'confirmed') t.confirmed += n;
    }
  }

  add(targets: Tally[], part: Partial<Tally>): void {
    for (const t of targets) for (const [k, v] of Object.entries(part) as [keyof Tally, number][]) t[k] += v;
  }
}

/** The period as whole months (served from the monthly rollups) and the stretches of days around them. */
export function splitPeriod(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  const all = monthsBetween(from, to);
  const lastDay = (m: string) => addDays(`${monthAfter(m)}-01`, -1);
  const whole = all.filter((m) => from <= `${m}-01` && lastDay(m) <= to);
  if (whole.length === 0) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < `${whole[0]}-01`) days.push([from, addDays(`${whole[0]}-01`, -1)]);
  if (lastDay(whole[whole.length - 1]) < to) days.push([addDays(lastDay(whole[whole.length - 1]), 1), to]);
  return { months: [whole[0], whole[whole.length - 1]], days };
}

/**
 * 社会评价: figures for a region (a prefix of the halls' village codes) and a period of Beijing calendar days.
 * Orders count by the day they were placed; services, attendance, volunteer hours, halls served and satisfaction by
 * the day the service was held. Whole months of a city or county come from the monthly rollups per township (a few
 * thousand rows for a city-year); the days around them, and any township's villages, from the source rows; medians
 * from the answer times. Slices are summed in memory from those small results, never row by row.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly rollups: StatsRollupService,
  ) {}

  async forRegion(user: AuthUser, query: StatsQuery): Promise<RegionStatsDto> {
    const region = await regionInScope(this.db, this.scope, user, query.region);
    if (!CHILD_LEVEL[region.code.length]) throw new DomainError(ErrorCode.ValidationFailed, '统计只能按市、县或乡镇查看，请选择上一级地区');
    await this.rollups.refresh();
    // Period figures tolerate a replica's lag; the rollup refresh above writes, so it stays on the primary.
    return this.db.readReplica((m) => this.compute(m, region, query.from, query.to));
  }

  private async compute(m: EntityManager, region: Region, from: string, to: string): Promise<RegionStatsDto> {
    const q = <T>(sql: string, params: unknown[]): Promise<T[]> => m.query(sql, params);
    const instant = (day: string) => this.db.timeParam(new Date(`${day}T00:00:00+08:00`));
    const dialect: StatsDialect = this.db.embedded ? 'sqlite' : 'mysql';
    const period = PERIOD_SQL[dialect];
    const prefix = `${region.code}%`;
    const child = CHILD_LEVEL[region.code.length];
    const whole = [prefix, instant(from), instant(addDays(to, 1))];
    // Rollups are per township: a township's own breakdown (by village) needs the source rows.
    const split = child.level === 'village' ? { months: null, days: [[from, to] as [string, string]] } : splitPeriod(from, to);

    const months = monthsBetween(from, to);
    const tallies = new Tallies(months);
    const { total, byChild, byCategory, byMonth } = tallies;
    const slice = tallies.slice.bind(tallies);

    const [halls, served, [needs], medianSeconds] = await Promise.all([
      q<{ id: number; village_code: string; active: number | boolean }>('SELECT id, village_code, active FROM halls WHERE village_code LIKE ?', [prefix]),
      q<{ id: number }>(period.hallsServed, whole),
      q<{ n: Num }>(period.unmetNeeds, whole),
      this.medianAnswerSeconds(m, whole),
    ]);
    const childOf = new Map(halls.map((h) => [Number(h.id), h.village_code.slice(0, child.length)]));
    const active = new Set(halls.filter((h) => Number(h.active) === 1 || h.active === true).map((h) => Number(h.id)));
    const servedHalls = served.map((r) => Number(r.id)).filter((id) => active.has(id));

    if (split.months) {
      const monthArgs = [prefix, ...split.months];
      const [states, categories] = await Promise.all([
        q<{ township: string; month: string; status: OrderState; placed: Num }>(period.rollupStates, monthArgs),
        q<{ township: string; month: string; category: string; placed: Num; closed: Num; confirmed: Num; services: Num; attendance: Num; volunteer_hours: Num; ratings: Num; good: Num }>(
          period.rollupCategories,
          monthArgs,
        ),
      ]);
      for (const r of states) tallies.placed([total, slice(byChild, r.township.slice(0, child.length)), slice(byMonth, r.month)], r.status, Number(r.placed), true);
      for (const r of categories) {
        const c = slice(byCategory, r.category);
        c.placed += Number(r.placed);
        c.closed += Number(r.closed);
        c.confirmed += Number(r.confirmed);
        const held = { services: Number(r.services), attendance: Number(r.attendance), volunteerHours: Number(r.volunteer_hours), ratings: Number(r.ratings), good: Number(r.good) };
        tallies.add([total, c, slice(byChild, r.township.slice(0, child.length)), slice(byMonth, r.month)], held);
      }
    }

    const raw = RAW_SQL.get(`${dialect}:${child.length}`)!;
    const stretches = await Promise.all(
      split.days.map(([first, last]) => {
        const args = [prefix, instant(first), instant(addDays(last, 1))];
        return Promise.all([
          q<{ k: string; month: string; category: string; status: OrderState; n: Num }>(raw.placed, args),
          q<{ k: string; month: string; category: string; n: Num; people: Num; hours: Num }>(raw.delivered, args),
          q<{ k: string; month: string; category: string; n: Num; good: Num }>(raw.rated, args),
        ]);
      }),
    );
    for (const [placed, delivered, rated] of stretches) {
      for (const r of placed) tallies.placed([total, slice(byChild, r.k), slice(byMonth, r.month), slice(byCategory, r.category)], r.status, Number(r.n), true);
      for (const r of delivered) {
        const held = { services: Number(r.n), attendance: Number(r.people ?? 0), volunteerHours: Number(r.hours ?? 0) };
        tallies.add([total, slice(byChild, r.k), slice(byMonth, r.month), slice(byCategory, r.category)], held);
      }
      for (const r of rated) tallies.add([total, slice(byChild, r.k), slice(byMonth, r.month), slice(byCategory, r.category)], { ratings: Number(r.n), good: Number(r.good ?? 0) });
    }

    const names = new Map((await q<{ code: string; name: string }>('SELECT code, name FROM regions WHERE parent_code = ?', [region.code])).map((r) => [r.code, r.name]));
    const hallsPerChild = new Map<string, number>();
    const servedPerChild = new Map<string, number>();
    for (const id of active) hallsPerChild.set(childOf.get(id)!, (hallsPerChild.get(childOf.get(id)!) ?? 0) + 1);
    for (const id of servedHalls) servedPerChild.set(childOf.get(id)!, (servedPerChild.get(childOf.get(id)!) ?? 0) + 1);
    const childKeys = [...new Set([...hallsPerChild.keys(), ...byChild.keys()])].sort();
    const byRegion: RegionBreakdownRow[] = childKeys.map((key) => {
      const hallsTotal = hallsPerChild.get(key) ?? 0;
      const hallsServed = servedPerChild.get(key) ?? 0;
      return { key, label: names.get(key) ?? key, ...figures(byChild.get(key) ?? emptyTally()), hallsServed, hallsTotal, hallCoverage: hallsTotal === 0 ? null : round(hallsServed / hallsTotal, 4) };
    });

    const dto: Omit<RegionStatsDto, 'summary'> = {
      region: { code: region.code, name: region.name, level: region.level },
      from,
      to,
      ...figures(total),
      ordersByState: tallies.ordersByState,
      medianResponseHours: medianSeconds === null ? null : round(medianSeconds / 3600, 1),
      hallsServed: servedHalls.length,
      hallsTotal: active.size,
      hallCoverage: active.size === 0 ? null : round(servedHalls.length / active.size, 4),
      unmetNeeds: Number(needs.n),
      breakdownLevel: child.level,
      byRegion,
      byCategory: CATEGORIES.map((c) => ({ key: c as Category, label: CATEGORY_LABELS[c], ...figures(byCategory.get(c)!) })),
      byMonth: months.map((m): StatsBreakdownRow => ({ key: m, label: `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`, ...figures(byMonth.get(m)!) })),
    };
    return { ...dto, summary: summarySentence(dto, from, to) };
  }

  /** The median of the answer times of orders placed in the period (the two middle ones averaged when even). */
  private async medianAnswerSeconds(m: EntityManager, whole: unknown[]): Promise<number | null> {
    const period = PERIOD_SQL[this.db.embedded ? 'sqlite' : 'mysql'];
    const [{ n }] = await m.query(period.answeredCount, whole);
    const count = Number(n);
    if (count === 0) return null;
    const middle: { seconds: Num }[] = await m.query(period.answeredMiddle, [...whole, count % 2 === 1 ? 1 : 2, Math.floor((count - 1) / 2)]);
    return middle.reduce((sum, r) => sum + Number(r.seconds), 0) / middle.length;
  }
}

const monthAfter = (m: string) => (m.endsWith('-12') ? `${Number(m.slice(0, 4)) + 1}-01` : `${m.slice(0, 5)}${String(Number(m.slice(5, 7)) + 1).padStart(2, '0')}`);

/** 'YYYY-MM' of every month the period touches, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = monthAfter(m)) months.push(m);
  return months;
}
