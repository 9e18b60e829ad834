/**
 * Every statement behind 社会评价, in one place so the bench can EXPLAIN exactly what the service runs.
 * Each takes the same three parameters: the region's code prefix ('3303%'), and the period as UTC instants
 * [start, end). MySQL/MariaDB and the embedded SQLite differ only in date arithmetic.
 */
export type StatsDialect = 'mysql' | 'sqlite';

/** 'YYYY-MM' of a stored UTC time, in Beijing time. */
function monthOf(dialect: StatsDialect, column: string): string {
  return dialect === 'sqlite' ? `strftime('%Y-%m', ${column}, '+8 hours')` : `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m')`;
}

function secondsBetween(dialect: StatsDialect, start: string, end: string): string {
  return dialect === 'sqlite' ? `(julianday(${end}) - julianday(${start})) * 86400` : `TIMESTAMPDIFF(SECOND, ${start}, ${end})`;
}

export function statsSql(dialect: StatsDialect) {
  // Orders placed in the period, counted by their current state.
  const placed = 'FROM orders o JOIN halls h ON h.id = o.hall_id WHERE h.village_code LIKE ? AND o.created_at >= ? AND o.created_at < ?';
  const placedMonth = monthOf(dialect, 'o.created_at');
  // Services held in the period and confirmed.
  const delivered = `FROM orders o JOIN halls h ON h.id = o.hall_id JOIN providers pr ON pr.id = o.provider_id
    WHERE h.village_code LIKE ? AND o.status = 'confirmed' AND o.scheduled_start >= ? AND o.scheduled_start < ?`;
  const deliveredColumns = `COUNT(*) n, SUM(o.head_count) people, SUM((${secondsBetween(dialect, 'o.scheduled_start', 'o.scheduled_end')}) * pr.team_size) / 3600.0 hours`;
  const deliveredMonth = monthOf(dialect, 'o.scheduled_start');
  // Villagers' visible ratings of events held in the period.
  const rated = `FROM event_ratings r JOIN hall_events e ON e.id = r.event_id JOIN halls h ON h.id = e.hall_id
    WHERE h.village_code LIKE ? AND e.starts_at >= ? AND e.starts_at < ? AND r.hidden = 0`;
  const ratedColumns = 'COUNT(*) n, SUM(CASE WHEN r.stars >= 4 THEN 1 ELSE 0 END) good';
  const ratedMonth = monthOf(dialect, 'e.starts_at');
  // Hours from placing an order to the provider's first answer, for orders placed in the period.
  const answered = `SELECT (${secondsBetween(dialect, 'o.created_at', 'MIN(t.created_at)')}) / 3600.0 AS hours
    FROM orders o JOIN halls h ON h.id = o.hall_id
    JOIN transition_history t ON t.entity_type = 'order' AND t.entity_id = o.id AND t.event IN ('accept', 'propose', 'decline')
    WHERE h.village_code LIKE ? AND o.created_at >= ? AND o.created_at < ?
    GROUP BY o.id, o.created_at`;
  return {
    placedByHall: `SELECT o.hall_id k, o.status, COUNT(*) n ${placed} GROUP BY o.hall_id, o.status`,
    placedByCategory: `SELECT p.category k, o.status, COUNT(*) n ${placed.replace('FROM orders o', 'FROM orders o JOIN service_projects p ON p.id = o.project_id')} GROUP BY p.category, o.status`,
    placedByMonth: `SELECT ${placedMonth} k, o.status, COUNT(*) n ${placed} GROUP BY ${placedMonth}, o.status`,
    deliveredByHall: `SELECT o.hall_id k, ${deliveredColumns} ${delivered} GROUP BY o.hall_id`,
    deliveredByCategory: `SELECT p.category k, ${deliveredColumns} ${delivered.replace('FROM orders o', 'FROM orders o JOIN service_projects p ON p.id = o.project_id')} GROUP BY p.category`,
    deliveredByMonth: `SELECT ${deliveredMonth} k, ${deliveredColumns} ${delivered} GROUP BY ${deliveredMonth}`,
    ratedByHall: `SELECT e.hall_id k, ${ratedColumns} ${rated} GROUP BY e.hall_id`,
    ratedByCategory: `SELECT e.category k, ${ratedColumns} ${rated} GROUP BY e.category`,
    ratedByMonth: `SELECT ${ratedMonth} k, ${ratedColumns} ${rated} GROUP BY ${ratedMonth}`,
    unmetNeeds: "SELECT COUNT(*) n FROM needs n JOIN halls h ON h.id = n.hall_id WHERE h.village_code LIKE ? AND n.status IN ('open', 'expired') AND n.created_at >= ? AND n.created_at < ?",
    // The median: ranked in SQL, the two middle values averaged when the count is even, so no per-order rows travel.
    medianResponseHours: `SELECT AVG(hours) median FROM (
        SELECT hours, ROW_NUMBER() OVER (ORDER BY hours) rn, COUNT(*) OVER () cnt FROM (${answered}) a
      ) ranked WHERE 2 * rn BETWEEN cnt AND cnt + 2`,
  };
}
export type StatsStatements = ReturnType<typeof statsSql>;
