import type { LoginResponse, OrderDto, ReservationDto } from '@hall-menu/shared';
import request from 'supertest';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { acceptedOrder, heldService, makeVillagers, publishedProjectFor } from './fixtures';
import { hallImportCsv } from './hall-import-file';
import { bearer, startTestApp, type TestApp } from './test-app';

/**
 * For every endpoint that takes an object id (read from the OpenAPI document, so a new one cannot be forgotten):
 * each role, holding an object that is not theirs — another hall, another organisation, another region, another
 * villager — is refused (401/403/404) and nothing changes. Endpoints open to everyone by design say why.
 */

type Outsider = 'villager' | 'manager' | 'provider' | 'reviewer';
const EVERY_OUTSIDER: Outsider[] = ['villager', 'manager', 'provider', 'reviewer'];

/** Ids of objects that belong to the "owner" side: one hall, its manager, one provider, their order, a villager of the hall. */
interface Owned {
  hallId: number;
  providerId: number;
  projectId: number;
  orderId: number;
  eventId: number;
  reservationId: number;
  needId: number;
  responseId: number;
  notificationId: number;
  conversationId: number;
  eventRatingId: number;
  orderRatingId: number;
  ratedOrderId: number;
  ratedEventId: number;
  revisionId: number;
  regionCode: string;
  villageCode: string;
  ownerManagerId: number;
  importId: number;
  inviteId: number;
  commendationId: number;
  nominationId: number;
}

interface Rule {
  /** Values for the path's parameters, by name. */
  params: (o: Owned) => Record<string, string | number>;
  /** A body valid in form, so that only ownership can be the reason for a refusal. */
  body?: (o: Owned) => unknown;
  query?: (o: Owned) => string;
  /** Who must be refused (default: all four outsiders). */
  outsiders?: Outsider[];
}

type Entry = Rule | { open: string };

const slot = () => {
  const day = addDays(beijingToday(), 20);
  return { start: `${day}T14:00:00+08:00`, end: `${day}T16:00:00+08:00` };
};

