import { ErrorCode, type LoginResponse, type NeedDto, type NeedMatchDto, type OrderDto, type SuggestionDto } from '@hall-menu/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { acceptedOrder, publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

describe('needs and matching (MySQL)', () => {
  let t: TestApp;
  let db: DatabaseService;
  let manager: LoginResponse;
  let villager: LoginResponse;
  let provider: LoginResponse;
  let projectId: number;
  let hallId: number;
  const today = beijingToday();
  const need = (title: string) => ({ hallId, category: 'performance', title, description: '村里老人想看戏，春节前后最好', periodFrom: addDays(today, 5), periodTo: addDays(today, 25), expectedAudience: 200 });

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    db = t.app.get(DatabaseService);
    manager = await t.login('hall_manager');
    villager = await t.login('villager');
    provider = await t.login('provider');
    hallId = manager.me.scopes.halls[0].id;
    projectId = (await publishedProjectFor(t, provider, await t.login('reviewer'), manager, '需求匹配测试越剧专场')).id;
  });
  afterAll(() => t.close());

  it('publishes a need that villagers of the village upvote once each', async () => {
    const created = (await request(t.http).post('/api/needs').set(bearer(manager)).send(need('想看越剧折子戏')).expect(201)).body as NeedDto;
    expect(created).toMatchObject({ status: 'open', upvotes: 0, hall: { id: hallId } });
    expect(created.allowedActions).toEqual(['close']);
    expect(villager.me.scopes.village?.code).toBe(manager.me.scopes.halls[0].villageCode);

    const seen = (await request(t.http).get('/api/needs').set(bearer(villager)).expect(200)).body;
    expect(seen.items.map((n: NeedDto) => n.id)).toContain(created.id);
    const upvoted = (await request(t.http).post(`/api/needs/${created.id}/upvote`).set(bearer(villager)).expect(200)).body as NeedDto;
    expect(upvoted).toMatchObject({ upvotes: 1, upvotedByMe: true });
    expect((await request(t.http).post(`/api/needs/${created.id}/upvote`).set(bearer(villager)).expect(409)).body.message).toContain('已经点过');

    const outsider: { id: number }[] = await db.manager.query("SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'villager' WHERE u.village_code <> ? AND u.demo_key IS NOT NULL LIMIT 1", [
      manager.me.scopes.halls[0].villageCode,
    ]);
    const other = await t.login('villager', Number(outsider[0].id));
    expect((await request(t.http).post(`/api/needs/${created.id}/upvote`).set(bearer(other)).expect(403)).body.code).toBe(ErrorCode.OutOfScope);
    await request(t.http).post('/api/needs').set(bearer(manager)).send({ ...need('过去'), periodFrom: '2020-01-01', periodTo: '2020-01-02' }).expect(400);
  });

  it('suggests fitting projects with reasons, and orders one in a single step', async () => {
    const created = (await request(t.http).post('/api/needs').set(bearer(manager)).send(need('春节想看一场戏')).expect(201)).body as NeedDto;
    const suggestions = (await request(t.http).get(`/api/needs/${created.id}/suggestions`).set(bearer(manager)).expect(200)).body as SuggestionDto[];
    expect(suggestions.length).toBeGreaterThan(0);
    const scores = suggestions.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const ours = suggestions.find((s) => s.project.id === projectId)!;
    expect(ours.reasons).toEqual(expect.arrayContaining(['类别相符', '覆盖本村', '该时段有空', '本县服务方']));
    expect(suggestions[0].reasons).toContain('类别相符');
    await request(t.http).get(`/api/needs/${created.id}/suggestions`).set(bearer(villager)).expect(403);

    const key = randomUUID();
    const order = (await request(t.http).post(`/api/needs/${created.id}/order`).set(bearer(manager)).set('Idempotency-Key', key).send({ projectId }).expect(201)).body as OrderDto;
    expect(order).toMatchObject({ status: 'pending', project: { id: projectId }, hall: { id: hallId } });
    const again = (await request(t.http).post(`/api/needs/${created.id}/order`).set(bearer(manager)).set('Idempotency-Key', key).send({ projectId }).expect(201)).body as OrderDto;
    expect(again.id).toBe(order.id);
    expect(((await request(t.http).get(`/api/needs/${created.id}`).set(bearer(manager)).expect(200)).body as NeedDto).status).toBe('matched');
  });

  it('shows the need to providers serving the village, turns an accepted response into an accepted order', async () => {
    const created = (await request(t.http).post('/api/needs').set(bearer(manager)).send(need('想请剧团来演出')).expect(201)).body as NeedDto;
    const board = (await request(t.http).get('/api/needs/board').set(bearer(provider)).expect(200)).body as NeedMatchDto[];
    const entry = board.find((b) => b.need.id === created.id)!;
    expect(entry.fittingProjectIds).toContain(projectId);
    expect(entry.reasons.join(' ')).toContain('可用项目');

    const hallCounty = manager.me.scopes.halls[0].villageCode.slice(0, 6);
    const far: { user_id: number }[] = await db.manager.query(
      `SELECT m.user_id FROM provider_members m WHERE NOT EXISTS (SELECT 1 FROM provider_areas a WHERE a.provider_id = m.provider_id AND (a.region_code = ? OR a.region_code = '3303')) ORDER BY m.user_id LIMIT 1`,
      [hallCounty],
    );
    const farProvider = await t.login('provider', Number(far[0].user_id));
    const farBoard = (await request(t.http).get('/api/needs/board').set(bearer(farProvider)).expect(200)).body as NeedMatchDto[];
    expect(farBoard.some((b) => b.need.id === created.id)).toBe(false);

    const day = addDays(today, 9);
    const slot = { projectId, start: `${day}T14:00:00+08:00`, end: `${day}T16:00:00+08:00`, message: '我们那天正好有空' };
    const responded = (await request(t.http).post(`/api/needs/${created.id}/responses`).set(bearer(provider)).send(slot).expect(201)).body as NeedDto;
    expect(responded.responses).toHaveLength(1);
    await request(t.http).post(`/api/needs/${created.id}/responses`).set(bearer(provider)).send(slot).expect(409);
    const response = ((await request(t.http).get(`/api/needs/${created.id}`).set(bearer(manager)).expect(200)).body as NeedDto).responses[0];
    const order = (await request(t.http).post(`/api/needs/${created.id}/responses/${response.id}/accept`).set(bearer(manager)).expect(200)).body as OrderDto;
    expect(order).toMatchObject({ status: 'accepted', scheduledStart: new Date(slot.start).toISOString() });
    const matched = (await request(t.http).get(`/api/needs/${created.id}`).set(bearer(manager)).expect(200)).body as NeedDto;
    expect(matched.status).toBe('matched');
    expect(matched.responses[0]).toMatchObject({ status: 'accepted', orderId: order.id });
  });

  it('accepts a response all or nothing, and answers a retry with the same order', async () => {
    const created = (await request(t.http).post('/api/needs').set(bearer(manager)).send(need('想请剧团来村晚')).expect(201)).body as NeedDto;
    const day = addDays(today, 11);
    const slot = { projectId, start: `${day}T14:00:00+08:00`, end: `${day}T16:00:00+08:00`, message: '这天下午可以' };
    await request(t.http).post(`/api/needs/${created.id}/responses`).set(bearer(provider)).send(slot).expect(201);
    const response = ((await request(t.http).get(`/api/needs/${created.id}`).set(bearer(manager)).expect(200)).body as NeedDto).responses[0];
    const quotaUsed = async () => Number((await db.manager.query('SELECT quota_used FROM halls WHERE id = ?', [hallId]))[0].quota_used);
    const before = await quotaUsed();

    // Meanwhile the hall got another service at that very time: scheduling fails inside the acceptance.
    const blocking = await acceptedOrder(t, { manager, provider }, projectId, hallId, 11, 14);
    const refused = await request(t.http).post(`/api/needs/${created.id}/responses/${response.id}/accept`).set(bearer(manager)).expect(409);
    expect(refused.body.code).toBe(ErrorCode.ScheduleConflict);
    const left: { n: number | string }[] = await db.manager.query('SELECT COUNT(*) n FROM orders WHERE idempotency_key = ?', [`need-${created.id}-response-${response.id}`]);
    expect(Number(left[0].n)).toBe(0);
    const untouched = (await request(t.http).get(`/api/needs/${created.id}`).set(bearer(manager)).expect(200)).body as NeedDto;
    expect(untouched.status).toBe('open');
    expect(untouched.responses[0]).toMatchObject({ status: 'pending', orderId: null });
    expect(await quotaUsed()).toBe(before + 1); // the blocking order's unit only

    await request(t.http).post(`/api/orders/${blocking.id}/actions/cancel`).set(bearer(manager)).send({ reason: '改期' }).expect(200);
    const order = (await request(t.http).post(`/api/needs/${created.id}/responses/${response.id}/accept`).set(bearer(manager)).expect(200)).body as OrderDto;
    expect(order.status).toBe('accepted');
    const retried = (await request(t.http).post(`/api/needs/${created.id}/responses/${response.id}/accept`).set(bearer(manager)).expect(200)).body as OrderDto;
    expect(retried.id).toBe(order.id);
  });

  it('lets the manager close a need, and nobody else', async () => {
    const created = (await request(t.http).post('/api/needs').set(bearer(manager)).send(need('想看电影')).expect(201)).body as NeedDto;
    await request(t.http).post(`/api/needs/${created.id}/close`).set(bearer(provider)).send({}).expect(403);
    expect(((await request(t.http).post(`/api/needs/${created.id}/close`).set(bearer(manager)).send({ reason: '已自行安排' }).expect(200)).body as NeedDto).status).toBe('closed');
  });
});
