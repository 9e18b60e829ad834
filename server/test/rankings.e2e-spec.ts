import { ErrorCode, type CommendationDto, type HistoryEntryDto, type LoginResponse, type MenuItemDto, type Paged, type ProjectDetailDto, type ProviderDto, type RankingDto } from '@hall-menu/shared';
import request from 'supertest';
import { DatabaseService } from '../src/database/database.service';
import { buildWorld, rateOrderDirectly, type OrderSpec, type StatsWorld } from './stats-fixture';
import { bearer, startTestApp, type TestApp } from './test-app';

/**
 * 2026 in 瑞安市 (services held and confirmed; r4 was held in 2025, r5 cancelled, r6 not yet confirmed):
 *   project a (provider p): r1 100 people, r2 150; villagers 5 5 4 · 5 2; manager on r1 4 → 6 ratings, 5 good
 *   project b (provider q): r3 300 people; villager 5; manager on r3 3 but hidden → 1 rating, 1 good
 * score = 100 × (0.35 S/maxS + 0.25 A/maxA + 0.25 (good + 4)/(n + 5) + 0.15 n/maxN):
 *   a: 35 + 20.833 + 20.455 + 15 = 91.29 · b: 17.5 + 25 + 20.833 + 2.5 = 65.83
 * halls, rated by providers: h1 100 people, 5 stars · h2 150, 4 · h5 300, 2 →
 *   h5: 35 + 25 + 16.667 + 15 = 91.67 · h2: 35 + 12.5 + 20.833 + 15 = 83.33 · h1: 35 + 8.333 + 20.833 + 15 = 79.17
 */
const ORDERS: OrderSpec[] = [
  { hall: 'h1', project: 'a', status: 'confirmed', created: '2026-03-01T10:00', scheduled: { start: '2026-03-10T14:00', hours: 2 }, headCount: 100, ratings: [5, 5, 4] },
  { hall: 'h2', project: 'a', status: 'confirmed', created: '2026-05-01T10:00', scheduled: { start: '2026-05-10T14:00', hours: 2 }, headCount: 150, ratings: [5, 2] },
  { hall: 'h5', project: 'b', status: 'confirmed', created: '2026-05-20T10:00', scheduled: { start: '2026-06-01T14:00', hours: 2 }, headCount: 300, ratings: [5] },
  { hall: 'h1', project: 'b', status: 'confirmed', created: '2025-12-01T10:00', scheduled: { start: '2025-12-20T14:00', hours: 2 }, headCount: 500, ratings: [1, 1] },
  { hall: 'h3', project: 'a', status: 'cancelled', created: '2026-06-01T10:00' },
  { hall: 'h2', project: 'b', status: 'completed', created: '2026-06-10T10:00', scheduled: { start: '2026-07-01T14:00', hours: 2 }, headCount: 100 },
];
const COUNTY = '330381';