const RULES: Record<string, Entry> = {
  // Places and catalogue: public reading by design.
  'GET /api/regions/{code}': { open: 'the region tree is public reference data' },
  'GET /api/halls/{id}': { open: 'a hall’s public profile (name, village, seats) is shown to everyone' },
  'GET /api/providers/{id}': { open: 'a provider’s public profile is shown on the menu' },
  'GET /api/projects/{id}': { open: 'published projects are the public menu; unpublished ones are checked in projects.e2e' },
  'GET /api/events/{id}': { open: 'villagers anywhere can see an event to reserve it' },
  'GET /api/events/{id}/ratings': { open: 'published ratings of an event are public (authors masked)' },
  'GET /api/halls/{hallId}/events': { open: 'the events of a hall are public' },
  'GET /api/needs/{id}': { open: 'needs are published so providers can respond' },
  'POST /api/events/{id}/reservations': { open: 'any villager may reserve a seat at any public event' },
  'POST /api/halls/{id}/follow': { open: 'any villager may follow any hall' },
  'DELETE /api/halls/{id}/follow': { open: 'un-following only touches the caller’s own follow' },

  'PUT /api/halls/{id}': {
    params: (o) => ({ id: o.hallId }),
    body: (o) => ({ name: '越权修改礼堂', villageCode: o.villageCode, seats: 100, annualQuota: 12 }),
  },
  'PUT /api/providers/{id}': {
    params: (o) => ({ id: o.providerId }),
    body: (o) => ({ name: '越权修改机构', kind: 'art_troupe', contactName: '张三', contactPhone: '13800000000', serviceArea: [o.regionCode] }),
  },
  'POST /api/providers/{id}/verification': { params: (o) => ({ id: o.providerId }), body: () => ({ verification: 'suspended' }) },
  'PUT /api/projects/{id}': {
    params: (o) => ({ id: o.projectId }),
    body: () => ({
      category: 'lecture', title: '越权修改的项目', description: '这是一段足够长的项目介绍，用于越权测试，内容无关紧要。', durationMinutes: 60, audienceMin: 10,
      audienceMax: 100, targetAudience: 'all', serviceArea: ['330302'], weekdays: [1], timeWindows: [{ start: '09:00', end: '11:00' }],
    }),
  },
  'GET /api/projects/{id}/history': { params: (o) => ({ id: o.projectId }), outsiders: ['villager', 'manager', 'provider', 'reviewer'] },
  'POST /api/projects/{id}/actions/{event}': { params: (o) => ({ id: o.projectId, event: 'suspend' }), body: () => ({ reason: '越权' }) },
  'POST /api/projects/{id}/revisions/{revisionId}/{event}': { params: (o) => ({ id: o.projectId, revisionId: o.revisionId, event: 'approve' }), body: () => ({}) },

  'GET /api/orders/{id}': { params: (o) => ({ id: o.orderId }) },
  'GET /api/orders/{id}/timeline': { params: (o) => ({ id: o.orderId }) },
  'POST /api/orders/{id}/actions/{event}': { params: (o) => ({ id: o.orderId, event: 'cancel' }), body: () => ({ reason: '越权取消' }) },
  'GET /api/calendar/halls/{hallId}': { params: (o) => ({ hallId: o.hallId }), query: () => 'month=2026-12' },

  'POST /api/events/{id}/proxy-reservations': { params: (o) => ({ id: o.eventId }), body: () => ({ seats: 1, guestName: '王大爷' }) },
  'POST /api/events/{id}/check-ins': { params: (o) => ({ id: o.eventId }), body: () => ({ code: 'ABCD1234' }) },
  'PUT /api/events/{id}/seats': { params: (o) => ({ id: o.eventId }), body: () => ({ seats: 10 }) },
  'POST /api/events/{id}/walk-ins': { params: (o) => ({ id: o.eventId }), body: () => ({ count: 3 }) },
  'GET /api/reservations/{id}': { params: (o) => ({ id: o.reservationId }) },
  'POST /api/reservations/{id}/cancel': { params: (o) => ({ id: o.reservationId }), body: () => ({}) },

  'POST /api/needs/{id}/upvote': { open: 'any villager may say 我也想看 about any open need (once)' },
  'POST /api/needs/{id}/close': { params: (o) => ({ id: o.needId }), body: () => ({ reason: '越权关闭' }) },
  'GET /api/needs/{id}/suggestions': { params: (o) => ({ id: o.needId }) },
  'POST /api/needs/{id}/order': { params: (o) => ({ id: o.needId }), body: (o) => ({ projectId: o.projectId, expectedAudience: 50 }) },
  'POST /api/needs/{id}/responses': { open: 'any provider may respond to an open need; the hall decides' },
  'POST /api/needs/{id}/responses/{responseId}/accept': { params: (o) => ({ id: o.needId, responseId: o.responseId }), body: () => ({}) },
  'POST /api/needs/{id}/responses/{responseId}/decline': { params: (o) => ({ id: o.needId, responseId: o.responseId }), body: () => ({ reason: '越权' }) },

  'POST /api/events/{id}/rating': { params: (o) => ({ id: o.ratedEventId }), body: () => ({ stars: 1, text: '越权评价' }) },
  'PUT /api/events/{id}/rating': { params: (o) => ({ id: o.ratedEventId }), body: () => ({ stars: 1, text: '越权修改' }) },
  'POST /api/event-ratings/{id}/hide': { params: (o) => ({ id: o.eventRatingId }), body: () => ({ reason: '越权隐藏' }) },
  'POST /api/orders/{id}/ratings/hall': { params: (o) => ({ id: o.ratedOrderId }), body: () => ({ scores: { content: 1, punctuality: 1, audience: 1 } }) },
  'POST /api/orders/{id}/ratings/provider': { params: (o) => ({ id: o.ratedOrderId }), body: () => ({ scores: { organisation: 1, turnout: 1 } }) },
  'GET /api/orders/{id}/ratings': { params: (o) => ({ id: o.ratedOrderId }) },
  'POST /api/order-ratings/{id}/hide': { params: (o) => ({ id: o.orderRatingId }), body: () => ({ reason: '越权隐藏' }) },

  'POST /api/notifications/{id}/read': { params: (o) => ({ id: o.notificationId }), body: () => ({}) },

  // Conversations: members only (the order's hall managers and provider members; a reviewer only during a dispute).
  'GET /api/conversations/{id}': { params: (o) => ({ id: o.conversationId }) },
  'GET /api/conversations/{id}/messages': { params: (o) => ({ id: o.conversationId }) },
  'POST /api/conversations/{id}/messages': { params: (o) => ({ id: o.conversationId }), body: () => ({ clientMessageId: '6f1c1f0e-3c55-4b7e-9d7e-0d5c2b0a9a11', kind: 'text', text: '越权发言' }) },
  'POST /api/conversations/{id}/read': { params: (o) => ({ id: o.conversationId }), body: () => ({ upToId: 1 }) },

  // Administration: admins city-wide, reviewers inside their region; the owner side is outside the 瑞安 reviewer's.
  'GET /api/admin/rules/{key}/changes': { params: () => ({ key: 'orderAnswerHours' }), outsiders: ['villager', 'manager', 'provider'] },
  'PUT /api/admin/rules/{key}': { params: () => ({ key: 'orderAnswerHours' }), body: () => ({ value: 1, reason: '越权' }) },
  'GET /api/admin/halls/{id}': { params: (o) => ({ id: o.hallId }) },
  'PUT /api/admin/halls/{id}/quota': { params: (o) => ({ id: o.hallId }), body: () => ({ annualQuota: 99 }) },
  'PUT /api/admin/halls/{id}/blackouts': { params: (o) => ({ id: o.hallId }), body: () => ({ periods: [] }) },
  'POST /api/admin/halls/{id}/close': { params: (o) => ({ id: o.hallId }), body: () => ({ reason: '越权关闭' }) },
  'POST /api/admin/halls/{id}/reopen': { params: (o) => ({ id: o.hallId }), body: () => ({}) },
  'POST /api/admin/halls/{id}/managers': { params: (o) => ({ id: o.hallId }), body: (o) => ({ userId: o.ownerManagerId }) },
  'DELETE /api/admin/halls/{id}/managers/{userId}': { params: (o) => ({ id: o.hallId, userId: o.ownerManagerId }) },
  'GET /api/admin/hall-imports/{id}': { params: (o) => ({ id: o.importId }) },
  'POST /api/admin/hall-imports/{id}/confirm': { params: (o) => ({ id: o.importId }), body: () => ({ mode: 'skip-errors' }) },
  'GET /api/admin/users/{id}': { params: (o) => ({ id: o.ownerManagerId }) },
  'POST /api/admin/users/{id}/roles': { params: (o) => ({ id: o.ownerManagerId }), body: (o) => ({ role: 'hall_manager', hallIds: [o.hallId] }) },
  'DELETE /api/admin/users/{id}/roles/{role}': { params: (o) => ({ id: o.ownerManagerId, role: 'hall_manager' }) },
  'POST /api/admin/users/{id}/disable': { params: (o) => ({ id: o.ownerManagerId }), body: () => ({ reason: '越权停用' }) },
  'POST /api/admin/users/{id}/enable': { params: (o) => ({ id: o.ownerManagerId }), body: () => ({}) },
  'POST /api/admin/invites/{id}/revoke': { params: (o) => ({ id: o.inviteId }), body: () => ({}) },

  // Evaluation: commendations of the owner provider and a 村晚 nomination for it, made by the city reviewer.
  'DELETE /api/rankings/commendations/{id}': { params: (o) => ({ id: o.commendationId }) },
  // Commendations are public honours; any official may read who granted or revoked one, only the region may change it.
  'GET /api/rankings/commendations/{id}/history': { params: (o) => ({ id: o.commendationId }), outsiders: ['villager', 'manager', 'provider'] },
  'GET /api/nominations/{id}': { params: (o) => ({ id: o.nominationId }) },
  'POST /api/nominations/{id}/actions/{event}': { params: (o) => ({ id: o.nominationId, event: 'confirm' }), body: () => ({}) },
};

