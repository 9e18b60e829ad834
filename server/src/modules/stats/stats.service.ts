import { Injectable } from '@nestjs/common';
import { CATEGORY_LABELS, ORDER_STATE_LABELS, type Category, type OrderState, type RegionStatsDto, type StatsBreakdownRow, type StatsQuery } from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { notFound, outOfScope } from '../../common/errors/domain-error';
import { addDays } from '../../common/time';
import { DatabaseService } from '../../database/database.service';
import { Region } from '../regions/region.entity';
import { ScopeService } from '../users/scope.service';

const CLOSED_STATES: OrderState[] = ['confirmed', 'declined', 'expired', 'cancelled', 'voided', 'no_show'];
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

/**
 * 社会评价: figures for a region (prefix of the halls' village codes) and a period of order creation dates,
 * Beijing calendar days. Every figure is one aggregate query; nothing is loaded row by row.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
  ) {}

  async forRegion(user: AuthUser, query: StatsQuery): Promise<RegionStatsDto> {
    const root = await this.scope.oversightRegion(user);
    if (root === null) throw outOfScope('您没有负责的地区');
    const code = query.region ?? (root === '' ? '3303' : root);
    if (!code.startsWith(root)) throw outOfScope('只能查看您负责地区的统计');
    const region = await this.db.manager.findOne(Region, { where: { code } });
    if (!region) throw notFound('地区', { code });

    const from = this.db.timeParam(new Date(`${query.from}T00:00:00+08:00`));
    const to = this.db.timeParam(new Date(`${addDays(query.to, 1)}T00:00:00+08:00`));
    const q = <T>(sql: string, params: unknown[] = []): Promise<T[]> => this.db.manager.query(sql, params);
    // Orders at halls of the region, created in the period.
    const scoped = 'FROM orders o JOIN halls h ON h.id = o.hall_id WHERE h.village_code LIKE ? AND o.created_at >= ? AND o.created_at < ?';
    const args = [`${code}%`, from, to];

    const byState = await q<{ status: OrderState; n: string | number }>(`SELECT o.status, COUNT(*) n ${scoped} GROUP BY o.status`, args);
    const ordersByState = Object.fromEntries(byState.map((r) => [r.status, Number(r.n)])) as Partial<Record<OrderState, number>>;
    const count = (s: OrderState) => ordersByState[s] ?? 0;
    const closed = CLOSED_STATES.reduce((sum, s) => sum + count(s), 0);

    const [delivered] = await q<{ n: number | string; people: number | string | null; halls: number | string }>(
      `SELECT COUNT(*) n, SUM(o.head_count) people, COUNT(DISTINCT o.hall_id) halls ${scoped} AND o.status = 'confirmed'`,
      args,
    );
    const [halls] = await q<{ n: number | string }>('SELECT COUNT(*) n FROM halls WHERE village_code LIKE ? AND active = ?', [`${code}%`, 1]);
    const answers = await q<{ hours: number | string }>(
      `SELECT (${this.secondsBetween('o.created_at', 'MIN(t.created_at)')}) / 3600 AS hours ${scoped.replace('FROM orders o', "FROM orders o JOIN transition_history t ON t.entity_type = 'order' AND t.entity_id = o.id AND t.event IN ('accept', 'propose', 'decline')")} GROUP BY o.id, o.created_at`,
      args,
    );
    const hours = answers.map((a) => Number(a.hours)).sort((a, b) => a - b);
    const [ratings] = await q<{ n: number | string; good: number | string | null }>(
      `SELECT COUNT(*) n, SUM(CASE WHEN r.stars >= 4 THEN 1 ELSE 0 END) good FROM event_ratings r JOIN hall_events e ON e.id = r.event_id JOIN orders o ON o.id = e.order_id JOIN halls h ON h.id = o.hall_id
       WHERE h.village_code LIKE ? AND o.created_at >= ? AND o.created_at < ? AND r.hidden = ?`,
      [...args, 0],
    );
    const [needs] = await q<{ n: number | string }>(
      "SELECT COUNT(*) n FROM needs n JOIN halls h ON h.id = n.hall_id WHERE h.village_code LIKE ? AND n.status IN ('open', 'expired') AND n.created_at >= ? AND n.created_at < ?",
      args,
    );

    const breakdown = async (keySql: string): Promise<{ key: string; services: number; attendance: number }[]> =>
      (
        await q<{ k: string; n: number | string; people: number | string | null }>(
          `SELECT ${keySql} k, COUNT(*) n, SUM(o.head_count) people FROM orders o JOIN halls h ON h.id = o.hall_id JOIN service_projects p ON p.id = o.project_id
           WHERE h.village_code LIKE ? AND o.created_at >= ? AND o.created_at < ? AND o.status = 'confirmed' GROUP BY ${keySql} ORDER BY ${keySql}`,
          args,
        )
      ).map((r) => ({ key: String(r.k), services: Number(r.n), attendance: Number(r.people ?? 0) }));
    const childLength = code.length === 4 ? 6 : code.length === 6 ? 9 : 12;
    const counties = await breakdown(`SUBSTR(h.village_code, 1, ${childLength})`);
    const names = new Map(
      (await q<{ code: string; name: string }>(`SELECT code, name FROM regions WHERE parent_code = ?`, [code])).map((r) => [r.code, r.name]),
    );
    const months = await breakdown(this.monthOf('o.created_at'));
    const categories = await breakdown('p.category');

    const servicesDelivered = Number(delivered.n);
    const attendance = Number(delivered.people ?? 0);
    const ratingsCount = Number(ratings.n);
    const satisfaction = ratingsCount === 0 ? null : Number(ratings.good ?? 0) / ratingsCount;
    const completionRate = closed === 0 ? null : count('confirmed') / closed;
    const medianResponseHours = hours.length === 0 ? null : Math.round(hours[Math.floor((hours.length - 1) / 2)] * 10) / 10;
    return {
      region: { code: region.code, name: region.name },
      from: query.from,
      to: query.to,
      ordersByState,
      ordersPlaced: byState.reduce((sum, r) => sum + Number(r.n), 0),
      servicesDelivered,
      completionRate,
      medianResponseHours,
      attendance,
      satisfaction,
      ratingsCount,
      hallsServed: Number(delivered.halls),
      hallsTotal: Number(halls.n),
      unmetNeeds: Number(needs.n),
      byCounty: counties.map((c) => ({ ...c, label: names.get(c.key) ?? c.key })),
      byCategory: categories.map((c) => ({ ...c, key: c.key as Category, label: CATEGORY_LABELS[c.key as Category] ?? c.key })),
      byMonth: months.map((m) => ({ ...m, label: `${m.key.slice(0, 4)}年${Number(m.key.slice(5, 7))}月` })),
      summary: `${query.from} 至 ${query.to}，${region.name}共开展服务 ${servicesDelivered} 场次，参与群众 ${attendance} 人次，群众满意度 ${pct(satisfaction)}，服务覆盖礼堂 ${Number(delivered.halls)} 个（共 ${Number(halls.n)} 个）。`,
    };
  }

  /** The same figures as CSV (UTF-8 with BOM, so Excel opens the Chinese correctly). */
  async csv(user: AuthUser, query: StatsQuery): Promise<string> {
    const s = await this.forRegion(user, query);
    const rows: (string | number)[][] = [
      ['地区', s.region.name],
      ['统计期间', `${s.from} 至 ${s.to}`],
      ['点单数', s.ordersPlaced],
      ['完成服务场次', s.servicesDelivered],
      ['完成率', pct(s.completionRate)],
      ['服务方答复时间中位数(小时)', s.medianResponseHours ?? '—'],
      ['参与群众人次', s.attendance],
      ['群众满意度', pct(s.satisfaction)],
      ['评价数', s.ratingsCount],
      ['服务覆盖礼堂', `${s.hallsServed}/${s.hallsTotal}`],
      ['未满足需求', s.unmetNeeds],
      [],
      ['点单状态', '数量'],
      ...Object.entries(s.ordersByState).map(([state, n]) => [ORDER_STATE_LABELS[state as OrderState], n ?? 0]),
      [],
      ['下级地区', '服务场次', '参与人次'],
      ...s.byCounty.map((r: StatsBreakdownRow) => [r.label, r.services, r.attendance]),
      [],
      ['服务类别', '服务场次', '参与人次'],
      ...s.byCategory.map((r) => [r.label, r.services, r.attendance]),
      [],
      ['月份', '服务场次', '参与人次'],
      ...s.byMonth.map((r) => [r.label, r.services, r.attendance]),
      [],
      ['小结', s.summary],
    ];
    const cell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
  }

  private secondsBetween(start: string, end: string): string {
    return this.db.embedded ? `(julianday(${end}) - julianday(${start})) * 86400` : `TIMESTAMPDIFF(SECOND, ${start}, ${end})`;
  }

  /** 'YYYY-MM' of a stored UTC time, in Beijing time. */
  private monthOf(column: string): string {
    return this.db.embedded ? `strftime('%Y-%m', ${column}, '+8 hours')` : `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m')`;
  }
}