describe('yearly rankings and commendations (MySQL)', () => {
  let t: TestApp;
  let reviewer: LoginResponse;
  let countyReviewer: LoginResponse;
  let world: StatsWorld;

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    reviewer = await t.login('reviewer');
    const db = t.app.get(DatabaseService);
    countyReviewer = await t.login('reviewer', (await db.manager.query("SELECT user_id FROM user_roles WHERE role = 'reviewer' AND region_code = ?", [COUNTY]))[0].user_id);
    world = await buildWorld(t, COUNTY, ORDERS, []);
    const [r1, r2, r3] = world.orders;
    await rateOrderDirectly(t, r1, 'hall', 4);
    await rateOrderDirectly(t, r3, 'hall', 3, true);
    await rateOrderDirectly(t, r1, 'provider', 5);
    await rateOrderDirectly(t, r2, 'provider', 4);
    await rateOrderDirectly(t, r3, 'provider', 2);
  });
  afterAll(() => t.close());

  const ranking = async (who: LoginResponse, query: string) => (await request(t.http).get(`/api/rankings?${query}`).set(bearer(who)).expect(200)).body as RankingDto;

  it('ranks projects, providers and halls of the year by the documented formula', async () => {
    const projects = await ranking(countyReviewer, 'year=2026&kind=project');
    expect(projects.region.code).toBe(COUNTY);
    expect(projects.total).toBe(2);
    expect(projects.formula).toContain('0.35 × 服务场次/最高服务场次');
    expect(projects.items).toEqual([
      { rank: 1, id: world.projects.a, name: '统计越剧专场', detail: '统计演出队', services: 2, attendance: 250, ratingsCount: 6, satisfaction: 0.8333, adjustedSatisfaction: 0.8182, score: 91.29, honour: null },
      { rank: 2, id: world.projects.b, name: '统计政策宣讲', detail: '统计宣讲团', services: 1, attendance: 300, ratingsCount: 1, satisfaction: 1, adjustedSatisfaction: 0.8333, score: 65.83, honour: null },
    ]);

    const providers = await ranking(reviewer, `year=2026&kind=provider&regionCode=${COUNTY}`);
    expect(providers.items.map((r) => [r.id, r.detail, r.score])).toEqual([
      [world.providers.p, '艺术团', 91.29],
      [world.providers.q, '艺术团', 65.83],
    ]);

    const halls = await ranking(reviewer, `year=2026&kind=hall&regionCode=${COUNTY}`);
    expect(halls.items.map((r) => [r.id, r.services, r.attendance, r.ratingsCount, r.satisfaction, r.score])).toEqual([
      [world.halls.h5, 1, 300, 1, 0, 91.67],
      [world.halls.h2, 1, 150, 1, 1, 83.33],
      [world.halls.h1, 1, 100, 1, 1, 79.17],
    ]);
    expect(halls.items[0].detail).toContain(world.t2.name);

    // 2025 holds only r4; limit cuts the list, total does not.
    expect((await ranking(reviewer, `year=2025&kind=project&regionCode=${COUNTY}`)).items.map((r) => [r.id, r.attendance, r.ratingsCount])).toEqual([[world.projects.b, 500, 2]]);
    const top = await ranking(reviewer, `year=2026&kind=project&regionCode=${COUNTY}&limit=1`);
    expect([top.items.length, top.total]).toEqual([1, 2]);
  });

  it('keeps rankings to the reviewer’s region and checks the query', async () => {
    expect((await request(t.http).get('/api/rankings?year=2026&kind=project&regionCode=330302').set(bearer(countyReviewer)).expect(403)).body.code).toBe(ErrorCode.OutOfScope);
    expect((await request(t.http).get('/api/rankings?year=2026&kind=village').set(bearer(reviewer)).expect(400)).body.message).toContain('排名对象只能是');
    await request(t.http).get('/api/rankings?year=2026&kind=project').set(bearer(await t.login('provider'))).expect(403);
    // A region with nothing held ranks nobody.
    expect((await ranking(reviewer, 'year=2026&kind=hall&regionCode=330302')).items).toEqual([]);
  });

  it('marks a brand project with a citation; the mark shows on the menu, the project page and the ranking', async () => {
    const marked = await request(t.http)
      .post('/api/rankings/commendations')
      .set(bearer(countyReviewer))
      .send({ kind: 'project', subjectId: world.projects.a, year: 2026, citation: '群众最喜爱的越剧专场，全年送戏下乡' })
      .expect(201);
    const mark = marked.body as CommendationDto;
    expect(mark).toMatchObject({ kind: 'project', subjectId: world.projects.a, subjectName: '统计越剧专场', year: 2026, status: 'active', allowedActions: ['revoke'] });
    expect(mark.markedBy).toBe(countyReviewer.me.nickname);

    const again = await request(t.http).post('/api/rankings/commendations').set(bearer(reviewer)).send({ kind: 'project', subjectId: world.projects.a, year: 2026, citation: '再评一次试试看' }).expect(409);
    expect(again.body.code).toBe(ErrorCode.Conflict);
    const future = await request(t.http).post('/api/rankings/commendations').set(bearer(reviewer)).send({ kind: 'project', subjectId: world.projects.a, year: 2099, citation: '提前表彰不允许' }).expect(400);
    expect(future.body.message).toBe('不能表彰尚未到来的年度');
    await request(t.http).post('/api/rankings/commendations').set(bearer(reviewer)).send({ kind: 'project', subjectId: 999999, year: 2026, citation: '不存在的项目' }).expect(404);
    await request(t.http).post('/api/rankings/commendations').set(bearer(reviewer)).send({ kind: 'project', subjectId: world.projects.b, year: 2026, citation: '短' }).expect(400);

    const menu = (await request(t.http).get(`/api/menu?keyword=${encodeURIComponent('统计越剧专场')}`).expect(200)).body as Paged<MenuItemDto>;
    expect(menu.items[0]).toMatchObject({ id: world.projects.a, source: 'declared', honours: [{ kind: 'project', year: 2026, label: '2026年度品牌项目', citation: '群众最喜爱的越剧专场，全年送戏下乡' }] });
    const page = (await request(t.http).get(`/api/projects/${world.projects.a}`).expect(200)).body as ProjectDetailDto;
    expect(page.honours.map((h) => h.label)).toEqual(['2026年度品牌项目']);
    expect(page.providerHonours).toEqual([]);
    expect((await ranking(reviewer, `year=2026&kind=project&regionCode=${COUNTY}`)).items[0].honour).toMatchObject({ id: mark.id, status: 'active' });
  });

  it('commends providers and halls inside the reviewer’s region only, shown on the provider profile', async () => {
    const provider = await request(t.http).post('/api/rankings/commendations').set(bearer(reviewer)).send({ kind: 'provider', subjectId: world.providers.p, year: 2026, citation: '全年送戏下乡二十场' }).expect(201);
    expect(provider.body).toMatchObject({ kind: 'provider', subjectName: '统计演出队' });
    const profile = (await request(t.http).get(`/api/providers/${world.providers.p}`).expect(200)).body as ProviderDto;
    expect(profile.honours).toEqual([{ id: provider.body.id, kind: 'provider', year: 2026, label: '2026年度表彰单位', citation: '全年送戏下乡二十场' }]);
    expect(profile).toMatchObject({ teamSize: 4, rating: { count: 0, average: null, score: 4, satisfaction: null } });
    expect(((await request(t.http).get(`/api/projects/${world.projects.a}`).expect(200)).body as ProjectDetailDto).providerHonours[0].label).toBe('2026年度表彰单位');

    await request(t.http).post('/api/rankings/commendations').set(bearer(countyReviewer)).send({ kind: 'hall', subjectId: world.halls.h5, year: 2026, citation: '组织有序，群众参与热情高' }).expect(201);
    // 温州市文化馆 serves the whole city: outside a county reviewer's region.
    const [cityWide] = await t.app.get(DatabaseService).manager.query("SELECT id FROM providers WHERE name = '温州市文化馆'");
    const refused = await request(t.http).post('/api/rankings/commendations').set(bearer(countyReviewer)).send({ kind: 'provider', subjectId: cityWide.id, year: 2026, citation: '超出地区的表彰' }).expect(403);
    expect(refused.body.message).toBe('只能表彰您负责地区内的项目、服务方和礼堂');
    await request(t.http).post('/api/rankings/commendations').set(bearer(await t.login('hall_manager'))).send({ kind: 'hall', subjectId: world.halls.h1, year: 2026, citation: '自己表彰自己' }).expect(403);

    const list = (await request(t.http).get('/api/rankings/commendations?year=2026').set(bearer(reviewer)).expect(200)).body as Paged<CommendationDto>;
    expect(list.items.map((c) => [c.kind, c.subjectName])).toEqual([
      ['hall', '统计五号礼堂'],
      ['project', '统计越剧专场'],
      ['provider', '统计演出队'],
    ]);
  });

  it('revokes a mark with a reason and restores it, keeping who and when in its history', async () => {
    const list = (await request(t.http).get('/api/rankings/commendations?year=2026&kind=project').set(bearer(reviewer)).expect(200)).body as Paged<CommendationDto>;
    const id = list.items[0].id;
    expect((await request(t.http).delete(`/api/rankings/commendations/${id}`).set(bearer(reviewer)).send({}).expect(400)).body.code).toBe(ErrorCode.ReasonRequired);
    const revoked = (await request(t.http).delete(`/api/rankings/commendations/${id}`).set(bearer(reviewer)).send({ reason: '获评后被群众投诉，暂缓' }).expect(200)).body as CommendationDto;
    expect(revoked).toMatchObject({ status: 'revoked', allowedActions: ['restore'] });
    expect(((await request(t.http).get(`/api/menu?keyword=${encodeURIComponent('统计越剧专场')}`).expect(200)).body as Paged<MenuItemDto>).items[0].honours).toEqual([]);
    await request(t.http).delete(`/api/rankings/commendations/${id}`).set(bearer(reviewer)).send({ reason: '再撤一次' }).expect(409);

    const restored = (await request(t.http).post('/api/rankings/commendations').set(bearer(countyReviewer)).send({ kind: 'project', subjectId: world.projects.a, year: 2026, citation: '核实后恢复品牌项目称号' }).expect(201)).body as CommendationDto;
    expect(restored).toMatchObject({ id, status: 'active', citation: '核实后恢复品牌项目称号' });
    const history = (await request(t.http).get(`/api/rankings/commendations/${id}/history`).set(bearer(reviewer)).expect(200)).body as HistoryEntryDto[];
    expect(history.map((h) => [h.event, h.fromState, h.toState, h.actorName, h.reason])).toEqual([
      ['create', null, 'active', countyReviewer.me.nickname, null],
      ['revoke', 'active', 'revoked', reviewer.me.nickname, '获评后被群众投诉，暂缓'],
      ['restore', 'revoked', 'active', countyReviewer.me.nickname, null],
    ]);
  });

  it('answers a retried mark (or restore) with what its key did, and a new key with “already marked”', async () => {
    const send = (key: string, citation: string) =>
      request(t.http).post('/api/rankings/commendations').set(bearer(countyReviewer)).set('Idempotency-Key', key).send({ kind: 'hall', subjectId: world.halls.h2, year: 2026, citation });
    const rows = async () => Number((await t.app.get(DatabaseService).manager.query("SELECT COUNT(*) n FROM commendations WHERE kind = 'hall' AND subject_id = ?", [world.halls.h2]))[0].n);

    const first = (await send('mark-retry-0001', '村民自发组织观演，秩序井然').expect(201)).body as CommendationDto;
    expect((await send('mark-retry-0001', '村民自发组织观演，秩序井然').expect(201)).body).toEqual(first);
    expect(await rows()).toBe(1);
    const again = await send('mark-retry-0002', '换个理由再表彰一次').expect(409);
    expect(again.body).toMatchObject({ code: ErrorCode.Conflict, details: { commendationId: first.id } });

    // Restoring is keyed too: twins on the wire at once restore once.
    await request(t.http).delete(`/api/rankings/commendations/${first.id}`).set(bearer(reviewer)).send({ reason: '数据需要复核' }).expect(200);
    const twins = await Promise.all([send('mark-retry-0003', '复核无误，恢复表彰'), send('mark-retry-0003', '复核无误，恢复表彰')]);
    expect(twins.map((r) => r.status)).toEqual([201, 201]);
    expect(twins[0].body).toEqual(twins[1].body);
    expect(twins[0].body).toMatchObject({ id: first.id, status: 'active', citation: '复核无误，恢复表彰' });
    const history = (await request(t.http).get(`/api/rankings/commendations/${first.id}/history`).set(bearer(reviewer)).expect(200)).body as HistoryEntryDto[];
    expect(history.map((h) => h.event)).toEqual(['create', 'revoke', 'restore']);
    expect(await rows()).toBe(1);
  });
});
