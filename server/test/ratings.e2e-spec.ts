import { ErrorCode, type EventRatingDto, type LoginResponse, type MenuItemDto, type Paged, type ReservationDto } from '@hall-menu/shared';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { DatabaseService } from '../src/database/database.service';
import { acceptedOrder, publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('ratings feed back into the menu (MySQL)', () => {
  let t: TestApp;
  let manager: LoginResponse;
  let provider: LoginResponse;
  let villager: LoginResponse;
  let reviewer: LoginResponse;
  let projectId: number;
  let eventId: number;
  let orderId: number;
  let start: number;

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    manager = await t.login('hall_manager');
    provider = await t.login('provider');
    villager = await t.login('villager');
    reviewer = await t.login('reviewer');
    const hallId = manager.me.scopes.halls[0].id;
    await t.app.get(DatabaseService).manager.query('UPDATE halls SET annual_quota = 100 WHERE id = ?', [hallId]);
    projectId = (await publishedProjectFor(t, provider, reviewer, manager, '评价测试越剧专场')).id;
    const order = await acceptedOrder(t, { manager, provider }, projectId, hallId, 3);
    orderId = order.id;
    eventId = order.event!.id;
    start = Date.parse(order.scheduledStart!);
    const reservation = (await request(t.http).post(`/api/events/${eventId}/reservations`).set(bearer(villager)).send({ seats: 1 }).expect(201)).body as ReservationDto;
    // Before the villager is checked in, they cannot rate.
    expect((await request(t.http).post(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 5 }).expect(403)).body.code).toBe(ErrorCode.OutOfScope);
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(start - HOUR));
    await request(t.http).post(`/api/events/${eventId}/check-ins`).set(bearer(manager)).send({ code: reservation.code }).expect(200);
    await request(t.http).post(`/api/orders/${orderId}/actions/check_in`).set(bearer(provider)).send({}).expect(200);
    await request(t.http).post(`/api/orders/${orderId}/actions/complete`).set(bearer(provider)).send({ headCount: 150 }).expect(200);
  });
  afterAll(() => t.close());

  it('lets a checked-in villager rate once, edit within 7 days, and moves the project score on the menu', async () => {
    const rated = (await request(t.http).post(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 4, text: '唱得真好' }).expect(201)).body as EventRatingDto;
    expect(rated).toMatchObject({ stars: 4, text: '唱得真好', hidden: false });
    expect(rated.authorName).toMatch(/^.\*\*$/);
    expect((await request(t.http).post(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 5 }).expect(409)).body.code).toBe(ErrorCode.AlreadyRated);
    await request(t.http).post(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 9 }).expect(400);

    await request(t.http).put(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 5, text: '唱得真好，下次还来' }).expect(200);
    const menu = (await request(t.http).get(`/api/menu?keyword=${encodeURIComponent('评价测试')}`).expect(200)).body as Paged<MenuItemDto>;
    expect(menu.items[0]).toMatchObject({ id: projectId, ratingAverage: 5, ratingCount: 1 });

    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 8 * DAY));
    expect((await request(t.http).put(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 1 }).expect(409)).body.message).toContain('7 天');
  });

  it('lets each side rate a confirmed order once, on its own dimensions', async () => {
    await request(t.http).post(`/api/orders/${orderId}/ratings/hall`).set(bearer(manager)).send({ scores: { content: 5, punctuality: 4, audience: 5 } }).expect(409);
    await request(t.http).post(`/api/orders/${orderId}/actions/confirm`).set(bearer(manager)).send({}).expect(200);
    const hallSide = await request(t.http).post(`/api/orders/${orderId}/ratings/hall`).set(bearer(manager)).send({ scores: { content: 5, punctuality: 4, audience: 3 }, text: '准时到场' }).expect(201);
    expect(hallSide.body).toMatchObject({ side: 'hall', stars: 4 });
    await request(t.http).post(`/api/orders/${orderId}/ratings/hall`).set(bearer(manager)).send({ scores: { content: 5, punctuality: 5, audience: 5 } }).expect(409);
    await request(t.http).post(`/api/orders/${orderId}/ratings/provider`).set(bearer(provider)).send({ scores: { organisation: 5 } }).expect(400);
    await request(t.http).post(`/api/orders/${orderId}/ratings/provider`).set(bearer(provider)).send({ scores: { organisation: 5, turnout: 4 } }).expect(201);
    const menu = (await request(t.http).get(`/api/menu?keyword=${encodeURIComponent('评价测试')}`).expect(200)).body as Paged<MenuItemDto>;
    expect(menu.items[0]).toMatchObject({ ratingAverage: 4.5, ratingCount: 2 });
  });

  it('shows the delivered service in the region statistics and the CSV export', async () => {
    const county = manager.me.scopes.halls[0].villageCode.slice(0, 6);
    const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
    const stats = (await request(t.http).get(`/api/stats?region=${county}&from=2026-01-01&to=${today}`).set(bearer(reviewer)).expect(200)).body;
    expect(stats).toMatchObject({ servicesDelivered: 1, attendance: 150, satisfaction: 1, ratingsCount: 1, hallsServed: 1 });
    expect(stats.ordersByState.confirmed).toBe(1);
    expect(stats.completionRate).toBe(1);
    expect(stats.medianResponseHours).not.toBeNull();
    expect(stats.byCategory[0]).toMatchObject({ key: 'performance', label: '文艺演出', services: 1, attendance: 150 });
    expect(stats.summary).toContain('共开展服务 1 场次，参与群众 150 人次，群众满意度 100%');
    const csv = await request(t.http).get(`/api/stats/export.csv?region=${county}&from=2026-01-01&to=${today}`).set(bearer(reviewer)).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('参与群众人次,150');
    await request(t.http).get(`/api/stats?from=2026-01-01&to=${today}`).set(bearer(manager)).expect(403);
    await request(t.http).get(`/api/stats?region=330302&from=2026-01-01&to=${today}`).set(bearer(await t.login('reviewer', (await t.app.get(DatabaseService).manager.query("SELECT user_id FROM user_roles WHERE role = 'reviewer' AND LENGTH(region_code) = 6 LIMIT 1"))[0].user_id))).expect(403);
  });

  it('lets a reviewer hide an abusive rating with a reason, after which it no longer counts', async () => {
    const [rating] = (await request(t.http).get(`/api/events/${eventId}/ratings`).expect(200)).body as EventRatingDto[];
    await request(t.http).post(`/api/event-ratings/${rating.id}/hide`).set(bearer(reviewer)).send({}).expect(400);
    await request(t.http).post(`/api/event-ratings/${rating.id}/hide`).set(bearer(manager)).send({ reason: '辱骂' }).expect(403);
    await request(t.http).post(`/api/event-ratings/${rating.id}/hide`).set(bearer(reviewer)).send({ reason: '含有人身攻击' }).expect(201);
    expect((await request(t.http).get(`/api/events/${eventId}/ratings`).expect(200)).body).toEqual([]);
    const menu = (await request(t.http).get(`/api/menu?keyword=${encodeURIComponent('评价测试')}&sort=rating`).expect(200)).body as Paged<MenuItemDto>;
    expect(menu.items[0]).toMatchObject({ ratingAverage: 4, ratingCount: 1 });
  });
});
