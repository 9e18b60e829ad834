import {
  ErrorCode,
  type AdminUserDto,
  type AuditEntryDto,
  type AuditPage,
  type AuthTokens,
  type InviteDto,
  type LoginResponse,
  type MeResponse,
  type OrderDto,
  type Paged,
  type RuleChangeDto,
  type RuleDto,
} from '@hall-menu/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

const COUNTY = '330381';
const HOUR = 3_600_000;

describe('administration of accounts, invite codes, rules and the audit trail (MySQL)', () => {
  let t: TestApp;
  let db: DatabaseService;
  let admin: LoginResponse;
  let cityReviewer: LoginResponse;
  let countyReviewer: LoginResponse;
  let manager: LoginResponse;
  let otherManager: LoginResponse;
  let provider: LoginResponse;
  let countyHallId: number;
  let foreignHallId: number;
  const today = beijingToday();

  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => db.manager.query(sql, params);
  const demoUser = async (key: string) => Number((await q<{ id: number }>('SELECT id FROM users WHERE demo_key = ?', [key]))[0].id);
  /** A brand-new villager, as after a first WeChat login. */
  const newVillager = async (nickname: string): Promise<LoginResponse> => {
    const user = await q<{ insertId: number }>('INSERT INTO users (nickname, disabled, demo_key) VALUES (?, 0, ?)', [nickname, `test-${randomUUID().slice(0, 8)}`]);
    const id = Number((user as unknown as { insertId: number }).insertId);
    await q("INSERT INTO user_roles (user_id, role) VALUES (?, 'villager')", [id]);
    return t.login('villager', id);
  };
  const me = (login: LoginResponse | string) =>
    request(t.http).get('/api/me').set('Authorization', `Bearer ${typeof login === 'string' ? login : login.tokens.accessToken}`);
  const audit = async (login: LoginResponse, query: string): Promise<AuditPage> =>
    (await request(t.http).get(`/api/admin/audit?${query}`).set(bearer(login)).expect(200)).body as AuditPage;

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    db = t.app.get(DatabaseService);
    admin = await t.login('admin');
    cityReviewer = await t.login('reviewer');
    countyReviewer = await t.login('reviewer', await demoUser('reviewer-2'));
    manager = await t.login('hall_manager');
    otherManager = await t.login('hall_manager', await demoUser('manager-2'));
    provider = await t.login('provider');
    countyHallId = manager.me.scopes.halls[0].id;
    foreignHallId = otherManager.me.scopes.halls[0].id;
    expect(foreignHallId).toBeDefined();
    expect(otherManager.me.scopes.halls[0].villageCode.startsWith(COUNTY)).toBe(false);
  });
  afterAll(() => t.close());

  it('lists and searches accounts; a county reviewer sees only the accounts tied to the county', async () => {
    const found = (await request(t.http).get(`/api/admin/users?q=${encodeURIComponent(manager.me.nickname)}`).set(bearer(admin)).expect(200)).body as Paged<AdminUserDto>;
    const row = found.items.find((u) => u.id === manager.me.id)!;
    expect(row.roles.find((r) => r.role === 'hall_manager')).toMatchObject({ label: '礼堂管理员', halls: expect.arrayContaining([expect.objectContaining({ id: countyHallId })]) });
    expect(row.disabled).toBe(false);

    const managers = (await request(t.http).get('/api/admin/users?role=hall_manager&pageSize=100').set(bearer(countyReviewer)).expect(200)).body as Paged<AdminUserDto>;
    expect(managers.items.map((u) => u.id)).toContain(manager.me.id);
    expect(managers.items.map((u) => u.id)).not.toContain(otherManager.me.id);
    await request(t.http).get(`/api/admin/users/${otherManager.me.id}`).set(bearer(countyReviewer)).expect(403);
    await request(t.http).get(`/api/admin/users/${otherManager.me.id}`).set(bearer(admin)).expect(200);
    await request(t.http).get('/api/admin/users').set(bearer(manager)).expect(403);
  });

  it('grants and revokes roles with their scope; a reviewer only inside the region and never admin rights', async () => {
    const person = await newVillager('授权测试村民');
    const id = person.me.id;
    const grant = (login: LoginResponse, body: Record<string, unknown>) => request(t.http).post(`/api/admin/users/${id}/roles`).set(bearer(login)).send(body);

    const asManager = (await grant(countyReviewer, { role: 'hall_manager', hallIds: [countyHallId] }).expect(200)).body as AdminUserDto;
    expect(asManager.roles.find((r) => r.role === 'hall_manager')!.halls.map((h) => h.id)).toEqual([countyHallId]);
    expect(((await me(person).expect(200)).body as MeResponse).scopes.halls.map((h) => h.id)).toEqual([countyHallId]);

    expect((await grant(countyReviewer, { role: 'hall_manager', hallIds: [foreignHallId] }).expect(403)).body.code).toBe(ErrorCode.OutOfScope);
    expect((await grant(countyReviewer, { role: 'admin', regionCode: COUNTY }).expect(403)).body).toMatchObject({ code: ErrorCode.Forbidden, message: '审核员不能授予平台管理员角色' });
    await grant(countyReviewer, { role: 'reviewer', regionCode: '330382' }).expect(403);
    const township = (await q<{ code: string }>("SELECT code FROM regions WHERE level = 'township' AND code LIKE ? ORDER BY code LIMIT 1", [`${COUNTY}%`]))[0].code;
    const asReviewer = (await grant(countyReviewer, { role: 'reviewer', regionCode: township }).expect(200)).body as AdminUserDto;
    expect(asReviewer.roles.find((r) => r.role === 'reviewer')!.region?.code).toBe(township);
    expect((await grant(countyReviewer, { role: 'hall_manager', hallIds: [] }).expect(400)).body.message).toContain('请至少选择一个礼堂');

    const cityWideProvider = Number((await q<{ provider_id: number }>("SELECT provider_id FROM provider_areas WHERE region_code = '3303' ORDER BY provider_id LIMIT 1"))[0].provider_id);
    await grant(countyReviewer, { role: 'provider', providerId: cityWideProvider }).expect(403);
    await grant(admin, { role: 'provider', providerId: cityWideProvider }).expect(200);
    const another = Number((await q<{ id: number }>('SELECT id FROM providers WHERE id <> ? ORDER BY id LIMIT 1', [cityWideProvider]))[0].id);
    expect((await grant(admin, { role: 'provider', providerId: another }).expect(409)).body.message).toContain('一个账号只能加入一个服务方');

    const revoked = (await request(t.http).delete(`/api/admin/users/${id}/roles/hall_manager?hallId=${countyHallId}`).set(bearer(countyReviewer)).expect(200)).body as AdminUserDto;
    expect(revoked.roles.map((r) => r.role)).not.toContain('hall_manager');
    expect((await request(t.http).delete(`/api/admin/users/${id}/roles/villager`).set(bearer(admin)).expect(409)).body.message).toContain('不能撤销');
    await request(t.http).delete(`/api/admin/users/${admin.me.id}/roles/admin`).set(bearer(admin)).expect(403);

    const trail = await audit(admin, `objectType=user&objectId=${id}`);
    expect(trail.items.map((e) => e.action)).toEqual(['revoke_role', 'grant_role', 'grant_role', 'grant_role']);
    expect(trail.items[3]).toMatchObject({ actor: { id: countyReviewer.me.id, role: 'reviewer' }, after: { role: 'hall_manager', hallIds: [countyHallId] } });
  });

  it('disables an account: its refresh tokens are revoked in the same step and its access token is refused', async () => {
    const person = await newVillager('停用测试村民');
    const second = await t.login('villager', person.me.id);
    await me(person).expect(200);

    await request(t.http).post(`/api/admin/users/${person.me.id}/disable`).set(bearer(admin)).send({}).expect(400);
    await request(t.http).post(`/api/admin/users/${admin.me.id}/disable`).set(bearer(admin)).send({ reason: '测试' }).expect(403);
    await request(t.http).post(`/api/admin/users/${admin.me.id}/disable`).set(bearer(countyReviewer)).send({ reason: '测试' }).expect(403);
    await request(t.http).post(`/api/admin/users/${otherManager.me.id}/disable`).set(bearer(countyReviewer)).send({ reason: '测试' }).expect(403);

    const disabled = (await request(t.http).post(`/api/admin/users/${person.me.id}/disable`).set(bearer(admin)).send({ reason: '冒用他人身份' }).expect(200)).body as AdminUserDto;
    expect(disabled.disabled).toBe(true);
    const sessions = await q<{ revoked_at: Date | null; revoke_reason: string }>('SELECT revoked_at, revoke_reason FROM auth_sessions WHERE user_id = ?', [person.me.id]);
    expect(sessions).toHaveLength(2);
    expect(sessions.every((s) => s.revoked_at !== null && s.revoke_reason === 'account_disabled')).toBe(true);

    for (const login of [person, second]) {
      expect((await me(login).expect(403)).body).toMatchObject({ code: ErrorCode.AccountDisabled, message: '该账号已被停用，请联系管理员' });
      expect((await request(t.http).post('/api/auth/refresh').send({ refreshToken: login.tokens.refreshToken }).expect(403)).body.code).toBe(ErrorCode.AccountDisabled);
    }
    await request(t.http).post('/api/auth/demo').send({ role: 'villager', userId: person.me.id }).expect(404);

    await request(t.http).post(`/api/admin/users/${person.me.id}/enable`).set(bearer(admin)).send({}).expect(200);
    // Sessions ended by disabling stay ended; the person signs in again.
    expect((await request(t.http).post('/api/auth/refresh').send({ refreshToken: person.tokens.refreshToken }).expect(401)).body.code).toBe(ErrorCode.RefreshTokenInvalid);
    await me(person).expect(401);
    const fresh = await t.login('villager', person.me.id);
    const refreshed = (await request(t.http).post('/api/auth/refresh').send({ refreshToken: fresh.tokens.refreshToken }).expect(200)).body as AuthTokens;
    await me(refreshed.accessToken).expect(200);

    const trail = await audit(admin, `objectType=user&objectId=${person.me.id}`);
    expect(trail.items.map((e) => [e.action, e.reason])).toEqual([['enable', null], ['disable', '冒用他人身份']]);
  });

  it('invites a hall manager with a one-time code entered after login', async () => {
    const create = (login: LoginResponse, body: Record<string, unknown>) => request(t.http).post('/api/admin/invites').set(bearer(login)).send(body);
    await create(countyReviewer, { kind: 'hall_manager', hallId: foreignHallId }).expect(403);
    const invite = (await create(countyReviewer, { kind: 'hall_manager', hallId: countyHallId, expiresInDays: 3 }).expect(201)).body as InviteDto;
    expect(invite).toMatchObject({ kind: 'hall_manager', status: 'pending', hall: { id: countyHallId }, createdBy: { id: countyReviewer.me.id } });
    expect(invite.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(Date.parse(invite.expiresAt) - Date.now()).toBeGreaterThan(3 * 24 * HOUR - 60_000);

    const invited = await newVillager('受邀礼堂管理员');
    const typed = `${invite.code!.slice(0, 4).toLowerCase()}-${invite.code!.slice(4)}`;
    const redeemed = (await request(t.http).post('/api/me/invites/redeem').set(bearer(invited)).send({ code: typed }).expect(200)).body as MeResponse;
    expect(redeemed.roles).toContain('hall_manager');
    expect(redeemed.scopes.halls.map((h) => h.id)).toEqual([countyHallId]);
    // A retry by the same person answers the same; anyone else is told the code is used.
    await request(t.http).post('/api/me/invites/redeem').set(bearer(invited)).send({ code: invite.code }).expect(200);
    const stranger = await newVillager('拿到旧码的人');
    const used = await request(t.http).post('/api/me/invites/redeem').set(bearer(stranger)).send({ code: invite.code }).expect(400);
    expect(used.body).toMatchObject({ code: ErrorCode.InviteInvalid, details: { reason: 'used' } });
    const wrong = await request(t.http).post('/api/me/invites/redeem').set(bearer(stranger)).send({ code: 'ZZZZ2222' }).expect(400);
    expect(wrong.body).toMatchObject({ code: ErrorCode.InviteInvalid, message: '邀请码不正确，请核对后重新输入' });
    expect((await request(t.http).post('/api/me/invites/redeem').set(bearer(stranger)).send({ code: '!!' }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);

    const expiring = (await create(admin, { kind: 'hall_manager', hallId: countyHallId, expiresInDays: 1 }).expect(201)).body as InviteDto;
    await q('UPDATE invites SET expires_at = ? WHERE id = ?', [new Date(Date.now() - HOUR), expiring.id]);
    const expired = await request(t.http).post('/api/me/invites/redeem').set(bearer(stranger)).send({ code: expiring.code }).expect(400);
    expect(expired.body.message).toContain('已过期');

    // Two people entering the same fresh code at once: exactly one gets the role.
    const contested = (await create(admin, { kind: 'provider', providerId: provider.me.scopes.provider!.id }).expect(201)).body as InviteDto;
    const [a, b] = [await newVillager('抢码甲'), await newVillager('抢码乙')];
    const results = await Promise.all([a, b].map((p) => request(t.http).post('/api/me/invites/redeem').set(bearer(p)).send({ code: contested.code })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(Number((await q<{ n: number }>('SELECT COUNT(*) n FROM provider_members WHERE user_id IN (?, ?)', [a.me.id, b.me.id]))[0].n)).toBe(1);

    const listed = (await request(t.http).get('/api/admin/invites?pageSize=100').set(bearer(admin)).expect(200)).body as Paged<InviteDto>;
    const status = (id: number) => listed.items.find((i) => i.id === id)?.status;
    expect([status(invite.id), status(expiring.id), status(contested.id)]).toEqual(['redeemed', 'expired', 'redeemed']);
    expect(listed.items.every((i) => i.code === null)).toBe(true);
    const elsewhere = (await create(admin, { kind: 'hall_manager', hallId: foreignHallId }).expect(201)).body as InviteDto;
    const countyList = (await request(t.http).get('/api/admin/invites?pageSize=100').set(bearer(countyReviewer)).expect(200)).body as Paged<InviteDto>;
    expect(countyList.items.map((i) => i.id)).toEqual(expect.arrayContaining([invite.id, expiring.id]));
    expect(countyList.items.map((i) => i.id)).not.toContain(elsewhere.id);
    await request(t.http).post(`/api/admin/invites/${elsewhere.id}/revoke`).set(bearer(countyReviewer)).send({}).expect(403);
    expect(((await request(t.http).post(`/api/admin/invites/${elsewhere.id}/revoke`).set(bearer(admin)).send({}).expect(200)).body as InviteDto).status).toBe('revoked');
    const revoked = await request(t.http).post('/api/me/invites/redeem').set(bearer(stranger)).send({ code: elsewhere.code }).expect(400);
    expect(revoked.body.details.reason).toBe('revoked');
  });

  describe('rules and the audit trail', () => {
    let order: OrderDto;
    let foreignOrder: OrderDto;

    it('records a rule change with old and new value, who and when, and the next order uses it', async () => {
      const rules = (await request(t.http).get('/api/admin/rules').set(bearer(countyReviewer)).expect(200)).body as RuleDto[];
      expect(rules.map((r) => r.key)).toEqual(
        expect.arrayContaining(['orderAnswerHours', 'orderConfirmHours', 'reservationMaxSeats', 'cancelNoticeHours', 'noShowLimit', 'ratingEditWindowDays', 'matchWeights']),
      );
      expect(rules.find((r) => r.key === 'orderAnswerHours')).toMatchObject({ value: 72, defaultValue: 72, isDefault: true, label: '点单答复期限', unit: '小时', updatedBy: null });

      const put = (login: LoginResponse, key: string, body: Record<string, unknown>) => request(t.http).put(`/api/admin/rules/${key}`).set(bearer(login)).send(body);
      expect((await put(countyReviewer, 'orderAnswerHours', { value: 24 }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await put(admin, 'orderAnswerHours', { value: 0 }).expect(400)).body.message).toBe('点单答复期限：最小为 1 小时');
      expect((await put(admin, 'noSuchRule', { value: 1 }).expect(400)).body.message).toContain('没有这条规则');
      expect((await put(admin, 'matchWeights', { value: { category: 0, coverage: 0, availability: 0, rating: 0, fairness: 0, proximity: 0 } }).expect(400)).body.message).toContain('至少要有一项权重大于 0');

      const changed = (await put(admin, 'orderAnswerHours', { value: 24, reason: '加快响应' }).expect(200)).body as RuleDto;
      expect(changed).toMatchObject({ value: 24, defaultValue: 72, isDefault: false, updatedBy: { id: admin.me.id, nickname: admin.me.nickname } });
      // The same value again is no change and leaves no record.
      await put(admin, 'orderAnswerHours', { value: 24 }).expect(200);
      const history = (await request(t.http).get('/api/admin/rules/orderAnswerHours/changes').set(bearer(admin)).expect(200)).body as RuleChangeDto[];
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ oldValue: 72, newValue: 24, reason: '加快响应', changedBy: { id: admin.me.id } });
      expect(Date.now() - Date.parse(history[0].changedAt)).toBeLessThan(60_000);

      const project = await publishedProjectFor(t, provider, cityReviewer, manager, '规则测试锣鼓队');
      const window = { from: addDays(today, 4), to: addDays(today, 10) };
      const placedAt = Date.now();
      order = (
        await request(t.http).post('/api/orders').set(bearer(manager)).set('Idempotency-Key', randomUUID()).send({ projectId: project.id, hallId: countyHallId, windows: [window], expectedAudience: 60 }).expect(201)
      ).body as OrderDto;
      const deadline = Date.parse(order.answerDeadline) - placedAt;
      expect(deadline).toBeGreaterThan(24 * HOUR - 60_000);
      expect(deadline).toBeLessThan(24 * HOUR + 60_000);

      const foreignProject = await publishedProjectFor(t, provider, cityReviewer, otherManager, '规则测试外县项目');
      foreignOrder = (
        await request(t.http)
          .post('/api/orders')
          .set(bearer(otherManager))
          .set('Idempotency-Key', randomUUID())
          .send({ projectId: foreignProject.id, hallId: foreignHallId, windows: [window], expectedAudience: 60 })
          .expect(201)
      ).body as OrderDto;
      await request(t.http).post(`/api/orders/${order.id}/actions/decline`).set(bearer(provider)).send({ reason: '演员外出' }).expect(200);
    });

    it('finds a transition by object and by person, newest first, and keeps reviewers to their region', async () => {
      const byObject = await audit(admin, `objectType=order&objectId=${order.id}`);
      expect(byObject.items.map((e) => [e.action, e.fromState, e.toState])).toEqual([
        ['decline', 'pending', 'declined'],
        ['create', null, 'pending'],
      ]);
      expect(byObject.items[0]).toMatchObject({ source: 'transition', objectLabel: '点单', actionLabel: '婉拒', reason: '演员外出', actor: { id: provider.me.id, role: 'provider' } });
      expect(byObject.items[1].actor).toMatchObject({ id: manager.me.id, nickname: manager.me.nickname, role: 'hall_manager' });

      const byPerson = await audit(admin, `actorId=${manager.me.id}&from=${today}&to=${today}`);
      expect(byPerson.items.some((e) => e.objectType === 'order' && e.objectId === String(order.id) && e.action === 'create')).toBe(true);
      expect(byPerson.items.every((e) => e.actor.id === manager.me.id)).toBe(true);
      expect((await audit(admin, `actorId=${manager.me.id}&from=${addDays(today, 1)}`)).items).toEqual([]);

      // Both kinds of rows together: the admin's rule change is found by person too.
      const adminRows = await audit(admin, `actorId=${admin.me.id}`);
      expect(adminRows.items.find((e) => e.objectType === 'rule')).toMatchObject({ source: 'admin', objectId: 'orderAnswerHours', before: { value: 72 }, after: { value: 24 }, reason: '加快响应' });

      // A county reviewer sees the county's order, not another county's, nor platform-wide rule changes.
      expect((await audit(countyReviewer, `objectType=order&objectId=${order.id}`)).items).toHaveLength(2);
      expect((await audit(countyReviewer, `objectType=order&objectId=${foreignOrder.id}`)).items).toEqual([]);
      expect((await audit(cityReviewer, `objectType=order&objectId=${foreignOrder.id}`)).items).toHaveLength(1);
      expect((await audit(countyReviewer, 'objectType=rule')).items).toEqual([]);
      await request(t.http).get('/api/admin/audit').set(bearer(manager)).expect(403);
      expect((await request(t.http).get('/api/admin/audit?cursor=nonsense').set(bearer(admin)).expect(400)).body.message).toContain('分页标记无效');
    });

    it('pages through both sources with a cursor without skipping or repeating a row', async () => {
      const all = await audit(admin, 'limit=100');
      expect(all.items.length).toBeGreaterThan(10);
      const times = all.items.map((e) => Date.parse(e.at));
      expect([...times].sort((x, y) => y - x)).toEqual(times);
      expect(new Set(all.items.map((e) => e.source))).toEqual(new Set(['transition', 'admin']));

      const paged: AuditEntryDto[] = [];
      let cursor: string | null = '';
      while (cursor !== null && paged.length < 100) {
        const page: AuditPage = await audit(admin, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(3);
        paged.push(...page.items);
        cursor = page.nextCursor;
      }
      expect(paged.slice(0, all.items.length).map((e) => e.id)).toEqual(all.items.map((e) => e.id));
      expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);
    });
  });
});
