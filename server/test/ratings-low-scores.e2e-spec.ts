import { type InboxDto, type LoginResponse, type LowScoresDto, type ReservationDto } from '@hall-menu/shared';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { DatabaseService } from '../src/database/database.service';
import { acceptedOrder, makeVillagers, publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

const HOUR = 3_600_000;

describe('low-score flags for reviewers (MySQL, flagged below 3.0 with 3 ratings)', () => {
  let t: TestApp;
  let manager: LoginResponse;
  let reviewer: LoginResponse;
  let countyReviewer: LoginResponse;
  let projectId: number;
  let eventId: number;
  let villagers: { id: number; token: string }[];
  const as = (v: { token: string }) => ({ Authorization: `Bearer ${v.token}` });

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0', LOW_SCORE_THRESHOLD: '3', LOW_SCORE_MIN_RATINGS: '3' });
    manager = await t.login('hall_manager');
    const provider = await t.login('provider');
    reviewer = await t.login('reviewer');
    const db = t.app.get(DatabaseService);
    countyReviewer = await t.login('reviewer', (await db.manager.query("SELECT user_id FROM user_roles WHERE role = 'reviewer' AND region_code = '330381'"))[0].user_id);
    const hall = manager.me.scopes.halls[0];
    await db.manager.query('UPDATE halls SET annual_quota = 100 WHERE id = ?', [hall.id]);
    projectId = (await publishedProjectFor(t, provider, reviewer, manager, '低分预警测试小品')).id;
    const order = await acceptedOrder(t, { manager, provider }, projectId, hall.id, 2);
    eventId = order.event!.id;
    villagers = await makeVillagers(t, 3, hall.villageCode, '低分村民');
    const codes: string[] = [];
    for (const v of villagers) codes.push(((await request(t.http).post(`/api/events/${eventId}/reservations`).set(as(v)).send({ seats: 1 }).expect(201)).body as ReservationDto).code);
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.parse(order.scheduledStart!) - HOUR));
    for (const code of codes) await request(t.http).post(`/api/events/${eventId}/check-ins`).set(bearer(manager)).send({ code }).expect(200);
  });
  afterAll(() => t.close());

  const lowScores = async (who: LoginResponse) => (await request(t.http).get('/api/reviews/low-scores').set(bearer(who)).expect(200)).body as LowScoresDto;

  it('flags a project once enough low ratings pull its Bayesian score under the threshold, and tells the reviewers', async () => {
    await request(t.http).post(`/api/events/${eventId}/rating`).set(as(villagers[0])).send({ stars: 1, text: '声音太小听不清' }).expect(201);
    await request(t.http).post(`/api/events/${eventId}/rating`).set(as(villagers[1])).send({ stars: 2, text: '迟到了一个小时' }).expect(201);
    // Two ratings are not enough, however low.
    expect((await lowScores(reviewer)).items).toEqual([]);
    await request(t.http).post(`/api/events/${eventId}/rating`).set(as(villagers[2])).send({ stars: 1, text: '节目太短' }).expect(201);
    // (4.0 × 5 + 1 + 2 + 1) / 8 = 3.0: at the threshold, not below it.
    expect((await lowScores(reviewer)).items).toEqual([]);

    // One rating edited down: (20 + 3) / 8 = 2.875.
    await request(t.http).put(`/api/events/${eventId}/rating`).set(as(villagers[1])).send({ stars: 1, text: '迟到了一个小时，节目也短' }).expect(200);
    const flagged = await lowScores(reviewer);
    expect(flagged).toMatchObject({ threshold: 3, minRatings: 3, total: 1 });
    expect(flagged.items[0]).toMatchObject({ projectId, title: '低分预警测试小品', rating: { average: 1, count: 3, score: 2.88, satisfaction: 0 } });
    expect(flagged.items[0].recentComplaints.map((c) => c.text)).toEqual(['节目太短', '迟到了一个小时，节目也短', '声音太小听不清']);
    // The project's service area is the county: its county reviewer sees it too, and both were told once.
    expect((await lowScores(countyReviewer)).items.map((i) => i.projectId)).toEqual([projectId]);
    for (const who of [reviewer, countyReviewer]) {
      const inbox = (await request(t.http).get('/api/notifications').set(bearer(who)).expect(200)).body as InboxDto;
      expect(inbox.items.filter((n) => n.kind === 'project.low_score').map((n) => n.body)).toEqual(['「低分预警测试小品」综合评分 2.9（3 条评价），低于 3.0，请关注']);
    }
    await request(t.http).get('/api/reviews/low-scores').set(bearer(manager)).expect(403);
  });

  it('drops the flag when a hidden rating takes the project under the minimum count', async () => {
    const [rating] = (await request(t.http).get(`/api/events/${eventId}/ratings`).expect(200)).body as { id: number }[];
    await request(t.http).post(`/api/event-ratings/${rating.id}/hide`).set(bearer(reviewer)).send({ reason: '恶意差评' }).expect(201);
    expect((await lowScores(reviewer)).items).toEqual([]);
    const [row] = await t.app.get(DatabaseService).manager.query("SELECT ratings_count, flagged_at FROM rating_scores WHERE subject_type = 'project' AND subject_id = ?", [projectId]);
    expect(row).toEqual({ ratings_count: 2, flagged_at: null });
  });
});
