import type { OrderState } from '@hall-menu/shared';

/**
 * Every statement behind 社会评价, in one place so the bench can EXPLAIN exactly what the service runs.
 * MySQL/MariaDB and the embedded SQLite differ only in date arithmetic.
 */
export type StatsDialect = 'mysql' | 'sqlite';

/** Outcomes an order can no longer leave; completion rate = confirmed among these. */
export const CLOSED_STATES: readonly OrderState[] = ['confirmed', 'declined', 'expired', 'cancelled', 'voided', 'no_show'];

/** 'YYYY-MM' of a stored UTC time, in Beijing time. */
function monthOf(dialect: StatsDialect, column: string): string {
  return dialect === 'sqlite' ? `strftime('%Y-%m', ${column}, '+8 hours')` : `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m')`;
}

function secondsBetween(dialect: StatsDialect, start: string, end: string): string {
  return dialect === 'sqlite' ? `(julianday(${end}) - julianday(${start})) * 86400` : `TIMESTAMPDIFF(SECOND, ${start}, ${end})`;
}

const TOWNSHIP = 'SUBSTR(h.village_code, 1, 9)';
const CLOSED_LIST = CLOSED_STATES.map((s) => `'${s}'`).join(', ');

/**
 * Figures straight from orders, events and ratings, for the days the monthly rollups do not cover (part of a month,
 * or a township's villages). Rows come per sub-region (the first `childLength` digits of the village code), month and
 * category (the project's) — a few hundred rows at most. Parameters: the region's code prefix ('3303%'), then the
 * stretch as UTC instants [start, end).
 */
export function rawSql(dialect: StatsDialect, childLength: number) {
  if (![6, 9, 12].includes(childLength)) throw new Error(`No sub-regions of length ${childLength}`);
  const child = `SUBSTR(h.village_code, 1, ${childLength})`;
  return {
    placed: `SELECT ${child} k, ${monthOf(dialect, 'o.created_at')} month, p.category, o.status, COUNT(*) n
      FROM orders o JOIN halls h ON h.id = o.hall_id JOIN service_projects p ON p.id = o.project_id
      WHERE h.village_code LIKE ? AND o.created_at >= ? AND o.created_at < ? GROUP BY k, month, p.category, o.status`,
    delivered: `SELECT ${child} k, ${monthOf(dialect, 'o.scheduled_start')} month, p.category, COUNT(*) n, SUM(o.head_count) people,
        SUM((${secondsBetween(dialect, 'o.scheduled_start', 'o.scheduled_end')}) * pr.team_size) / 3600.0 hours
      FROM orders o JOIN halls h ON h.id = o.hall_id JOIN service_projects p ON p.id = o.project_id JOIN providers pr ON pr.id = o.provider_id
      WHERE h.village_code LIKE ? AND o.status = 'confirmed' AND o.scheduled_start >= ? AND o.scheduled_start < ? GROUP BY k, month, p.category`,
    rated: `SELECT ${child} k, ${monthOf(dialect, 'e.starts_at')} month, p.category, COUNT(*) n, SUM(CASE WHEN r.stars >= 4 THEN 1 ELSE 0 END) good
      FROM event_ratings r JOIN hall_events e ON e.id = r.event_id JOIN halls h ON h.id = e.hall_id JOIN service_projects p ON p.id = e.project_id
      WHERE h.village_code LIKE ? AND e.starts_at >= ? AND e.starts_at < ? AND r.hidden = 0 GROUP BY k, month, p.category`,
  };
}

