import { ErrorCode, type CalendarEntryDto, type HallEventDto, type HistoryEntryDto, type LoginResponse, type OrderDto, type ProjectDto } from '@hall-menu/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { OrderJobsService } from '../src/modules/orders/order-jobs.service';
import { publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

const HOUR = 3_600_000;

describe('orders: quota, answers, scheduling, delivery (MySQL)', () => {
  let t: TestApp;
  let db: DatabaseService;
  let clock: Clock;
  let manager: LoginResponse;
  let otherManager: LoginResponse;
  let provider: LoginResponse;
  let otherProvider: LoginResponse;
  let reviewer: LoginResponse;
  let project: ProjectDto;
  let hallId: number;
  let secondHallId: number;
  const today = beijingToday();
  const window = { from: addDays(today, 5), to: addDays(today, 12) };
  const slot = (dayOffset: number, hour = 14, hours = 2) => {
    const day = addDays(today, dayOffset);
    const hh = (h: number) => String(h).padStart(2, '0');
    return { start: `${day}T${hh(hour)}:00:00+08:00`, end: `${day}T${hh(hour + hours)}:00:00+08:00` };
  };

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    db = t.app.get(DatabaseService);
    clock = t.app.get(Clock);
    manager = await t.login('hall_manager');
    provider = await t.login('provider');
    reviewer = await t.login('reviewer');
    const managers: { user_id: number }[] = await db.manager.query("SELECT user_id FROM user_roles WHERE role = 'hall_manager' ORDER BY user_id");
    otherManager = await t.login('hall_manager', Number(managers[1].user_id));
    const members: { user_id: number }[] = await db.manager.query('SELECT user_id FROM provider_members WHERE provider_id <> ? ORDER BY user_id', [provider.me.scopes.provider!.id]);
    otherProvider = await t.login('provider', Number(members[0].user_id));
    [hallId, secondHallId] = manager.me.scopes.halls.map((h) => h.id);
    await db.manager.query('UPDATE halls SET annual_quota = 100 WHERE id IN (?, ?)', [hallId, secondHallId]);
    project = await publishedProjectFor(t, provider, reviewer, manager, '点单测试越剧专场', { audienceMin: 50, timeWindows: [{ start: '09:00', end: '21:00' }], leadDays: 3 });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  const quotaUsed = async (id = hallId) => Number((await db.manager.query('SELECT quota_used FROM halls WHERE id = ?', [id]))[0].quota_used);
  const place = (login = manager, body: Record<string, unknown> = {}, key: string = randomUUID()) =>
    request(t.http)
      .post('/api/orders')
      .set(bearer(login))
      .set('Idempotency-Key', key)
      .send({ projectId: project.id, hallId, windows: [window], expectedAudience: 150, notes: '村里老人多，希望下午演出', ...body });
  const act = (login: LoginResponse, id: number, event: string, body: Record<string, unknown> = {}) =>
    request(t.http).post(`/api/orders/${id}/actions/${event}`).set(bearer(login)).send(body);
  const travelTo = (at: number) => jest.spyOn(clock, 'now').mockReturnValue(new Date(at));

  it('runs the happy path: order, accept, check in, complete, confirm, with an event and a timeline', async () => {
    const before = await quotaUsed();
    const order = (await place().expect(201)).body as OrderDto;
    expect(order).toMatchObject({ status: 'pending', hall: { id: hallId }, provider: { id: provider.me.scopes.provider!.id }, event: null });
    expect(order.allowedActions).toEqual(['cancel']);
    expect(await quotaUsed()).toBe(before + 1);

    const seen = (await request(t.http).get(`/api/orders/${order.id}`).set(bearer(provider)).expect(200)).body as OrderDto;
    expect(seen.allowedActions).toEqual(['accept', 'propose', 'decline']);

    const when = slot(6);
    const accepted = (await act(provider, order.id, 'accept', when).expect(200)).body as OrderDto;
    expect(accepted.status).toBe('accepted');
    expect(accepted.scheduledStart).toBe(new Date(when.start).toISOString());
    expect(accepted.event).toMatchObject({ startsAt: new Date(when.start).toISOString() });
    const events = (await request(t.http).get(`/api/halls/${hallId}/events`).expect(200)).body as HallEventDto[];
    expect(events.find((e) => e.orderId === order.id)).toMatchObject({ title: '点单测试越剧专场', hallId });

    expect((await act(provider, order.id, 'check_in').expect(409)).body.message).toContain('签到');
    travelTo(Date.parse(when.start) - HOUR);
    await act(provider, order.id, 'check_in').expect(200);
    await act(provider, order.id, 'complete', { headCount: -1 }).expect(400);
    const completed = (await act(provider, order.id, 'complete', { headCount: 132, note: '演出顺利' }).expect(200)).body as OrderDto;
    expect(completed).toMatchObject({ status: 'completed', headCount: 132 });
    const confirmed = (await act(manager, order.id, 'confirm').expect(200)).body as OrderDto;
    expect(confirmed.status).toBe('confirmed');
    expect(await quotaUsed()).toBe(before + 1);

    const timeline = (await request(t.http).get(`/api/orders/${order.id}/timeline`).set(bearer(provider)).expect(200)).body as HistoryEntryDto[];
    expect(timeline.map((h) => h.event)).toEqual(['create', 'accept', 'check_in', 'complete', 'confirm']);
    expect(timeline[0].actorName).toBe(manager.me.nickname);
    await request(t.http).get(`/api/orders/${order.id}/timeline`).set(bearer(otherProvider)).expect(403);
  });

  it('gives the quota back when the provider declines, and requires a reason', async () => {
    const order = (await place().expect(201)).body as OrderDto;
    const used = await quotaUsed();
    expect((await act(provider, order.id, 'decline').expect(400)).body.code).toBe(ErrorCode.ReasonRequired);
    const declined = (await act(provider, order.id, 'decline', { reason: '该时段演员外出演出' }).expect(200)).body as OrderDto;
    expect(declined).toMatchObject({ status: 'declined', quotaReturned: true });
    expect(await quotaUsed()).toBe(used - 1);
  });

  it('lets the hall agree to a proposed time, which must not clash', async () => {
    const order = (await place().expect(201)).body as OrderDto;
    const proposal = slot(30, 9);
    const proposed = (await act(provider, order.id, 'propose', { ...proposal, note: '下月初有空' }).expect(200)).body as OrderDto;
    expect(proposed).toMatchObject({ status: 'proposed', proposedStart: new Date(proposal.start).toISOString(), proposalNote: '下月初有空' });
    expect(proposed.allowedActions).toEqual([]);
    const agreed = (await act(manager, order.id, 'agree').expect(200)).body as OrderDto;
    expect(agreed).toMatchObject({ status: 'accepted', scheduledStart: new Date(proposal.start).toISOString() });
  });

  it('expires unanswered orders by the scheduled job, once, returning the quota', async () => {
    const order = (await place().expect(201)).body as OrderDto;
    const used = await quotaUsed();
    const jobs = t.app.get(OrderJobsService);
    expect((await jobs.runDue()).expired).toBe(0);
    travelTo(Date.parse(order.answerDeadline) + 1000);
    expect((await jobs.runDue()).expired).toBeGreaterThanOrEqual(1);
    const expired = (await request(t.http).get(`/api/orders/${order.id}`).set(bearer(manager)).expect(200)).body as OrderDto;
    expect(expired).toMatchObject({ status: 'expired', quotaReturned: true });
    expect(await quotaUsed()).toBe(used - 1);
    expect((await jobs.runDue()).expired).toBe(0);
    const timeline = (await request(t.http).get(`/api/orders/${order.id}/timeline`).set(bearer(manager)).expect(200)).body as HistoryEntryDto[];
    expect(timeline[1]).toMatchObject({ event: 'expire', actorRole: 'system', actorName: null });
  });

  it('returns the quota on cancellation before acceptance or with enough notice, and cancels the event', async () => {
    const pending = (await place().expect(201)).body as OrderDto;
    let used = await quotaUsed();
    await act(manager, pending.id, 'cancel').expect(200);
    expect(await quotaUsed()).toBe(used - 1);

    const order = (await place().expect(201)).body as OrderDto;
    await act(provider, order.id, 'accept', slot(7, 9)).expect(200);
    used = await quotaUsed();
    expect((await act(manager, order.id, 'cancel').expect(400)).body.code).toBe(ErrorCode.ReasonRequired);
    const cancelled = (await act(manager, order.id, 'cancel', { reason: '村里临时有事' }).expect(200)).body as OrderDto;
    expect(cancelled).toMatchObject({ status: 'cancelled', quotaReturned: true, event: null });
    expect(await quotaUsed()).toBe(used - 1);
    const events = (await request(t.http).get(`/api/halls/${hallId}/events`).expect(200)).body as HallEventDto[];
    expect(events.some((e) => e.orderId === order.id)).toBe(false);
  });

  it('sends a disputed completion to the reviewer, and a reported no-show too', async () => {
    const order = (await place().expect(201)).body as OrderDto;
    const when = slot(8, 9);
    await act(provider, order.id, 'accept', when).expect(200);
    travelTo(Date.parse(when.start));
    await act(provider, order.id, 'check_in').expect(200);
    await act(provider, order.id, 'complete', { headCount: 40 }).expect(200);
    await act(manager, order.id, 'dispute', { reason: '实际只演出了半小时' }).expect(200);
    expect((await act(manager, order.id, 'resolve_void', { reason: '核实' }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    const voided = (await act(reviewer, order.id, 'resolve_void', { reason: '经核实演出时长不足' }).expect(200)).body as OrderDto;
    expect(voided.status).toBe('voided');

    jest.restoreAllMocks();
    const absent = (await place().expect(201)).body as OrderDto;
    const later = slot(9, 14);
    await act(provider, absent.id, 'accept', later).expect(200);
    expect((await act(manager, absent.id, 'report_no_show', { reason: '没人来' }).expect(409)).body.message).toContain('结束');
    travelTo(Date.parse(later.end) + HOUR);
    await act(manager, absent.id, 'report_no_show', { reason: '等到六点没人来' }).expect(200);
    const noShow = (await act(reviewer, absent.id, 'confirm_no_show', { reason: '服务方承认未到场' }).expect(200)).body as OrderDto;
    expect(noShow).toMatchObject({ status: 'no_show', event: null });
  });

  it('confirms a completed order automatically after the deadline', async () => {
    const order = (await place().expect(201)).body as OrderDto;
    const when = slot(10, 9);
    await act(provider, order.id, 'accept', when).expect(200);
    travelTo(Date.parse(when.start));
    await act(provider, order.id, 'check_in').expect(200);
    const completed = (await act(provider, order.id, 'complete', { headCount: 60 }).expect(200)).body as OrderDto;
    travelTo(Date.parse(completed.confirmDeadline!) + 1000);
    expect((await t.app.get(OrderJobsService).runDue()).confirmed).toBe(1);
    expect(((await request(t.http).get(`/api/orders/${order.id}`).set(bearer(manager)).expect(200)).body as OrderDto).status).toBe('confirmed');
  });

  it('lets exactly one of 20 concurrent accepts of overlapping orders win', async () => {
    const orders: OrderDto[] = [];
    for (let i = 0; i < 20; i++) orders.push((await place(manager, { hallId: i % 2 === 0 ? hallId : secondHallId }).expect(201)).body as OrderDto);
    const when = slot(11, 15);
    const results = await Promise.all(orders.map((o) => act(provider, o.id, 'accept', when)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const refused of results.filter((r) => r.status !== 200)) {
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe(ErrorCode.ScheduleConflict);
    }
    const [{ n }] = await db.manager.query(
      "SELECT COUNT(*) n FROM orders WHERE provider_id = ? AND status = 'accepted' AND scheduled_start = ?",
      [provider.me.scopes.provider!.id, new Date(when.start)],
    );
    expect(Number(n)).toBe(1);
  });

  it('turns 10 retries with one idempotency key into one order and one quota unit', async () => {
    const used = await quotaUsed();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => place(manager, {}, key)));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await quotaUsed()).toBe(used + 1);
    const again = await place(manager, {}, key).expect(201);
    expect(again.body.id).toBe(answers[0].body.id);
    expect((await request(t.http).post('/api/orders').set(bearer(manager)).send({ projectId: project.id, hallId, windows: [window], expectedAudience: 10 }).expect(400)).body.code).toBe(
      ErrorCode.IdempotencyKeyRequired,
    );
  });

  it('keeps managers to their own halls and providers to their own orders', async () => {
    const refused = await place(otherManager).expect(403);
    expect(refused.body.code).toBe(ErrorCode.OutOfScope);
    const order = (await place().expect(201)).body as OrderDto;
    expect((await act(otherProvider, order.id, 'accept', slot(6)).expect(403)).body.code).toBe(ErrorCode.OutOfScope);
    await request(t.http).get(`/api/orders/${order.id}`).set(bearer(otherManager)).expect(403);
    expect((await act(manager, order.id, 'accept', slot(6)).expect(403)).body.code).toBe(ErrorCode.Forbidden);
  });

  it('checks lead time, windows, coverage and quota with messages a manager can act on', async () => {
    const early = await place(manager, { windows: [{ from: addDays(today, 1), to: addDays(today, 2) }] }).expect(400);
    expect(early.body.details.fields[0]).toMatchObject({ field: 'windows.0.from' });
    expect(early.body.message).toContain('提前 3 天');
    const order = (await place().expect(201)).body as OrderDto;
    expect((await act(provider, order.id, 'accept', slot(20)).expect(400)).body.message).toContain('日期段');

    const full: { id: number }[] = await db.manager.query('SELECT id FROM halls WHERE id = ?', [secondHallId]);
    await db.manager.query('UPDATE halls SET annual_quota = quota_used WHERE id = ?', [full[0].id]);
    try {
      const exhausted = await place(manager, { hallId: secondHallId }).expect(409);
      expect(exhausted.body).toMatchObject({ code: ErrorCode.QuotaExhausted });
      expect(exhausted.body.message).toContain('额度');
    } finally {
      await db.manager.query('UPDATE halls SET annual_quota = 100 WHERE id = ?', [secondHallId]);
    }
  });

  it('shows accepted services on the provider and hall calendars', async () => {
    const order = (await place().expect(201)).body as OrderDto;
    const when = slot(12, 19);
    await act(provider, order.id, 'accept', when).expect(200);
    const month = addDays(today, 12).slice(0, 7);
    const mine = (await request(t.http).get(`/api/calendar/provider?month=${month}`).set(bearer(provider)).expect(200)).body as CalendarEntryDto[];
    expect(mine.find((e) => e.orderId === order.id)).toMatchObject({ title: '点单测试越剧专场', status: 'accepted' });
    const hall = (await request(t.http).get(`/api/calendar/halls/${hallId}?month=${month}`).set(bearer(manager)).expect(200)).body as CalendarEntryDto[];
    expect(hall.map((e) => e.orderId)).toContain(order.id);
    await request(t.http).get(`/api/calendar/halls/${hallId}?month=${month}`).set(bearer(otherManager)).expect(403);
    await request(t.http).get('/api/calendar/provider?month=2026-13').set(bearer(provider)).expect(400);
  });
});