describe('authorisation matrix over every endpoint with an object id', () => {
  let t: TestApp;
  let owned: Owned;
  const outsiders = {} as Record<Outsider, string>;
  let paths: string[];

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    const db = t.app.get(DatabaseService);
    const q = <T>(sql: string, params: unknown[] = []) => db.manager.query(sql, params) as Promise<T[]>;
    const userByKey = async (key: string) => Number((await q<{ id: number }>('SELECT id FROM users WHERE demo_key = ?', [key]))[0].id);

    // The owner side (hall and provider) lies outside 瑞安 (330381), so the 瑞安 reviewer is "another region".
    const managers = await q<{ user_id: number; hall_id: number; village_code: string }>(
      `SELECT r.user_id, h.id AS hall_id, h.village_code FROM user_roles r JOIN hall_managers m ON m.user_id = r.user_id JOIN halls h ON h.id = m.hall_id
        WHERE r.role = 'hall_manager' ORDER BY r.user_id, h.id`,
    );
    const members = await q<{ user_id: number; provider_id: number; region_code: string }>(
      `SELECT m.user_id, m.provider_id, a.region_code FROM provider_members m JOIN providers p ON p.id = m.provider_id AND p.verification = 'verified'
         JOIN provider_areas a ON a.provider_id = m.provider_id
        WHERE m.provider_id NOT IN (SELECT provider_id FROM provider_areas WHERE region_code LIKE '330381%' OR '330381' LIKE CONCAT(region_code, '%'))
        ORDER BY m.user_id`,
    );
    const pair = members
      .map((member) => ({ member, hall: managers.find((m) => m.village_code.startsWith(member.region_code) && !m.village_code.startsWith('330381')) }))
      .find((candidate) => candidate.hall)!;
    const ownerRow = pair.hall!;
    const manager = await t.login('hall_manager', Number(ownerRow.user_id));
    const otherManagerRow = managers.find((m) => Number(m.user_id) !== Number(ownerRow.user_id) && !manager.me.scopes.halls.some((h) => h.id === Number(m.hall_id)))!;
    const provider = await t.login('provider', Number(pair.member.user_id));
    const otherProviderRow = members.find((m) => Number(m.provider_id) !== Number(pair.member.provider_id))!;
    const reviewer = await t.login('reviewer', await userByKey('reviewer-1'));
    const hallId = Number(ownerRow.hall_id);
    const villageCode = ownerRow.village_code;
    const [villager] = await makeVillagers(t, 1, villageCode, '矩阵村民');
    const otherVillage = (await q<{ code: string }>("SELECT code FROM regions WHERE level = 'village' AND code NOT LIKE ? ORDER BY code LIMIT 1", [`${villageCode.slice(0, 6)}%`]))[0].code;
    const [otherVillager] = await makeVillagers(t, 1, otherVillage, '外村村民');
    outsiders.villager = `Bearer ${otherVillager.token}`;
    outsiders.manager = `Bearer ${(await t.login('hall_manager', Number(otherManagerRow.user_id))).tokens.accessToken}`;
    outsiders.provider = `Bearer ${(await t.login('provider', Number(otherProviderRow.user_id))).tokens.accessToken}`;
    outsiders.reviewer = `Bearer ${(await t.login('reviewer', await userByKey('reviewer-2'))).tokens.accessToken}`;
    await q('UPDATE halls SET annual_quota = 100 WHERE id = ?', [hallId]);

    const project = await publishedProjectFor(t, provider, reviewer, manager, '越权矩阵测试专场');
    const order = await acceptedOrder(t, { manager, provider }, project.id, hallId, 4);
    const reservation = (await request(t.http).post(`/api/events/${order.event!.id}/reservations`).set('Authorization', `Bearer ${villager.token}`).send({ seats: 1 }).expect(201)).body as ReservationDto;
    // A pending revision of the published project.
    await request(t.http).put(`/api/projects/${project.id}`).set(bearer(provider)).send({ ...revisionBody(villageCode), title: '越权矩阵测试专场（修订）' }).expect(200);
    const revisionId = Number((await q<{ id: number }>('SELECT id FROM project_revisions WHERE project_id = ? ORDER BY id DESC LIMIT 1', [project.id]))[0].id);
    const need = (await request(t.http).post('/api/needs').set(bearer(manager)).send({ hallId, category: 'lecture', title: '想听防诈骗讲座', periodFrom: addDays(beijingToday(), 10), periodTo: addDays(beijingToday(), 40), expectedAudience: 60 }).expect(201)).body;
    const response = (await request(t.http).post(`/api/needs/${need.id}/responses`).set(bearer(provider)).send({ projectId: project.id, ...slot() }).expect(201)).body;

    // A delivered, rated order and event (clock moved to the event) for the rating endpoints.
    const rated = await ratedOrder(t, { manager, provider, villager }, project.id, hallId);
    const admin = await t.login('admin');
    const conversation = (await request(t.http).post('/api/conversations/open').set(bearer(manager)).send({ kind: 'order', subjectId: order.id }).expect(200)).body;
    const csv = hallImportCsv([{ '村/社区代码': villageCode, 礼堂名称: '越权矩阵导入礼堂', 座位数: 80 }]);
    const hallImport = (await request(t.http).post('/api/admin/hall-imports').set(bearer(admin)).attach('file', csv, 'halls.csv').expect(201)).body;
    const invite = (await request(t.http).post('/api/admin/invites').set(bearer(admin)).send({ kind: 'hall_manager', hallId }).expect(201)).body;
    const commendation = (
      await request(t.http).post('/api/rankings/commendations').set(bearer(reviewer)).send({ kind: 'provider', subjectId: provider.me.scopes.provider!.id, year: 2026, citation: '送戏下乡成绩突出' }).expect(201)
    ).body;
    const nomination = (
      await request(t.http).post('/api/nominations').set(bearer(reviewer)).send({
        galaName: '2026年矩阵村村晚', title: '矩阵村原创小品', description: '村民自编自演的小品，讲述垃圾分类的故事，笑料不断又有教育意义。', category: 'performance',
        performers: '矩阵村文艺队', sourceVillageCode: villageCode, durationMinutes: 30, providerId: provider.me.scopes.provider!.id,
      }).expect(201)
    ).body;
    const notificationId = Number((await q<{ id: number }>('SELECT id FROM notifications WHERE user_id = ? ORDER BY id LIMIT 1', [manager.me.id]))[0].id);
    owned = {
      hallId,
      providerId: provider.me.scopes.provider!.id,
      projectId: project.id,
      orderId: order.id,
      eventId: order.event!.id,
      reservationId: reservation.id,
      needId: need.id,
      responseId: response.id,
      notificationId,
      conversationId: conversation.id,
      eventRatingId: rated.eventRatingId,
      orderRatingId: rated.orderRatingId,
      ratedOrderId: rated.orderId,
      ratedEventId: rated.eventId,
      revisionId,
      regionCode: villageCode.slice(0, 6),
      villageCode,
      ownerManagerId: manager.me.id,
      importId: hallImport.id,
      inviteId: invite.id,
      commendationId: commendation.id,
      nominationId: nomination.id,
    };
    const document = (await request(t.http).get('/api/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    paths = Object.entries(document.paths)
      .filter(([path]) => path.includes('{'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
  }, 300_000);
  afterAll(() => t.close());

  it('has a rule, or a reason for being open, for every endpoint that takes an id', () => {
    expect(paths.filter((key) => !(key in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((key) => !paths.includes(key))).toEqual([]);
  });

  it('refuses every outsider role on every such endpoint, and changes nothing', async () => {
    const db = t.app.get(DatabaseService);
    const failures: string[] = [];
    for (const [key, entry] of Object.entries(RULES)) {
      if ('open' in entry) continue;
      const [method, template] = key.split(' ');
      const params = entry.params(owned);
      const url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (!(name in params)) throw new Error(`${key}: no value for {${name}}`);
        return String(params[name]);
      }) + (entry.query ? `?${entry.query(owned)}` : '');
      for (const who of entry.outsiders ?? EVERY_OUTSIDER) {
        const before = await historyCount(db);
        let call = request(t.http)[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url).set('Authorization', outsiders[who]);
        if (entry.body) call = call.send(entry.body(owned) as object);
        const res = await call;
        if (![401, 403, 404].includes(res.status)) failures.push(`${who} ${method} ${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        else if (!/[\u4e00-\u9fff]/.test(res.body.message ?? '')) failures.push(`${who} ${method} ${url} → ${res.status} without a Chinese message`);
        if ((await historyCount(db)) !== before) failures.push(`${who} ${method} ${url} left a history, audit or message row`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

/** Every change leaves a row in one of these: an unchanged total means nothing changed. */
async function historyCount(db: DatabaseService): Promise<number> {
  const [row] = await db.manager.query(
    'SELECT (SELECT COUNT(*) FROM transition_history) + (SELECT COUNT(*) FROM admin_changes) + (SELECT COUNT(*) FROM rule_changes) + (SELECT COUNT(*) FROM conversation_messages) AS n',
  );
  return Number(row.n);
}

function revisionBody(villageCode: string) {
  return {
    category: 'performance', description: '用于测试的文艺演出项目，节目五个，演员十二人，演出两小时，适合全村老少。', durationMinutes: 120, audienceMin: 20,
    audienceMax: 500, targetAudience: 'all', serviceArea: [villageCode.slice(0, 6)], weekdays: [1, 2, 3, 4, 5, 6, 7], timeWindows: [{ start: '08:00', end: '22:00' }], leadDays: 1,
  };
}

/** An order delivered and confirmed, its event attended and rated by the villager, the provider rated by the hall. */
async function ratedOrder(t: TestApp, actors: { manager: LoginResponse; provider: LoginResponse; villager: { token: string } }, projectId: number, hallId: number) {
  const order: OrderDto = await acceptedOrder(t, actors, projectId, hallId, 2, 9);
  const eventId = order.event!.id;
  const villager = { Authorization: `Bearer ${actors.villager.token}` };
  const reservation = (await request(t.http).post(`/api/events/${eventId}/reservations`).set(villager).send({ seats: 1 }).expect(201)).body as ReservationDto;
  const clock = await heldService(t, actors, order, { reservationCodes: [reservation.code], headCount: 80 });
  await request(t.http).post(`/api/orders/${order.id}/actions/confirm`).set(bearer(actors.manager)).send({}).expect(200);
  const eventRating = (await request(t.http).post(`/api/events/${eventId}/rating`).set(villager).send({ stars: 5, text: '很好' }).expect(201)).body;
  const orderRating = (await request(t.http).post(`/api/orders/${order.id}/ratings/hall`).set(bearer(actors.manager)).send({ scores: { content: 5, punctuality: 5, audience: 5 } }).expect(201)).body;
  clock.mockRestore();
  return { orderId: order.id, eventId, eventRatingId: eventRating.id as number, orderRatingId: orderRating.id as number };
}