/** Statements over the whole period, whatever its shape. Parameters: region prefix, start, end. */
export function periodSql(dialect: StatsDialect) {
  return {
    /** Halls of the region with a confirmed service held in the period: one index probe per hall. */
    hallsServed: `SELECT h.id FROM halls h WHERE h.village_code LIKE ? AND EXISTS (
        SELECT 1 FROM orders o WHERE o.hall_id = h.id AND o.status = 'confirmed' AND o.scheduled_start >= ? AND o.scheduled_start < ?)`,
    unmetNeeds: "SELECT COUNT(*) n FROM needs n JOIN halls h ON h.id = n.hall_id WHERE h.village_code LIKE ? AND n.status IN ('open', 'expired') AND n.created_at >= ? AND n.created_at < ?",
    /** How many answered orders, then the middle one or two of them: the median without sending every value. */
    answeredCount: `SELECT COUNT(*) n FROM stats_answer_times a JOIN halls h ON h.id = a.hall_id WHERE h.village_code LIKE ? AND a.created_at >= ? AND a.created_at < ?`,
    /** Parameters: region prefix, start, end, how many (1 or 2), how many to skip. */
    answeredMiddle: `SELECT a.seconds FROM stats_answer_times a JOIN halls h ON h.id = a.hall_id
      WHERE h.village_code LIKE ? AND a.created_at >= ? AND a.created_at < ? ORDER BY a.seconds LIMIT ? OFFSET ?`,
    /** Parameters: township prefix ('3303%'), first and last month ('YYYY-MM'). */
    rollupStates: 'SELECT township, month, status, placed FROM stats_order_states WHERE township LIKE ? AND month >= ? AND month <= ?',
    rollupCategories: `SELECT township, month, category, placed, closed, confirmed, services, attendance, volunteer_hours, ratings, good
      FROM stats_category_months WHERE township LIKE ? AND month >= ? AND month <= ?`,
  };
}

/**
 * Rebuilding the rollups of some halls' townships (`halls` is a list of '?' for their ids), or of everything (null).
 * Each statement takes the hall ids as parameters, once per '?'.
 */
export function rebuildSql(dialect: StatsDialect, halls: string | null) {
  const only = (column: string) => (halls === null ? '' : `AND ${column} IN (${halls})`);
  return {
    states: `INSERT INTO stats_order_states (township, month, status, placed)
      SELECT ${TOWNSHIP}, ${monthOf(dialect, 'o.created_at')}, o.status, COUNT(*) FROM orders o JOIN halls h ON h.id = o.hall_id
      WHERE 1 = 1 ${only('o.hall_id')} GROUP BY ${TOWNSHIP}, ${monthOf(dialect, 'o.created_at')}, o.status`,
    categories: `INSERT INTO stats_category_months (township, month, category, placed, closed, confirmed, services, attendance, volunteer_hours, ratings, good)
      SELECT township, month, category, SUM(placed), SUM(closed), SUM(confirmed), SUM(services), SUM(attendance), SUM(hours), SUM(ratings), SUM(good) FROM (
        SELECT ${TOWNSHIP} township, ${monthOf(dialect, 'o.created_at')} month, p.category category, 1 placed,
          CASE WHEN o.status IN (${CLOSED_LIST}) THEN 1 ELSE 0 END closed, CASE WHEN o.status = 'confirmed' THEN 1 ELSE 0 END confirmed,
          0 services, 0 attendance, 0 hours, 0 ratings, 0 good
        FROM orders o JOIN halls h ON h.id = o.hall_id JOIN service_projects p ON p.id = o.project_id WHERE 1 = 1 ${only('o.hall_id')}
        UNION ALL
        SELECT ${TOWNSHIP}, ${monthOf(dialect, 'o.scheduled_start')}, p.category, 0, 0, 0, 1, COALESCE(o.head_count, 0),
          (${secondsBetween(dialect, 'o.scheduled_start', 'o.scheduled_end')}) * pr.team_size / 3600.0, 0, 0
        FROM orders o JOIN halls h ON h.id = o.hall_id JOIN service_projects p ON p.id = o.project_id JOIN providers pr ON pr.id = o.provider_id
        WHERE o.status = 'confirmed' AND o.scheduled_start IS NOT NULL ${only('o.hall_id')}
        UNION ALL
        SELECT ${TOWNSHIP}, ${monthOf(dialect, 'e.starts_at')}, p.category, 0, 0, 0, 0, 0, 0, 1, CASE WHEN r.stars >= 4 THEN 1 ELSE 0 END
        FROM event_ratings r JOIN hall_events e ON e.id = r.event_id JOIN halls h ON h.id = e.hall_id JOIN service_projects p ON p.id = e.project_id
        WHERE r.hidden = 0 ${only('e.hall_id')}
      ) facts GROUP BY township, month, category`,
    answerTimes: `INSERT INTO stats_answer_times (order_id, hall_id, created_at, seconds)
      SELECT o.id, o.hall_id, o.created_at, ${secondsBetween(dialect, 'o.created_at', 'MIN(t.created_at)')}
      FROM orders o JOIN transition_history t ON t.entity_type = 'order' AND t.entity_id = o.id AND t.event IN ('accept', 'propose', 'decline')
      WHERE 1 = 1 ${only('o.hall_id')} GROUP BY o.id, o.hall_id, o.created_at`,
  };
}
