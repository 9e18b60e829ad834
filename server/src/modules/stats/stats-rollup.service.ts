import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DatabaseService } from '../../database/database.service';
import { rebuildSql } from './stats-queries';

/**
 * Changes are looked for this far before the last refresh began: a row's `updated_at` is set when its statement runs,
 * so a transaction still open at the last refresh commits rows stamped earlier. The app's transactions last well
 * under a second; a minute leaves room.
 */
const OVERLAP_MS = 60_000;

type Snapshot = { kind: 'project' | 'provider' | 'hall'; id: number; value: string; before: string | null };

/**
 * Keeps the monthly rollups of 社会评价 (stats_order_states, stats_category_months) and the answer times exact.
 * A refresh finds the townships touched since the last one — orders and ratings changed or added (their `updated_at`,
 * and ids above the highest seen), and
 * projects whose category, providers whose team size or halls whose township differ from what the rollups were built
 * with — and rebuilds those townships from the source rows, in one transaction, one refresh at a time. The first
 * refresh builds everything. It runs before every statistics request and on the job timer, so a request usually
 * finds little or nothing to do.
 */
@Injectable()
export class StatsRollupService {
  constructor(private readonly db: DatabaseService) {}

  async refresh(): Promise<{ full: boolean; townships: number }> {
    return this.db.transaction(async (m) => {
      // The state row is the lock: concurrent refreshes queue here and then find nothing left to do.
      const [state] = await m.query(`SELECT watermark, orders_seen, ratings_seen FROM stats_refresh WHERE id = 1${this.db.embedded ? '' : ' FOR UPDATE'}`);
      const [{ now }] = await m.query(this.db.embedded ? "SELECT datetime('now') AS now" : 'SELECT CURRENT_TIMESTAMP(6) AS now');
      const [seen] = await m.query('SELECT (SELECT MAX(id) FROM orders) orders, (SELECT MAX(id) FROM event_ratings) ratings');
      let result: { full: boolean; townships: number };
      if (state?.watermark === null || state?.watermark === undefined) {
        await this.rebuild(m, null);
        await m.query('DELETE FROM stats_snapshots');
        await m.query(`INSERT INTO stats_snapshots (kind, subject_id, value) SELECT kind, id, value FROM (${this.currentValues()}) v`);
        result = { full: true, townships: 0 };
      } else {
        const since = this.db.timeParam(new Date(this.asDate(state.watermark).getTime() - OVERLAP_MS));
        const snapshots = await this.changedSnapshots(m, since);
        const townships = new Set<string>();
        const add = (rows: { t: string }[]) => rows.forEach((r) => r.t && townships.add(r.t));
        // Changed since the last refresh, or inserted since (by id: an import may stamp rows with past times).
        const changedOrders = 'SELECT DISTINCT SUBSTR(h.village_code, 1, 9) t FROM orders o JOIN halls h ON h.id = o.hall_id WHERE';
        const changedRatings = 'SELECT DISTINCT SUBSTR(h.village_code, 1, 9) t FROM event_ratings r JOIN hall_events e ON e.id = r.event_id JOIN halls h ON h.id = e.hall_id WHERE';
        add(await m.query(`${changedOrders} o.updated_at >= ?`, [since]));
        add(await m.query(`${changedOrders} o.id > ?`, [Number(state.orders_seen ?? 0)]));
        add(await m.query(`${changedRatings} r.updated_at >= ?`, [since]));
        add(await m.query(`${changedRatings} r.id > ?`, [Number(state.ratings_seen ?? 0)]));
        for (const kind of ['project', 'provider'] as const) {
          const ids = snapshots.filter((s) => s.kind === kind).map((s) => s.id);
          if (ids.length === 0) continue;
          const column = kind === 'project' ? 'o.project_id' : 'o.provider_id';
          add(await m.query(`SELECT DISTINCT SUBSTR(h.village_code, 1, 9) t FROM orders o JOIN halls h ON h.id = o.hall_id WHERE ${column} IN (${ids.map(() => '?').join(',')})`, ids));
        }
        for (const hall of snapshots.filter((s) => s.kind === 'hall')) {
          townships.add(hall.value);
          if (hall.before) townships.add(hall.before);
        }
        if (townships.size > 0) await this.rebuild(m, [...townships]);
        await this.saveSnapshots(m, snapshots);
        result = { full: false, townships: townships.size };
      }
      const marks = [now, seen.orders === null ? null : Number(seen.orders), seen.ratings === null ? null : Number(seen.ratings)];
      if (state) await m.query('UPDATE stats_refresh SET watermark = ?, orders_seen = ?, ratings_seen = ? WHERE id = 1', marks);
      else await m.query('INSERT INTO stats_refresh (id, watermark, orders_seen, ratings_seen) VALUES (1, ?, ?, ?)', marks);
      return result;
    });
  }

