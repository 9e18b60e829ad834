import type { LoginResponse, RankingDto, RegionStatsDto, StatsReportDto } from '@hall-menu/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { buildWorld, Q3_NEEDS, Q3_ORDERS } from './stats-fixture';
import { bearer, startTestApp, type TestApp } from './test-app';

/**
 * The embedded database (sql.js) a new user starts with runs the same migrations and the same statistics SQL
 * (dates, months, medians and durations are written differently there): the Q3 fixture gives the same answers.
 */
describe('statistics on the embedded database (sql.js)', () => {
  let t: TestApp;
  let reviewer: LoginResponse;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-menu-stats-'));

  beforeAll(async () => {
    // An empty DATABASE_URL means none: the server opens an sql.js file in DATA_DIR.
    t = await startTestApp({ DATABASE_URL: '', DATA_DIR: dataDir, JOB_INTERVAL_SECONDS: '0' });
    reviewer = await t.login('reviewer');
    await buildWorld(t, '330381', Q3_ORDERS, Q3_NEEDS);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('computes the Q3 figures exactly as on MySQL', async () => {
    const stats = (await request(t.http).get('/api/stats?regionCode=330381&from=2026-07-01&to=2026-09-30').set(bearer(reviewer)).expect(200)).body as RegionStatsDto;
    expect(stats).toMatchObject({
      ordersPlaced: 10,
      ordersByState: { confirmed: 5, declined: 1, expired: 1, accepted: 1, cancelled: 1, completed: 1 },
      completionRate: 0.625,
      medianResponseHours: 4.5,
      servicesDelivered: 6,
      attendance: 540,
      volunteerHours: 35,
      ratingsCount: 10,
      satisfaction: 0.7,
      hallsServed: 3,
      hallsTotal: 5,
      unmetNeeds: 2,
    });
    expect(stats.byMonth.map((m) => [m.key, m.ordersPlaced, m.servicesDelivered, m.volunteerHours])).toEqual([
      ['2026-07', 5, 3, 20],
      ['2026-08', 2, 2, 11],
      ['2026-09', 3, 1, 4],
    ]);
    const report = (await request(t.http).get('/api/stats/report?regionCode=330381&from=2026-07-01&to=2026-09-30').set(bearer(reviewer)).expect(200)).body as StatsReportDto;
    expect(report.paragraphs[0]).toContain('共开展服务6场次，参与群众540人次，群众满意度70%，覆盖60%的文化礼堂');
    await request(t.http).get('/api/stats/export.xlsx?regionCode=330381&from=2026-07-01&to=2026-09-30').set(bearer(reviewer)).expect(200);
  });

  it('ranks on the embedded database too', async () => {
    const ranking = (await request(t.http).get('/api/rankings?year=2026&kind=hall&regionCode=330381').set(bearer(reviewer)).expect(200)).body as RankingDto;
    // Nobody rated the halls: 100 × (0.35 S/2 + 0.25 A/250 + 0.25 × 0.8).
    expect(ranking.items.map((r) => [r.services, r.attendance, r.score])).toEqual([
      [2, 250, 80],
      [2, 200, 75],
      [1, 60, 43.5],
      [1, 30, 40.5],
    ]);
  });
});
