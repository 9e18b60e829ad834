import { ErrorCode, type LoginResponse, type OrderDto, type SubscriptionsDto } from '@hall-menu/shared';
import request from 'supertest';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { REMINDER_KINDS, RemindersService } from '../src/modules/reminders/reminders.service';
import { secondInstance } from './conversations-helpers';
import { acceptedOrder, eventually, makeVillagers, placedOrder, publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

const HOUR = 3_600_000;

describe('reminders and subscribe messages (MySQL)', () => {
  let t: TestApp;
  let b: TestApp;
  let db: DatabaseService;
  let manager: LoginResponse;
  let provider: LoginResponse;
  let reviewer: LoginResponse;
  let hallId: number;
  let villageCode: string;
  let projectId: number;

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    b = await secondInstance();
    db = t.app.get(DatabaseService);
    manager = await t.login('hall_manager');
    provider = await t.login('provider');
    reviewer = await t.login('reviewer');
    hallId = manager.me.scopes.halls[0].id;
    villageCode = manager.me.scopes.halls[0].villageCode;
    await db.manager.query('UPDATE halls SET annual_quota = 100 WHERE id = ?', [hallId]);
    projectId = (await publishedProjectFor(t, provider, reviewer, manager, '提醒测试越剧专场')).id;
  });
  afterAll(async () => {
    await Promise.all([t.close(), b.close()]);
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const placeOrder = (dayOffset: number) => placedOrder(t, manager, projectId, hallId, dayOffset);
  const consent = (headers: Record<string, string>, accepted: string[]) => request(t.http).post('/api/me/subscriptions').set(headers).send({ accepted });
  const remaining = async (userId: number, key: string) =>
    Number((await db.manager.query('SELECT remaining FROM subscribe_consents WHERE user_id = ? AND template_key = ?', [userId, key]))[0]?.remaining ?? 0);
  const spent = async (userId: number, key: string) =>
    (await db.manager.query('SELECT outcome FROM subscribe_message_log WHERE user_id = ? AND template_key = ? ORDER BY id', [userId, key])) as { outcome: string }[];
  const inbox = async (userId: number, kind: string, link: string) =>
    Number((await db.manager.query('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND kind = ? AND link = ?', [userId, kind, link]))[0].n);
  const members = async (sql: string, id: number) => ((await db.manager.query(sql, [id])) as { user_id: number }[]).map((r) => Number(r.user_id));

  it('sends each reminder once per person, even when the job runs twice at once and on a second server', async () => {
    // An order nobody answered, near its deadline: the provider's members are reminded.
    const pending = await placeOrder(5);
    // An order the provider proposed another time for: now the hall must answer.
    const proposed = await placeOrder(6);
    const laterDay = addDays(beijingToday(), 8);
    await request(t.http)
      .post(`/api/orders/${proposed.id}/actions/propose`)
      .set(bearer(provider))
      .send({ start: `${laterDay}T14:00:00+08:00`, end: `${laterDay}T16:00:00+08:00` })
      .expect(200);
    await db.manager.query('UPDATE orders SET answer_deadline = ? WHERE id IN (?, ?)', [new Date(Date.now() + 2 * HOUR), pending.id, proposed.id]);

    // An event tomorrow: two villagers hold seats, a third cancelled.
    const [holder, twiceConsenting, canceller] = await makeVillagers(t, 3, villageCode, '提醒测试村民');
    const tomorrow = (await acceptedOrder(t, { manager, provider }, projectId, hallId, 1)).event!.id;
    const reservations: number[] = [];
    for (const person of [holder, twiceConsenting, canceller]) {
      reservations.push((await request(t.http).post(`/api/events/${tomorrow}/reservations`).set(auth(person.token)).send({ seats: 1 }).expect(201)).body.id as number);
    }
    await request(t.http).post(`/api/reservations/${reservations[2]}/cancel`).set(auth(canceller.token)).send({}).expect(200);

    // An event that ended an hour ago: both attended, one has already rated it.
    const endedOrder = await acceptedOrder(t, { manager, provider }, projectId, hallId, 2);
    const ended = endedOrder.event!.id;
    for (const person of [holder, twiceConsenting]) await request(t.http).post(`/api/events/${ended}/reservations`).set(auth(person.token)).send({ seats: 1 }).expect(201);
    await db.manager.query("UPDATE reservations SET status = 'checked_in' WHERE event_id = ?", [ended]);
    await db.manager.query('UPDATE hall_events SET starts_at = ?, ends_at = ? WHERE id = ?', [new Date(Date.now() - 3 * HOUR), new Date(Date.now() - HOUR), ended]);
    await request(t.http).post(`/api/events/${ended}/rating`).set(auth(twiceConsenting.token)).send({ stars: 5, text: '很好看' }).expect(201);

    // An order confirmed after yesterday's service: the hall's managers are asked to rate the provider.
    const confirmed = await acceptedOrder(t, { manager, provider }, projectId, hallId, 4);
    await db.manager.query("UPDATE orders SET status = 'confirmed', scheduled_end = ? WHERE id = ?", [new Date(Date.now() - 24 * HOUR), confirmed.id]);

    // Consents: one each for the holder, two event reminders for the second villager, none for the third.
    await consent(auth(holder.token), ['event_tomorrow', 'rate_request']).expect(200);
    await consent(auth(twiceConsenting.token), ['event_tomorrow']).expect(200);
    const granted = (await consent(auth(twiceConsenting.token), ['event_tomorrow']).expect(200)).body as SubscriptionsDto;
    expect(granted.templates.find((x) => x.key === 'event_tomorrow')).toMatchObject({ remaining: 2, templateId: null, label: '活动开始提醒' });
    expect(granted.wechatSending).toBe(false);

    const runs = await Promise.all([t.app.get(RemindersService).runDue(), t.app.get(RemindersService).runDue(), b.app.get(RemindersService).runDue()]);
    const sentByRuns = runs.flatMap((r) => Object.values(r)).reduce((x, y) => x + y, 0);
    expect(sentByRuns).toBe(Number((await db.manager.query('SELECT COUNT(*) AS n FROM sent_reminders'))[0].n));

    const providerMembers = await members('SELECT user_id FROM provider_members WHERE provider_id = ?', provider.me.scopes.provider!.id);
    const hallManagers = await members('SELECT user_id FROM hall_managers WHERE hall_id = ?', hallId);
    for (const userId of providerMembers) expect(await inbox(userId, 'order.expiring', `pages/order/index?id=${pending.id}`)).toBe(1);
    for (const userId of hallManagers) {
      expect(await inbox(userId, 'order.expiring', `pages/order/index?id=${proposed.id}`)).toBe(1);
      expect(await inbox(userId, 'order.rate', `pages/order/index?id=${confirmed.id}`)).toBe(1);
    }
    expect(await inbox(holder.id, 'event.tomorrow', `pages/event/index?id=${tomorrow}`)).toBe(1);
    expect(await inbox(twiceConsenting.id, 'event.tomorrow', `pages/event/index?id=${tomorrow}`)).toBe(1);
    expect(await inbox(canceller.id, 'event.tomorrow', `pages/event/index?id=${tomorrow}`)).toBe(0);
    expect(await inbox(holder.id, 'event.rate', `pages/event/index?id=${ended}`)).toBe(1);
    expect(await inbox(twiceConsenting.id, 'event.rate', `pages/event/index?id=${ended}`)).toBe(0);
    const [tomorrowLine] = await db.manager.query("SELECT title, body FROM notifications WHERE user_id = ? AND kind = 'event.tomorrow'", [holder.id]);
    expect(tomorrowLine).toEqual({ title: '明天有活动', body: '您预约的「提醒测试越剧专场」明天 14:00 在' + manager.me.scopes.halls[0].name + '开始，记得带上预约码' });
    // Nobody anywhere (demo data included) got any reminder twice.
    const doubled = await db.manager.query(
      `SELECT user_id, kind, link FROM notifications WHERE kind IN (${REMINDER_KINDS.map(() => '?').join(', ')}) GROUP BY user_id, kind, link HAVING COUNT(*) > 1`,
      [...REMINDER_KINDS],
    );
    expect(doubled).toEqual([]);

    // One consent spent per subscribe message; none spent where there was none.
    expect(await remaining(holder.id, 'event_tomorrow')).toBe(0);
    expect(await remaining(holder.id, 'rate_request')).toBe(0);
    expect(await remaining(twiceConsenting.id, 'event_tomorrow')).toBe(1);
    expect(await spent(holder.id, 'event_tomorrow')).toEqual([{ outcome: 'logged' }]);
    expect(await spent(holder.id, 'rate_request')).toEqual([{ outcome: 'logged' }]);
    expect(await spent(twiceConsenting.id, 'event_tomorrow')).toEqual([{ outcome: 'logged' }]);
    expect(await spent(canceller.id, 'event_tomorrow')).toEqual([]);

    // Running again, anywhere, sends nothing more.
    const again = await Promise.all([t.app.get(RemindersService).runDue(), b.app.get(RemindersService).runDue()]);
    expect(again.flatMap((r) => Object.values(r)).every((n) => n === 0)).toBe(true);
    expect(await remaining(twiceConsenting.id, 'event_tomorrow')).toBe(1);
  });

  it('sends the key notifications as subscribe messages, one consent each, and records a matched need in the inbox', async () => {
    await consent(bearer(provider), ['project_reviewed']).expect(200);
    const second = await publishedProjectFor(t, provider, reviewer, manager, '提醒测试第二个项目');
    await eventually(async () => expect(await spent(provider.me.id, 'project_reviewed')).toEqual([{ outcome: 'logged' }]));
    expect(await remaining(provider.me.id, 'project_reviewed')).toBe(0);
    // No consent left: the next approval is only in the inbox.
    await publishedProjectFor(t, provider, reviewer, manager, '提醒测试第三个项目');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await spent(provider.me.id, 'project_reviewed')).toHaveLength(1);

    await consent(bearer(manager), ['order_answered']).expect(200);
    await acceptedOrder(t, { manager, provider }, second.id, hallId, 9);
    await eventually(async () => expect(await spent(manager.me.id, 'order_answered')).toHaveLength(1));
    expect(await remaining(manager.me.id, 'order_answered')).toBe(0);

    // 我也想看 → matched: the villager hears about it in the inbox and by subscribe message.
    const [fan] = await makeVillagers(t, 1, villageCode, '需求关注村民');
    const today = beijingToday();
    const need = (
      await request(t.http)
        .post('/api/needs')
        .set(bearer(manager))
        .send({ hallId, category: 'performance', title: '想看越剧新戏', description: '老人们想看越剧', periodFrom: addDays(today, 10), periodTo: addDays(today, 20), expectedAudience: 100 })
        .expect(201)
    ).body as { id: number };
    await request(t.http).post(`/api/needs/${need.id}/upvote`).set(auth(fan.token)).expect(200);
    await consent(auth(fan.token), ['need_matched']).expect(200);
    const slotDay = addDays(today, 12);
    await request(t.http)
      .post(`/api/needs/${need.id}/responses`)
      .set(bearer(provider))
      .send({ projectId: second.id, start: `${slotDay}T14:00:00+08:00`, end: `${slotDay}T16:00:00+08:00`, message: '可以安排' })
      .expect(201);
    const responseId = ((await request(t.http).get(`/api/needs/${need.id}`).set(bearer(manager)).expect(200)).body as { responses: { id: number }[] }).responses[0].id;
    const matchedOrder = (await request(t.http).post(`/api/needs/${need.id}/responses/${responseId}/accept`).set(bearer(manager)).expect(200)).body as OrderDto;
    const [line] = await db.manager.query("SELECT title, body, link FROM notifications WHERE user_id = ? AND kind = 'need.matched'", [fan.id]);
    expect(line).toEqual({ title: '您想看的节目有着落了', body: '「想看越剧新戏」已对接到「提醒测试第二个项目」', link: `pages/need/index?id=${need.id}` });
    expect(await inbox(provider.me.id, 'need.matched', `pages/order/index?id=${matchedOrder.id}`)).toBe(1);
    await eventually(async () => expect(await spent(fan.id, 'need_matched')).toEqual([{ outcome: 'logged' }]));
  });

  it('lists the templates with their consents and refuses unknown ones in Chinese', async () => {
    const listed = (await request(t.http).get('/api/me/subscriptions').set(bearer(manager)).expect(200)).body as SubscriptionsDto;
    expect(listed.templates.map((x) => x.key)).toEqual(['order_new', 'order_answered', 'order_expiring', 'event_tomorrow', 'rate_request', 'project_reviewed', 'need_matched']);
    const refused = (await consent(bearer(manager), ['order_answered', 'free_lunch']).expect(400)).body;
    expect(refused).toMatchObject({ code: ErrorCode.ValidationFailed, message: '没有这个订阅消息模板（字段：accepted.1）' });
    await request(t.http).get('/api/me/subscriptions').expect(401);
  });
});
