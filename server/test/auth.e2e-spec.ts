import { JwtService } from '@nestjs/jwt';
import { ErrorCode, USER_ROLES, type AuthTokens, type DemoUserOption, type LoginResponse } from '@hall-menu/shared';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DatabaseService } from '../src/database/database.service';
import { bearer, startTestApp, type TestApp } from './test-app';

const refresh = (t: TestApp, refreshToken: string) => request(t.http).post('/api/auth/refresh').send({ refreshToken });
const me = (t: TestApp, accessToken: string) => request(t.http).get('/api/me').set('Authorization', `Bearer ${accessToken}`);

describe('auth (demo mode, MySQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('offers a demo user for every role, each with a scope in words', async () => {
    const res = await request(t.http).get('/api/auth/demo-users').expect(200);
    const options = res.body as DemoUserOption[];
    for (const role of USER_ROLES) expect(options.some((o) => o.role === role)).toBe(true);
    for (const option of options) expect(option.scopeLabel).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('signs in a villager and a hall manager and tells each who they are and what they manage', async () => {
    const villager = await t.login('villager');
    expect(villager.tokens.expiresIn).toBeGreaterThan(0);
    expect(villager.me.roles).toContain('villager');
    expect(villager.me.scopes.village?.name).toMatch(/[\u4e00-\u9fa5]/);

    const manager = await t.login('hall_manager');
    const res = await request(t.http).get('/api/me').set(bearer(manager)).expect(200);
    expect(res.body.roles).toEqual(expect.arrayContaining(['hall_manager']));
    expect(res.body.scopes.halls.length).toBeGreaterThan(0);
    expect(res.body.scopes.halls[0].name).toContain('礼堂');

    const reviewer = await t.login('reviewer');
    expect(reviewer.me.scopes.region?.code).toMatch(/^3303/);
    const provider = await t.login('provider');
    expect(provider.me.scopes.provider?.name).toBeTruthy();
  });

  it('refuses a missing, forged or expired access token with the right code', async () => {
    const missing = await request(t.http).get('/api/me').expect(401);
    expect(missing.body).toMatchObject({ code: ErrorCode.Unauthenticated, message: '请先登录' });

    await request(t.http).get('/api/me').set('Authorization', 'Bearer not-a-token').expect(401);

    const login = await t.login('villager');
    const jwt = t.app.get(JwtService);
    const { sub, sid } = jwt.decode<{ sub: number; sid: number }>(login.tokens.accessToken);
    const expired = await jwt.signAsync({ sub, sid, exp: Math.floor(Date.now() / 1000) - 5 });
    const res = await me(t, expired).expect(401);
    expect(res.body.code).toBe(ErrorCode.TokenExpired);

    const otherSecret = new JwtService({ secret: 'another-secret-another-secret-another-secret' });
    const forged = await otherSecret.signAsync({ sub, sid });
    expect((await me(t, forged).expect(401)).body.code).toBe(ErrorCode.Unauthenticated);
  });

  it('rotates refresh tokens: each use gives a new pair and the new one keeps working', async () => {
    const login = await t.login('villager');
    const first = (await refresh(t, login.tokens.refreshToken).expect(200)).body as AuthTokens;
    expect(first.refreshToken).not.toBe(login.tokens.refreshToken);
    await me(t, first.accessToken).expect(200);
    const second = (await refresh(t, first.refreshToken).expect(200)).body as AuthTokens;
    await me(t, second.accessToken).expect(200);
  });

  it('treats a second use of a refresh token as theft: the whole session ends', async () => {
    const login = await t.login('villager');
    const next = (await refresh(t, login.tokens.refreshToken).expect(200)).body as AuthTokens;
    // Move the first use outside the retry grace period, as if it happened a minute ago.
    await t.app
      .get(DatabaseService)
      .manager.query('UPDATE refresh_tokens SET used_at = DATE_SUB(used_at, INTERVAL 60 SECOND) WHERE token_hash = ?', [
        createHash('sha256').update(login.tokens.refreshToken).digest('hex'),
      ]);

    const reuse = await refresh(t, login.tokens.refreshToken).expect(401);
    expect(reuse.body.code).toBe(ErrorCode.RefreshTokenReused);
    expect(reuse.body.message).toContain('重新登录');
    // Everything issued in that session is dead now, including the legitimate newer pair.
    expect((await refresh(t, next.refreshToken).expect(401)).body.code).toBe(ErrorCode.RefreshTokenInvalid);
    await me(t, next.accessToken).expect(401);
    await me(t, login.tokens.accessToken).expect(401);
  });

  it('lets a client that lost the response retry the same refresh once, and kills the pair it never received', async () => {
    const login = await t.login('villager');
    const lost = (await refresh(t, login.tokens.refreshToken).expect(200)).body as AuthTokens;
    const retried = (await refresh(t, login.tokens.refreshToken).expect(200)).body as AuthTokens;
    expect(retried.refreshToken).not.toBe(lost.refreshToken);
    expect((await refresh(t, lost.refreshToken).expect(401)).body.code).toBe(ErrorCode.RefreshTokenInvalid);
    await refresh(t, retried.refreshToken).expect(200);
  });

  it('lets only one of two concurrent refreshes with the same token rotate, without ending the session', async () => {
    const login = await t.login('villager');
    const results = await Promise.all([refresh(t, login.tokens.refreshToken), refresh(t, login.tokens.refreshToken)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200]);
    const valid = results.map((r) => r.body as AuthTokens);
    const working = await Promise.all(valid.map((v) => refresh(t, v.refreshToken)));
    expect(working.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('ends the session on logout', async () => {
    const login = await t.login('hall_manager');
    await request(t.http).post('/api/auth/logout').send({ refreshToken: login.tokens.refreshToken }).expect(204);
    await me(t, login.tokens.accessToken).expect(401);
    expect((await refresh(t, login.tokens.refreshToken).expect(401)).body.code).toBe(ErrorCode.RefreshTokenInvalid);
  });

  it('refuses a refresh token it never issued and a malformed request', async () => {
    expect((await refresh(t, 'x'.repeat(43)).expect(401)).body.code).toBe(ErrorCode.RefreshTokenInvalid);
    const bad = await request(t.http).post('/api/auth/refresh').send({}).expect(400);
    expect(bad.body.code).toBe(ErrorCode.ValidationFailed);
    expect(bad.body.details.fields[0].field).toBe('refreshToken');
  });

  it('shuts out a disabled account at once, even with a valid token', async () => {
    const login: LoginResponse = await t.login('villager');
    const db = t.app.get(DatabaseService);
    await db.manager.query('UPDATE users SET disabled = 1 WHERE id = ?', [login.me.id]);
    try {
      expect((await me(t, login.tokens.accessToken).expect(403)).body.code).toBe(ErrorCode.AccountDisabled);
      expect((await refresh(t, login.tokens.refreshToken).expect(403)).body.code).toBe(ErrorCode.AccountDisabled);
    } finally {
      await db.manager.query('UPDATE users SET disabled = 0 WHERE id = ?', [login.me.id]);
    }
  });

  it('answers WeChat login clearly when no WeChat credentials are configured', async () => {
    const res = await request(t.http).post('/api/auth/wechat').send({ code: 'abc' }).expect(501);
    expect(res.body).toMatchObject({ code: ErrorCode.WechatNotConfigured, message: '服务器未配置微信登录' });
  });
});

describe('auth outside demo mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_MODE: 'false', NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('refuses the demo login and its user list', async () => {
    const res = await request(t.http).post('/api/auth/demo').send({ role: 'admin' }).expect(403);
    expect(res.body.code).toBe(ErrorCode.DemoLoginDisabled);
    await request(t.http).get('/api/auth/demo-users').expect(403);
    const system = await request(t.http).get('/api/system').expect(200);
    expect(system.body.demoMode).toBe(false);
  });
});