  /** Rebuilds the rollups of these townships (all when null) from orders, events, ratings and answers. */
  private async rebuild(m: EntityManager, townships: string[] | null): Promise<void> {
    const dialect = this.db.embedded ? 'sqlite' : 'mysql';
    if (townships === null) {
      for (const table of ['stats_order_states', 'stats_category_months', 'stats_answer_times']) await m.query(`DELETE FROM ${table}`);
      const sql = rebuildSql(dialect, null);
      for (const statement of [sql.states, sql.categories, sql.answerTimes]) await m.query(statement);
      return;
    }
    const marks = townships.map(() => '?').join(',');
    const halls: number[] = (await m.query(`SELECT id FROM halls WHERE SUBSTR(village_code, 1, 9) IN (${marks})`, townships)).map((r: { id: number }) => Number(r.id));
    await m.query(`DELETE FROM stats_order_states WHERE township IN (${marks})`, townships);
    await m.query(`DELETE FROM stats_category_months WHERE township IN (${marks})`, townships);
    if (halls.length === 0) return;
    const hallMarks = halls.map(() => '?').join(',');
    // Answers are kept per order, so a hall that moved township keeps its rows under its own id.
    await m.query(`DELETE FROM stats_answer_times WHERE hall_id IN (${hallMarks})`, halls);
    const sql = rebuildSql(dialect, hallMarks);
    await m.query(sql.states, halls);
    // The category statement filters each of its three sources by hall.
    await m.query(sql.categories, [...halls, ...halls, ...halls]);
    await m.query(sql.answerTimes, halls);
  }

  /** What the rollups depend on that can change without an order changing, as it is now. */
  private currentValues(since = false): string {
    const teamSize = this.db.embedded ? 'CAST(p.team_size AS TEXT)' : 'CAST(p.team_size AS CHAR)';
    // A category changes only by an approved edit, which touches the project: only recently updated ones can differ.
    return `SELECT 'project' kind, p.id, p.category value FROM service_projects p${since ? ' WHERE p.updated_at >= ?' : ''}
      UNION ALL SELECT 'provider', p.id, ${teamSize} FROM providers p
      UNION ALL SELECT 'hall', h.id, SUBSTR(h.village_code, 1, 9) FROM halls h`;
  }

  /** Projects whose category, providers whose team size and halls whose township differ from the last build. */
  private async changedSnapshots(m: EntityManager, since: Date | string): Promise<Snapshot[]> {
    const rows: { kind: Snapshot['kind']; id: number; value: string; previous: string | null }[] = await m.query(
      `SELECT v.kind, v.id, v.value, s.value previous FROM (${this.currentValues(true)}) v
       LEFT JOIN stats_snapshots s ON s.kind = v.kind AND s.subject_id = v.id WHERE s.value IS NULL OR s.value <> v.value`,
      [since],
    );
    return rows.map((r) => ({ kind: r.kind, id: Number(r.id), value: String(r.value), before: r.previous === null ? null : String(r.previous) }));
  }

  private async saveSnapshots(m: EntityManager, snapshots: Snapshot[]): Promise<void> {
    for (let i = 0; i < snapshots.length; i += 500) {
      const chunk = snapshots.slice(i, i + 500);
      await m.query(
        `DELETE FROM stats_snapshots WHERE ${chunk.map(() => '(kind = ? AND subject_id = ?)').join(' OR ')}`,
        chunk.flatMap((s) => [s.kind, s.id]),
      );
      await m.query(`INSERT INTO stats_snapshots (kind, subject_id, value) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`, chunk.flatMap((s) => [s.kind, s.id, s.value]));
    }
  }

  /** MySQL hands back a Date; SQLite the 'YYYY-MM-DD HH:MM:SS' text it stores (UTC). */
  private asDate(value: Date | string): Date {
    return value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
  }
}
