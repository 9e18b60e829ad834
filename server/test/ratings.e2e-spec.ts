import { ErrorCode, type EventDetailDto, type EventRatingDto, type LoginResponse, type MenuItemDto, type OrderRatingDto, type Paged, type ProviderDto, type ReservationDto } from '@hall-menu/shared';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { DatabaseService } from '../src/database/database.service';
import { acceptedOrder, heldService, publishedProjectFor } from './fixtures';
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
    const reservation = (await request(t.http).post(`/api/events/${eventId}/reservations`).set(bearer(villager)).send({ seats: 1 }).expect(201)).body as ReservationDto;
    // Before the villager is checked in, they cannot rate.
    expect((await request(t.http).post(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 5 }).expect(403)).body.code).toBe(ErrorCode.OutOfScope);
    await heldService(t, { manager, provider }, order, { reservationCodes: [reservation.code], headCount: 150 });
  });
  afterAll(() => t.close());

  it('lets a checked-in villager rate once, edit within 7 days, and moves the project score on the menu', async () => {
    // Text passes the sensitive-word check first: nothing is stored when it fails.
    const abusive = await request(t.http).post(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 1, text: '演得像个傻逼' }).expect(400);
    expect(abusive.body).toMatchObject({ code: ErrorCode.SensitiveContent, details: { fields: [{ field: 'text' }] } });
    expect(abusive.body.message).toContain('傻逼');
    await request(t.http).post(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 4, photo: 'https://example.com/a.jpg' }).expect(400);
    const rated = (await request(t.http).post(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 4, text: '唱得真好', photo: '/uploads/2026/11/rating.jpg' }).expect(201)).body as EventRatingDto;
    expect(rated).toMatchObject({ stars: 4, text: '唱得真好', photo: '/uploads/2026/11/rating.jpg', hidden: false });
    expect(rated.authorName).toMatch(/^.\*\*$/);
    expect((await request(t.http).post(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 5 }).expect(409)).body.code).toBe(ErrorCode.AlreadyRated);
    await request(t.http).post(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 9 }).expect(400);

    expect((await request(t.http).put(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 5, text: '草你妈' }).expect(400)).body.code).toBe(ErrorCode.SensitiveContent);
    await request(t.http).put(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 5, text: '唱得真好，下次还来' }).expect(200);
    const menu = (await request(t.http).get(`/api/menu?keyword=${encodeURIComponent('评价测试')}`).expect(200)).body as Paged<MenuItemDto>;
    expect(menu.items[0]).toMatchObject({ id: projectId, ratingAverage: 5, ratingCount: 1 });
    // The provider's score (all its projects) is on the card too: (4.0 × 5 + 5) / 6 = 4.17.
    expect(menu.items[0].providerRating).toEqual({ average: 5, count: 1, score: 4.17, satisfaction: 1 });

    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 8 * DAY));
    expect((await request(t.http).put(`/api/events/${eventId}/rating`).set(bearer(villager)).send({ stars: 1 }).expect(409)).body.message).toContain('7 天');
  });

  it('shows the rater their own rating on the event detail (so every phone of theirs knows), and nobody else', async () => {
    const detail = async (who: LoginResponse | null) => {
      const call = request(t.http).get(`/api/events/${eventId}`);
      if (who) call.set(bearer(who));
      return ((await call.expect(200)).body as EventDetailDto).myRating;
    };
    const [published] = (await request(t.http).get(`/api/events/${eventId}/ratings`).expect(200)).body as EventRatingDto[];
    const mine = await detail(villager);
    expect(mine).toEqual(published);
    expect(mine).toMatchObject({ eventId, stars: 5, text: '唱得真好，下次还来', hidden: false });
    expect(Date.parse(mine!.createdAt)).not.toBeNaN();

    const [other] = await t.app.get(DatabaseService).manager.query(
      "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'villager' AND u.id <> ? ORDER BY u.id LIMIT 1",
      [villager.me.id],
    );
    expect(await detail(await t.login('villager', Number(other.id)))).toBeNull();
    expect(await detail(manager)).toBeNull();
    expect(await detail(null)).toBeNull();
  });

  it('lets each side rate a confirmed order once, on its own dimensions', async () => {
    await request(t.http).post(`/api/orders/${orderId}/ratings/hall`).set(bearer(manager)).send({ scores: { content: 5, punctuality: 4, audience: 5 } }).expect(409);
    await request(t.http).post(`/api/orders/${orderId}/actions/confirm`).set(bearer(manager)).send({}).expect(200);
    expect((await request(t.http).post(`/api/orders/${orderId}/ratings/hall`).set(bearer(manager)).send({ scores: { content: 1, punctuality: 1, audience: 1 }, text: '一群王八蛋' }).expect(400)).body.code).toBe(ErrorCode.SensitiveContent);
    const hallSide = await request(t.http).post(`/api/orders/${orderId}/ratings/hall`).set(bearer(manager)).send({ scores: { content: 5, punctuality: 4, audience: 3 }, text: '准时到场' }).expect(201);
    expect(hallSide.body).toMatchObject({ side: 'hall', stars: 4 });
    await request(t.http).post(`/api/orders/${orderId}/ratings/hall`).set(bearer(manager)).send({ scores: { content: 5, punctuality: 5, audience: 5 } }).expect(409);
    await request(t.http).post(`/api/orders/${orderId}/ratings/provider`).set(bearer(provider)).send({ scores: { organisation: 5 } }).expect(400);
    expect((await request(t.http).post(`/api/orders/${orderId}/ratings/provider`).set(bearer(provider)).send({ scores: { organisation: 1, turnout: 1 }, text: '网赌的人太多' }).expect(400)).body.code).toBe(ErrorCode.SensitiveContent);
    await request(t.http).post(`/api/orders/${orderId}/ratings/provider`).set(bearer(provider)).send({ scores: { organisation: 5, turnout: 4 } }).expect(201);
    const menu = (await request(t.http).get(`/api/menu?keyword=${encodeURIComponent('评价测试')}`).expect(200)).body as Paged<MenuItemDto>;
    expect(menu.items[0]).toMatchObject({ ratingAverage: 4.5, ratingCount: 2 });

    // Provider: villager 5 and manager 4 → (20 + 9) / 7; hall: the provider's 4.5 → (20 + 4.5) / 6.
    const profile = (await request(t.http).get(`/api/providers/${provider.me.scopes.provider!.id}`).expect(200)).body as ProviderDto;
    expect(profile.rating).toEqual({ average: 4.5, count: 2, score: 4.14, satisfaction: 1 });
    const hallId = manager.me.scopes.halls[0].id;
    const scores = (await request(t.http).get(`/api/scores?subject=hall&ids=${hallId},999999`).set(bearer(provider)).expect(200)).body;
    expect(scores).toEqual({ [hallId]: { average: 4.5, count: 1, score: 4.08, satisfaction: 1 }, 999999: { average: null, count: 0, score: 4, satisfaction: null } });
    await request(t.http).get(`/api/scores?subject=hall&ids=1;2`).set(bearer(provider)).expect(400);

    const both = (await request(t.http).get(`/api/orders/${orderId}/ratings`).set(bearer(manager)).expect(200)).body as OrderRatingDto[];
    expect(both.map((r) => [r.side, r.stars, r.hidden])).toEqual([
      ['hall', 4, false],
      ['provider', 4.5, false],
    ]);
    await request(t.http).get(`/api/orders/${orderId}/ratings`).set(bearer(villager)).expect(403);
  });

  it('shows the delivered service in the region statistics and the CSV export', async () => {
    const county = manager.me.scopes.halls[0].villageCode.slice(0, 6);
    // Services count on the day they are held: this one is three days ahead.
    const today = new Date(Date.now() + 8 * HOUR + 7 * DAY).toISOString().slice(0, 10);
    const stats = (await request(t.http).get(`/api/stats?regionCode=${county}&from=2026-01-01&to=${today}`).set(bearer(reviewer)).expect(200)).body;
    expect(stats).toMatchObject({ servicesDelivered: 1, attendance: 150, satisfaction: 1, ratingsCount: 1, hallsServed: 1 });
    expect(stats.ordersByState.confirmed).toBe(1);
    expect(stats.completionRate).toBe(1);
    expect(stats.medianResponseHours).not.toBeNull();
    expect(stats.byCategory[0]).toMatchObject({ key: 'performance', label: '文艺演出', servicesDelivered: 1, attendance: 150 });
    expect(stats.summary).toContain('共开展服务1场次，参与群众150人次，群众满意度100%');
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
    // Its author still sees it as theirs, marked hidden.
    expect(((await request(t.http).get(`/api/events/${eventId}`).set(bearer(villager)).expect(200)).body as EventDetailDto).myRating).toMatchObject({ id: rating.id, hidden: true });
    const menu = (await request(t.http).get(`/api/menu?keyword=${encodeURIComponent('评价测试')}&sort=rating`).expect(200)).body as Paged<MenuItemDto>;
    expect(menu.items[0]).toMatchObject({ ratingAverage: 4, ratingCount: 1 });
    expect(menu.items[0].providerRating).toEqual({ average: 4, count: 1, score: 4, satisfaction: 1 });
    await request(t.http).post(`/api/event-ratings/${rating.id}/hide`).set(bearer(reviewer)).send({ reason: '再隐藏一次' }).expect(409);

    // The provider's rating of the hall can be hidden too; the hall's score follows.
    const [, hallRating] = (await request(t.http).get(`/api/orders/${orderId}/ratings`).set(bearer(reviewer)).expect(200)).body as OrderRatingDto[];
    await request(t.http).post(`/api/order-ratings/${hallRating.id}/hide`).set(bearer(reviewer)).send({}).expect(400);
    const hidden = (await request(t.http).post(`/api/order-ratings/${hallRating.id}/hide`).set(bearer(reviewer)).send({ reason: '与事实不符' }).expect(201)).body as OrderRatingDto;
    expect(hidden).toMatchObject({ side: 'provider', hidden: true });
    const hallId = manager.me.scopes.halls[0].id;
    expect((await request(t.http).get(`/api/scores?subject=hall&ids=${hallId}`).set(bearer(provider)).expect(200)).body[hallId]).toMatchObject({ count: 0, average: null });

    const history = await t.app.get(DatabaseService).manager.query(
      "SELECT entity_type, from_state, to_state, event, reason FROM transition_history WHERE entity_type IN ('event_rating', 'order_rating') ORDER BY id",
    );
    expect(history).toEqual([
      { entity_type: 'event_rating', from_state: 'visible', to_state: 'hidden', event: 'hide', reason: '含有人身攻击' },
      { entity_type: 'order_rating', from_state: 'visible', to_state: 'hidden', event: 'hide', reason: '与事实不符' },
    ]);
  });
});
