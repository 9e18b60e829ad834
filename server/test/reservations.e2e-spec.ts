import { ErrorCode, type EventDetailDto, type HallEventDto, type LoginResponse, type OrderDto, type Paged, type ReservationDto } from '@hall-menu/shared';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { DatabaseService } from '../src/database/database.service';
import { ReservationsService } from '../src/modules/reservations/reservations.service';
import { acceptedOrder, makeVillagers, publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

const HOUR = 3_600_000;

describe('villagers: events, reservations, waitlist, check-in, no-shows (MySQL)', () => {
  let t: TestApp;
  let db: DatabaseService;
  let manager: LoginResponse;
  let provider: LoginResponse;
  let villager: LoginResponse;
  let hallId: number;
  let villageCode: string;
  let projectId: number;
  let day = 2;

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    db = t.app.get(DatabaseService);
    manager = await t.login('hall_manager');
    provider = await t.login('provider');
    villager = await t.login('villager');
    const reviewer = await t.login('reviewer');
    hallId = manager.me.scopes.halls[0].id;
    villageCode = manager.me.scopes.halls[0].villageCode;
    await db.manager.query('UPDATE halls SET annual_quota = 100 WHERE id = ?', [hallId]);
    projectId = (await publishedProjectFor(t, provider, reviewer, manager, '预约测试文艺演出')).id;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  /** A new event on its own day, with the given number of seats. */
  async function newEvent(seats: number): Promise<{ order: OrderDto; eventId: number }> {
    const order = await acceptedOrder(t, { manager, provider }, projectId, hallId, day++);
    await db.manager.query('UPDATE hall_events SET seats = ? WHERE id = ?', [seats, order.event!.id]);
    return { order, eventId: order.event!.id };
  }
  const reserve = (token: string, eventId: number, seats = 1) =>
    request(t.http).post(`/api/events/${eventId}/reservations`).set('Authorization', `Bearer ${token}`).send({ seats });
  const detail = async (eventId: number, login?: LoginResponse) =>
    (await (login ? request(t.http).get(`/api/events/${eventId}`).set(bearer(login)) : request(t.http).get(`/api/events/${eventId}`)).expect(200)).body as EventDetailDto;

  it('never reserves more seats than the event has: 1,000 villagers at once for 100 seats', async () => {
    const { eventId } = await newEvent(100);
    const people = await makeVillagers(t, 1000, villageCode, '村民');
    const answers = await Promise.all(people.map((p) => reserve(p.token, eventId)));
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    const reserved = answers.filter((a) => a.status === 201 && a.body.status === 'reserved');
    const waitlisted = answers.filter((a) => a.status === 201 && a.body.status === 'waitlisted');
    const full = answers.filter((a) => a.status === 409);
    expect(reserved).toHaveLength(100);
    expect(waitlisted).toHaveLength(100);
    expect(full).toHaveLength(800);
    for (const answer of full) expect(answer.body).toMatchObject({ code: ErrorCode.EventFull, message: '座位和候补名额都已满，请关注其他活动' });
    const after = await detail(eventId);
    expect(after).toMatchObject({ seatsReserved: 100, seatsLeft: 0, waitlistCount: 100 });
    const [{ n }] = await db.manager.query("SELECT COALESCE(SUM(seats), 0) n FROM reservations WHERE event_id = ? AND status = 'reserved'", [eventId]);
    expect(Number(n)).toBe(100);

    // A cancellation frees a seat for the first in line.
    const leaving = reserved[0].body as ReservationDto;
    const leaver = people.find((p) => answers[people.indexOf(p)].body.id === leaving.id)!;
    const firstWaiting = (waitlisted.map((w) => w.body as ReservationDto).sort((a, b) => a.id - b.id))[0];
    expect(firstWaiting.waitlistPosition).toBe(1);
    await request(t.http).post(`/api/reservations/${leaving.id}/cancel`).set('Authorization', `Bearer ${leaver.token}`).send({}).expect(200);
    const promoted = people[answers.findIndex((a) => a.body.id === firstWaiting.id)];
    const now = (await request(t.http).get(`/api/reservations/${firstWaiting.id}`).set('Authorization', `Bearer ${promoted.token}`).expect(200)).body as ReservationDto;
    expect(now.status).toBe('reserved');
    expect((await detail(eventId)).seatsReserved).toBe(100);
  });

  it('holds the per-person limit when one villager fires 20 requests at once', async () => {
    const { eventId } = await newEvent(50);
    const [person] = await makeVillagers(t, 1, villageCode, '急性子');
    const answers = await Promise.all(Array.from({ length: 20 }, () => reserve(person.token, eventId, 2)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 201)) expect(refused.body.code).toBe(ErrorCode.AlreadyReserved);
    expect((await detail(eventId)).seatsReserved).toBe(2);
    expect((await reserve(person.token, eventId, 4).expect(400)).body.message).toContain('每人最多预约 3 个座位');
  });

  it('checks villagers in by code, only for their own event and only once', async () => {
    const first = await newEvent(30);
    const second = await newEvent(30);
    const mine = (await reserve(villager.tokens.accessToken, first.eventId).expect(201)).body as ReservationDto;
    expect(mine.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const checkIn = (eventId: number, code: string) => request(t.http).post(`/api/events/${eventId}/check-ins`).set(bearer(manager)).send({ code });

    expect((await checkIn(first.eventId, mine.code).expect(409)).body.message).toContain('签到');
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.parse(first.order.scheduledStart!) - HOUR));
    expect((await checkIn(second.eventId, mine.code).expect(409)).body.message).toBe('这个预约码不是本场活动的，请核对活动');
    const done = (await checkIn(first.eventId, mine.code.toLowerCase()).expect(200)).body;
    expect(done.reservation.status).toBe('checked_in');
    expect(done.holderName).toBe(villager.me.nickname);
    expect((await checkIn(first.eventId, mine.code).expect(409)).body.message).toBe('这个预约码已经签到过了');
    await request(t.http).post(`/api/events/${first.eventId}/check-ins`).set(bearer(villager)).send({ code: mine.code }).expect(403);
    const walkIns = (await request(t.http).post(`/api/events/${first.eventId}/walk-ins`).set(bearer(manager)).send({ count: 12 }).expect(200)).body as EventDetailDto;
    expect(walkIns).toMatchObject({ walkIns: 12, checkedIn: 1 });
  });

  it('lets the manager open fewer seats than the hall has, never fewer than are reserved', async () => {
    const { eventId } = await newEvent(100);
    await reserve(villager.tokens.accessToken, eventId, 3).expect(201);
    const lowered = (await request(t.http).put(`/api/events/${eventId}/seats`).set(bearer(manager)).send({ seats: 40 }).expect(200)).body as EventDetailDto;
    expect(lowered).toMatchObject({ seats: 40, seatsLeft: 37 });
    expect((await request(t.http).put(`/api/events/${eventId}/seats`).set(bearer(manager)).send({ seats: 2 }).expect(409)).body.message).toContain('已经有 3 个座位被预约');
    expect((await request(t.http).put(`/api/events/${eventId}/seats`).set(bearer(manager)).send({ seats: 4000 }).expect(400)).body.message).toContain('礼堂只有');
    await request(t.http).put(`/api/events/${eventId}/seats`).set(bearer(villager)).send({ seats: 10 }).expect(403);
  });

  it('lets a manager reserve for a villager without a phone, counted like any other', async () => {
    const { eventId } = await newEvent(3);
    const proxy = (await request(t.http).post(`/api/events/${eventId}/proxy-reservations`).set(bearer(manager)).send({ seats: 2, guestName: '王阿婆' }).expect(201)).body as ReservationDto;
    expect(proxy).toMatchObject({ status: 'reserved', guestName: '王阿婆', seats: 2 });
    expect((await detail(eventId)).seatsLeft).toBe(1);
    const waiting = (await reserve(villager.tokens.accessToken, eventId, 2).expect(201)).body as ReservationDto;
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const other = await t.login('hall_manager', (await db.manager.query("SELECT user_id FROM user_roles WHERE role = 'hall_manager' ORDER BY user_id"))[1].user_id);
    await request(t.http).post(`/api/events/${eventId}/proxy-reservations`).set(bearer(other)).send({ seats: 1, guestName: '李大伯' }).expect(403);
  });

  it('marks no-shows after the event and suspends a villager who keeps not coming, telling them why', async () => {
    const [person] = await makeVillagers(t, 1, villageCode, '爽约者');
    const events = [await newEvent(10), await newEvent(10), await newEvent(10)];
    for (const e of events) await reserve(person.token, e.eventId).expect(201);
    const last = events[events.length - 1].order;
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.parse(last.scheduledEnd!) + HOUR));
    const closed = await t.app.get(ReservationsService).closeEndedEvents();
    expect(closed.noShows).toBeGreaterThanOrEqual(3);
    expect(closed.suspended).toBeGreaterThanOrEqual(1);
    expect((await t.app.get(ReservationsService).closeEndedEvents()).events).toBe(0);
    jest.restoreAllMocks();

    const { eventId } = await newEvent(10);
    const refused = await reserve(person.token, eventId).expect(403);
    expect(refused.body.code).toBe(ErrorCode.ReservationSuspended);
    expect(refused.body.message).toMatch(/12 个月内预约后未到场 3 次，预约资格暂停至 \d{4}-\d{2}-\d{2}/);
    expect(refused.body.details.until).toBeTruthy();
  });

  it('lists upcoming events at a villager\u2019s own and followed halls', async () => {
    const { eventId } = await newEvent(40);
    const feed = (await request(t.http).get('/api/events?pageSize=100').set(bearer(villager)).expect(200)).body as Paged<HallEventDto>;
    expect(feed.items.map((e) => e.id)).toContain(eventId);
    expect(feed.items.every((e) => e.hallId === hallId || e.hallId !== undefined)).toBe(true);
    const seen = await detail(eventId, villager);
    expect(seen).toMatchObject({ seats: 40, seatsLeft: 40, myReservation: null, maxSeatsPerPerson: 3 });
    const otherHall = manager.me.scopes.halls[1]?.id ?? hallId;
    expect((await request(t.http).post(`/api/halls/${otherHall}/follow`).set(bearer(villager)).expect(200)).body).toContain(otherHall);
    expect((await request(t.http).get('/api/me/halls').set(bearer(villager)).expect(200)).body).toEqual({ villageHallIds: [hallId], followedHallIds: [otherHall] });
  });

  it('shows a villager events at nearby halls of their township, not at halls elsewhere', async () => {
    const { eventId } = await newEvent(30);
    const [far] = await db.manager.query('SELECT id, village_code FROM halls WHERE SUBSTR(village_code, 1, 9) <> ? ORDER BY id LIMIT 1', [villageCode.slice(0, 9)]);
    const [stranger] = await makeVillagers(t, 1, far.village_code, '外乡人');
    const feed = (await request(t.http).get('/api/events?pageSize=100').set('Authorization', `Bearer ${stranger.token}`).expect(200)).body as Paged<HallEventDto>;
    expect(feed.items.map((e) => e.id)).not.toContain(eventId);
    const [neighbourVillage] = await db.manager.query("SELECT code FROM regions WHERE level = 'village' AND code LIKE ? AND code <> ? LIMIT 1", [`${villageCode.slice(0, 9)}%`, villageCode]);
    const [neighbour] = await makeVillagers(t, 1, neighbourVillage.code, '邻村人');
    const near = (await request(t.http).get('/api/events?pageSize=100').set('Authorization', `Bearer ${neighbour.token}`).expect(200)).body as Paged<HallEventDto>;
    expect(near.items.map((e) => e.id)).toContain(eventId);
  });

  it('lets a villager choose their village, which decides the hall they see first', async () => {
    const [other] = await db.manager.query('SELECT id, village_code FROM halls WHERE village_code <> ? ORDER BY id LIMIT 1', [villageCode]);
    const moved = (await request(t.http).put('/api/me/village').set(bearer(villager)).send({ villageCode: other.village_code }).expect(200)).body;
    expect(moved.villageHallIds).toEqual([Number(other.id)]);
    expect((await request(t.http).get('/api/me').set(bearer(villager)).expect(200)).body.scopes.village.code).toBe(other.village_code);
    expect((await request(t.http).put('/api/me/village').set(bearer(villager)).send({ villageCode: other.village_code.slice(0, 9) }).expect(400)).body.details.fields[0].field).toBe('villageCode');
    expect((await request(t.http).put('/api/me/village').set(bearer(villager)).send({ villageCode: '330381999999' }).expect(400)).body.message).toBe('请选择到村(社区)一级');
    await request(t.http).put('/api/me/village').set(bearer(villager)).send({ villageCode }).expect(200);
  });
});
