import { ErrorCode, type LoginResponse } from '@hall-menu/shared';
import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { DatabaseService } from '../src/database/database.service';
import { startTestApp, type TestApp } from './test-app';

/** A stand-in for WeChat's code2Session endpoint: code "good-*" logs in, anything else is refused like WeChat does. */
function fakeWechat(): Promise<{ server: Server; url: string; calls: URL[] }> {
  const calls: URL[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://wechat.test');
    calls.push(url);
    const code = url.searchParams.get('js_code') ?? '';
    const body = code.startsWith('good-') ? { openid: `openid-${code}`, session_key: 'secret-session-key' } : { errcode: 40029, errmsg: 'invalid code' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, calls })));
}

describe('WeChat login (code2Session against a local stand-in)', () => {
  let t: TestApp;
  let wechat: Awaited<ReturnType<typeof fakeWechat>>;

  beforeAll(async () => {
    wechat = await fakeWechat();
    t = await startTestApp({ WECHAT_APPID: 'wx-test-app', WECHAT_SECRET: 'wx-test-secret', WECHAT_API_BASE: wechat.url, DEMO_MODE: 'true' });
  });
  afterAll(async () => {
    await t.close();
    wechat.server.close();
  });

  it('creates a villager on first login, finds the same person next time, and never sends the session key', async () => {
    const first = await request(t.http).post('/api/auth/wechat').send({ code: 'good-abc' }).expect(200);
    const login = first.body as LoginResponse;
    expect(login.me.roles).toEqual(['villager']);
    expect(JSON.stringify(first.body)).not.toContain('secret-session-key');
    expect(wechat.calls[0].pathname).toBe('/sns/jscode2session');
    expect(wechat.calls[0].searchParams.get('appid')).toBe('wx-test-app');
    expect(wechat.calls[0].searchParams.get('grant_type')).toBe('authorization_code');

    const again = (await request(t.http).post('/api/auth/wechat').send({ code: 'good-abc' }).expect(200)).body as LoginResponse;
    expect(again.me.id).toBe(login.me.id);
    const [row] = await t.app.get(DatabaseService).manager.query('SELECT wechat_session_key FROM auth_sessions ORDER BY id DESC LIMIT 1');
    expect(row.wechat_session_key).toBe('secret-session-key');
  });

  it('refuses a code WeChat rejects, and offers no demo login next to WeChat credentials', async () => {
    const refused = await request(t.http).post('/api/auth/wechat').send({ code: 'bad-code' }).expect(401);
    expect(refused.body).toMatchObject({ code: ErrorCode.WechatLoginFailed, message: '微信登录凭证无效或已过期，请重新打开小程序' });
    await request(t.http).post('/api/auth/wechat').send({}).expect(400);
    expect((await request(t.http).post('/api/auth/demo').send({ role: 'villager' }).expect(403)).body.code).toBe(ErrorCode.DemoLoginDisabled);
  });
});
