import type { HistoryEntryDto, InboxDto, LoginResponse, LowScoresDto, MenuItemDto, OrderDto, Paged, ProjectDto, RankingDto, RegionStatsDto, ReservationDto } from '@hall-menu/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { bearer, startTestApp, type TestApp } from './test-app';

/** MySQL hands back Dates; SQLite the UTC text it stores. */
const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`));
const beijingMonth = (value: Date | string) => beijingToday(asDate(value)).slice(0, 7);

/**
 * The demo history (SEED_DEMO_HISTORY) as `npm start` writes it, read back through SQL and the API: the same checks
 * on MySQL and on the embedded sql.js database.
 */
function describeHistory(label: string, start: () => Promise<{ t: TestApp; cleanup?: () => void }>) {
  describe(`demo history on ${label}`, () => {
    let t: TestApp;
    let cleanup: (() => void) | undefined;
    let q: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
    let reviewer: LoginResponse;
    const today = beijingToday();

    beforeAll(async () => {
      const started = Date.now();
      ({ t, cleanup } = await start());
      console.log(`${label}: app with demo data and history started in ${Date.now() - started} ms`);
      const db = t.app.get(DatabaseService);
      q = (sql, params = []) => db.manager.query(sql, params);
      reviewer = await t.login('reviewer');
    }, 180_000);
    afterAll(async () => {
      await t?.close();
      cleanup?.();
    });

    it('has orders in several states, placed and delivered over at least ten months', async () => {
      const states = await q<{ status: string; n: number | string }>('SELECT status, COUNT(*) n FROM orders GROUP BY status');
      const byState = Object.fromEntries(states.map((s) => [s.status, Number(s.n)]));
      const total = Object.values(byState).reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(600);
      expect(total).toBeLessThanOrEqual(900);
      for (const state of ['confirmed', 'declined', 'expired', 'cancelled', 'accepted', 'pending']) expect(byState[state]).toBeGreaterThan(0);
      expect(byState.confirmed / total).toBeGreaterThan(0.55);
      const placed = await q<{ created_at: Date | string }>('SELECT created_at FROM orders');
      expect(new Set(placed.map((o) => beijingMonth(o.created_at))).size).toBeGreaterThanOrEqual(10);
      const held = await q<{ scheduled_start: Date | string }>("SELECT scheduled_start FROM orders WHERE status = 'confirmed'");
      expect(new Set(held.map((o) => beijingMonth(o.scheduled_start))).size).toBeGreaterThanOrEqual(10);
      const upcoming = await q<{ n: number | string }>("SELECT COUNT(*) n FROM orders o JOIN hall_events e ON e.order_id = o.id WHERE o.status = 'accepted' AND e.status = 'scheduled' AND e.starts_at > ?", [
        t.app.get(DatabaseService).timeParam(new Date()),
      ]);
      expect(Number(upcoming[0].n)).toBeGreaterThanOrEqual(20);
    });

    it('leaves every order, reservation and need in the state of its latest history row', async () => {
      for (const [table, type] of [
        ['orders', 'order'],
        ['reservations', 'reservation'],
        ['needs', 'need'],
      ] as const) {
        const rows = await q<{ id: number; status: string; to_state: string | null }>(
          `SELECT x.id, x.status, h.to_state FROM ${table} x
           LEFT JOIN transition_history h ON h.id = (SELECT MAX(h2.id) FROM transition_history h2 WHERE h2.entity_type = ? AND h2.entity_id = x.id)`,
          [type],
        );
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.filter((r) => r.to_state !== r.status)).toEqual([]);
      }
      // History ids follow time, so timelines (ordered by id) read in order.
      const out = await q<{ n: number | string }>(
        "SELECT COUNT(*) n FROM transition_history a JOIN transition_history b ON b.entity_type = a.entity_type AND b.entity_id = a.entity_id AND b.id > a.id WHERE a.entity_type = 'order' AND b.created_at < a.created_at",
      );
      expect(Number(out[0].n)).toBe(0);
    });

    it('uses no more quota than each hall has per year, and the halls say what the orders used', async () => {
      const used = await q<{ hall_id: number; quota_year: number; n: number | string; annual_quota: number }>(
        'SELECT o.hall_id, o.quota_year, COUNT(*) n, h.annual_quota FROM orders o JOIN halls h ON h.id = o.hall_id WHERE o.quota_returned = 0 GROUP BY o.hall_id, o.quota_year, h.annual_quota',
      );
      expect(used.filter((u) => Number(u.n) > Number(u.annual_quota))).toEqual([]);
      const halls = await q<{ id: number; quota_used: number; annual_quota: number; n: number | string }>(
        'SELECT h.id, h.quota_used, h.annual_quota, (SELECT COUNT(*) FROM orders o WHERE o.hall_id = h.id AND o.quota_year = h.quota_year AND o.quota_returned = 0) n FROM halls h',
      );
      expect(halls.filter((h) => Number(h.quota_used) !== Number(h.n) || Number(h.quota_used) > Number(h.annual_quota))).toEqual([]);
      expect(halls.reduce((sum, h) => sum + Number(h.quota_used), 0)).toBeGreaterThan(0);
    });

    it('has ratings only from villagers who were checked in, and cached scores that match them', async () => {
      const strangers = await q<{ n: number | string }>(
        `SELECT COUNT(*) n FROM event_ratings r
         WHERE NOT EXISTS (SELECT 1 FROM reservations s WHERE s.event_id = r.event_id AND s.user_id = r.user_id AND s.status = 'checked_in')`,
      );
      expect(Number(strangers[0].n)).toBe(0);
      expect(Number((await q<{ n: number | string }>('SELECT COUNT(*) n FROM event_ratings'))[0].n)).toBeGreaterThan(500);
      const mismatched = await q<{ id: number }>(
        `SELECT p.id FROM service_projects p WHERE p.rating_count <> (
           (SELECT COUNT(*) FROM event_ratings r WHERE r.project_id = p.id) +
           (SELECT COUNT(*) FROM order_ratings r JOIN orders o ON o.id = r.order_id WHERE o.project_id = p.id AND r.side = 'hall'))`,
      );
      expect(mismatched).toEqual([]);
      const orderCounts = await q<{ id: number }>('SELECT p.id FROM service_projects p WHERE p.order_count <> (SELECT COUNT(*) FROM orders o WHERE o.project_id = p.id)');
      expect(orderCounts).toEqual([]);
    });

    it('shows the reviewer a city with services, attendance, satisfaction and a filled monthly trend', async () => {
      const stats = (await request(t.http)
        .get(`/api/stats?regionCode=3303&from=${addDays(today, -364)}&to=${today}`)
        .set(bearer(reviewer))
        .expect(200)).body as RegionStatsDto;
      expect(stats.servicesDelivered).toBeGreaterThan(300);
      expect(stats.attendance).toBeGreaterThan(stats.servicesDelivered);
      expect(stats.satisfaction).toBeGreaterThan(0);
      expect(stats.satisfaction).toBeLessThan(1);
      expect(stats.volunteerHours).toBeGreaterThan(0);
      expect(stats.medianResponseHours).toBeGreaterThan(0);
      expect(stats.byMonth.filter((m) => m.servicesDelivered > 0).length).toBeGreaterThanOrEqual(10);
      const counties = stats.byRegion.map((r) => r.servicesDelivered);
      expect(counties.filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);
      expect(Math.max(...counties)).toBeGreaterThan(3 * Math.min(...counties.filter((n) => n > 0)));
      expect(stats.byCategory.filter((c) => c.servicesDelivered > 0).length).toBeGreaterThanOrEqual(8);
    });

    it('flags a low-scoring project to the city reviewer and ranks the brand projects first', async () => {
      const low = (await request(t.http).get('/api/reviews/low-scores').set(bearer(reviewer)).expect(200)).body as LowScoresDto;
      expect(low.items.length).toBeGreaterThanOrEqual(1);
      for (const item of low.items) {
        expect(item.rating.count).toBeGreaterThanOrEqual(low.minRatings);
        expect(item.rating.score).toBeLessThan(low.threshold);
      }
      const inbox = (await request(t.http).get('/api/notifications').set(bearer(reviewer)).expect(200)).body as InboxDto;
      expect(inbox.items.some((n) => n.kind === 'project.low_score')).toBe(true);

      const year = Number(addDays(today, -60).slice(0, 4));
      const ranking = (await request(t.http).get(`/api/rankings?year=${year}&kind=project&regionCode=3303`).set(bearer(reviewer)).expect(200)).body as RankingDto;
      expect(ranking.items.length).toBeGreaterThan(10);
      const [first] = ranking.items;
      expect(first.services).toBe(Math.max(...ranking.items.map((r) => r.services)));
      expect(first.satisfaction).toBeGreaterThan(0.8);
    });

    it('still lets the demo manager order from the menu and the provider accept the first day asked for', async () => {
      const manager = await t.login('hall_manager');
      const provider = await t.login('provider');
      const hall = manager.me.scopes.halls[0];
      const menu = (await request(t.http).get(`/api/menu?hallId=${hall.id}&providerId=${provider.me.scopes.provider!.id}&pageSize=1`).expect(200)).body as Paged<MenuItemDto>;
      const project = (await request(t.http).get(`/api/projects/${menu.items[0].id}`).expect(200)).body as ProjectDto;
      const from = addDays(today, project.leadDays);
      const order = (await request(t.http)
        .post('/api/orders')
        .set(bearer(manager))
        .set('Idempotency-Key', `history-walkthrough-${Date.now()}`)
        .send({ projectId: project.id, hallId: hall.id, windows: [{ from, to: addDays(from, 14) }], expectedAudience: 150 })
        .expect(201)).body as OrderDto;
      const accepted = (await request(t.http)
        .post(`/api/orders/${order.id}/actions/accept`)
        .set(bearer(provider))
        .send({ start: `${from}T14:00:00+08:00`, end: `${from}T16:00:00+08:00` })
        .expect(200)).body as OrderDto;
      expect(accepted.status).toBe('accepted');
    });
    it('gives the demo people something to look at: the order lists, a timeline, their reservations', async () => {
      const manager = await t.login('hall_manager');
      const provider = await t.login('provider');
      const villager = await t.login('villager');
      const managed = (await request(t.http).get('/api/orders/hall?pageSize=50').set(bearer(manager)).expect(200)).body as Paged<OrderDto>;
      expect(managed.total).toBeGreaterThan(5);
      const confirmed = managed.items.find((o) => o.status === 'confirmed')!;
      const timeline = (await request(t.http).get(`/api/orders/${confirmed.id}/timeline`).set(bearer(manager)).expect(200)).body as HistoryEntryDto[];
      expect(timeline[0]).toMatchObject({ event: 'create', toState: 'pending' });
      expect(timeline.map((h) => h.event)).toEqual(expect.arrayContaining(['check_in', 'complete']));
      expect(timeline[timeline.length - 1].toState).toBe('confirmed');
      const times = timeline.map((h) => Date.parse(h.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));

      const providerOrders = (await request(t.http).get('/api/orders/provider').set(bearer(provider)).expect(200)).body as Paged<OrderDto>;
      expect(providerOrders.total).toBeGreaterThan(5);
      expect(providerOrders.items.some((o) => o.status === 'pending')).toBe(true);
      const mine = (await request(t.http).get('/api/reservations/mine').set(bearer(villager)).expect(200)).body as ReservationDto[];
      expect(mine.some((r) => r.status === 'checked_in')).toBe(true);
    });

  });
}

describeHistory('MySQL', async () => ({ t: await startTestApp({ SEED_DEMO_HISTORY: 'true', JOB_INTERVAL_SECONDS: '0' }) }));

describeHistory('the embedded database (sql.js)', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-menu-history-'));
  // An empty DATABASE_URL means "not set": the embedded database in DATA_DIR, as `npm start` has it.
  const t = await startTestApp({ DATABASE_URL: '', DATA_DIR: dataDir, SEED_DEMO_HISTORY: 'true', JOB_INTERVAL_SECONDS: '0' });
  return { t, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
});
