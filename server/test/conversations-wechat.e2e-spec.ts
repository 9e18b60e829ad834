import { ErrorCode, type ConversationDto, type LoginResponse, type MessageDto } from '@hall-menu/shared';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { SubscribeMessageSender } from '../src/modules/subscriptions/subscribe-message.sender';
import { acceptAt, eventually, makeVillagers, placedOrder, publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

interface WechatCall {
  path: string;
  accessToken: string | null;
  body: Record<string, unknown>;
}

/**
 * A stand-in for the WeChat API: code2Session ("<code>" logs in as openid-<code>), stable_token, msg_sec_check
 * (anything with 违规 is risky) and subscribeMessage.send (openid-refused has no consent at WeChat).
 */
function fakeWechat() {
  const calls: WechatCall[] = [];
  const state = { tokens: 0, expired: new Set<string>(), down: false };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += String(chunk)));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://wechat.test');
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const accessToken = url.searchParams.get('access_token');
      calls.push({ path: url.pathname, accessToken, body });
      const reply = (status: number, payload: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      if (url.pathname === '/sns/jscode2session') return reply(200, { openid: `openid-${url.searchParams.get('js_code')}`, session_key: 'session-key' });
      if (state.down) return res.writeHead(502).end('bad gateway');
      if (url.pathname === '/cgi-bin/stable_token') return reply(200, { access_token: `tok-${++state.tokens}`, expires_in: 7200 });
      if (accessToken && state.expired.has(accessToken)) return reply(200, { errcode: 40001, errmsg: 'invalid credential' });
      if (url.pathname === '/wxa/msg_sec_check') {
        const risky = String(body.content).includes('违规');
        return reply(200, { errcode: 0, errmsg: 'ok', result: { suggest: risky ? 'risky' : 'pass', label: risky ? 20001 : 100 } });
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        return reply(200, body.touser === 'openid-refused' ? { errcode: 43101, errmsg: 'user refuse to accept the msg' } : { errcode: 0, errmsg: 'ok' });
      }
      return reply(404, { errcode: -1 });
    });
  });
  return new Promise<{ server: Server; url: string; calls: WechatCall[]; state: typeof state }>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, calls, state })),
  );
}

describe('WeChat content security and subscribe messages (against a local stand-in)', () => {
  let wechat: Awaited<ReturnType<typeof fakeWechat>>;
  let t: TestApp;
  let db: DatabaseService;
  let manager: LoginResponse;
  let provider: LoginResponse;
  let reviewer: LoginResponse;
  let hallId: number;
  let projectTitle: string;
  let projectId: number;
  let conversation: ConversationDto;

  /** Gives a demo person an openid, then signs them in through WeChat as the mini-program would. */
  const wechatLogin = async (role: string, code: string) => {
    const [row] = await db.manager.query('SELECT user_id FROM user_roles WHERE role = ? ORDER BY user_id LIMIT 1', [role]);
    await db.manager.query('UPDATE users SET wechat_openid = ? WHERE id = ?', [`openid-${code}`, row.user_id]);
    return (await request(t.http).post('/api/auth/wechat').send({ code }).expect(200)).body as LoginResponse;
  };
  const say = (login: LoginResponse, text: string) =>
    request(t.http).post(`/api/conversations/${conversation.id}/messages`).set(bearer(login)).send({ clientMessageId: randomUUID(), kind: 'text', text });
  const callsTo = (path: string) => wechat.calls.filter((c) => c.path === path);
  const placeOrder = (dayOffset: number) => placedOrder(t, manager, projectId, hallId, dayOffset);
  beforeAll(async () => {
    wechat = await fakeWechat();
    t = await startTestApp({
      JOB_INTERVAL_SECONDS: '0',
      WECHAT_APPID: 'wx-test-app',
      WECHAT_SECRET: 'wx-test-secret',
      WECHAT_API_BASE: wechat.url,
      WECHAT_TEMPLATE_ORDER_ANSWERED: 'tmpl-answered',
      WECHAT_TEMPLATE_ORDER_NEW: 'tmpl-new:title=thing4,body=thing5,time=date6',
    });
    db = t.app.get(DatabaseService);
    manager = await wechatLogin('hall_manager', 'manager');
    provider = await wechatLogin('provider', 'provider');
    reviewer = await wechatLogin('reviewer', 'reviewer');
    hallId = manager.me.scopes.halls[0].id;
    await db.manager.query('UPDATE halls SET annual_quota = 100 WHERE id = ?', [hallId]);
    projectTitle = '微信检测测试：越剧经典折子戏专场巡回演出第一场';
    projectId = (await publishedProjectFor(t, provider, reviewer, manager, projectTitle)).id;
    const order = await placeOrder(3);
    conversation = (await request(t.http).post('/api/conversations/open').set(bearer(manager)).send({ kind: 'order', subjectId: order.id }).expect(200)).body as ConversationDto;
  });
  afterAll(async () => {
    await t.close();
    wechat.server.close();
  });

  it('runs chat text through msgSecCheck v2 with the author\'s openid, refusing risky text and storing nothing of it', async () => {
    const fine = (await say(manager, '周六下午两点开演').expect(201)).body as MessageDto;
    const check = callsTo('/wxa/msg_sec_check').at(-1)!;
    expect(check.body).toEqual({ content: '周六下午两点开演', version: 2, scene: 2, openid: 'openid-manager' });
    expect(check.accessToken).toMatch(/^tok-\d+$/);

    const before = Number((await db.manager.query('SELECT COUNT(*) AS n FROM conversation_messages WHERE conversation_id = ?', [conversation.id]))[0].n);
    const refused = (await say(manager, '这是一段违规内容').expect(400)).body;
    expect(refused).toMatchObject({ code: ErrorCode.SensitiveContent, message: '内容未通过微信内容安全检测，请修改后再发送' });
    // The local word list answers first, without asking WeChat.
    const checks = callsTo('/wxa/msg_sec_check').length;
    expect((await say(manager, '来网赌吧').expect(400)).body.code).toBe(ErrorCode.SensitiveContent);
    expect(callsTo('/wxa/msg_sec_check')).toHaveLength(checks);
    expect(Number((await db.manager.query('SELECT COUNT(*) AS n FROM conversation_messages WHERE conversation_id = ?', [conversation.id]))[0].n)).toBe(before);
    expect(fine.text).toBe('周六下午两点开演');
  });

  it('fetches a new access token when WeChat calls the cached one stale, and lets text through on the word list when WeChat is down', async () => {
    const used = callsTo('/wxa/msg_sec_check').at(-1)!.accessToken!;
    const tokensBefore = callsTo('/cgi-bin/stable_token').length;
    wechat.state.expired.add(used);
    await say(provider, '收到，我们准时到').expect(201);
    expect(callsTo('/cgi-bin/stable_token')).toHaveLength(tokensBefore + 1);
    expect(callsTo('/wxa/msg_sec_check').at(-1)!.accessToken).not.toBe(used);

    wechat.state.down = true;
    try {
      expect(((await say(provider, '服务器那边好像出问题了').expect(201)).body as MessageDto).text).toBe('服务器那边好像出问题了');
    } finally {
      wechat.state.down = false;
    }
  });

  it('sends subscribe messages through subscribeMessage.send with the configured fields, one consent each', async () => {
    await request(t.http).post('/api/me/subscriptions').set(bearer(manager)).send({ accepted: ['order_answered'] }).expect(200);
    const listed = (await request(t.http).get('/api/me/subscriptions').set(bearer(manager)).expect(200)).body;
    expect(listed.wechatSending).toBe(true);
    expect(listed.templates.find((x: { key: string }) => x.key === 'order_answered')).toMatchObject({ templateId: 'tmpl-answered', remaining: 1 });

    const day = addDays(beijingToday(), 3);
    await acceptAt(t, provider, conversation.subjectId, day);
    await eventually(() => expect(callsTo('/cgi-bin/message/subscribe/send')).toHaveLength(1));
    const sent = callsTo('/cgi-bin/message/subscribe/send')[0];
    expect(sent.body).toEqual({
      touser: 'openid-manager',
      template_id: 'tmpl-answered',
      page: `pages/order/index?id=${conversation.subjectId}`,
      data: { thing1: { value: '点单已确定时间' }, thing2: { value: '微信检测测试：越剧经典折子戏专场巡回演…' }, time3: { value: `${day} 14:00` } },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
    await eventually(async () =>
      expect(await db.manager.query('SELECT outcome FROM subscribe_message_log WHERE user_id = ?', [manager.me.id])).toEqual([{ outcome: 'sent' }]),
    );

    // A template configured with its own fields; and WeChat saying the person has no consent left.
    await request(t.http).post('/api/me/subscriptions').set(bearer(provider)).send({ accepted: ['order_new'] }).expect(200);
    const order = await placeOrder(5);
    await eventually(() => expect(callsTo('/cgi-bin/message/subscribe/send')).toHaveLength(2));
    expect(callsTo('/cgi-bin/message/subscribe/send')[1].body).toMatchObject({ template_id: 'tmpl-new', page: `pages/order/index?id=${order.id}`, data: { thing4: {}, thing5: {}, date6: {} } });

    const sender = t.app.get(SubscribeMessageSender);
    await db.manager.query("UPDATE users SET wechat_openid = 'openid-refused' WHERE id = ?", [provider.me.id]);
    await request(t.http).post('/api/me/subscriptions').set(bearer(provider)).send({ accepted: ['order_new'] }).expect(200);
    await request(t.http).post('/api/me/subscriptions').set(bearer(provider)).send({ accepted: ['order_new'] }).expect(200);
    expect(await sender.send(provider.me.id, 'order_new', { title: '新的点单', body: '测试', page: 'pages/index/index' })).toBe('failed');
    expect(Number((await db.manager.query("SELECT remaining FROM subscribe_consents WHERE user_id = ? AND template_key = 'order_new'", [provider.me.id]))[0].remaining)).toBe(0);

    // Someone who never opened the mini-program has no openid: nothing is sent and their consent stays.
    const [villager] = await makeVillagers(t, 1, manager.me.scopes.halls[0].villageCode, '无微信村民');
    await request(t.http).post('/api/me/subscriptions').set({ Authorization: `Bearer ${villager.token}` }).send({ accepted: ['order_answered'] }).expect(200);
    expect(await sender.send(villager.id, 'order_answered', { title: '点单已确定时间', body: '测试', page: 'pages/index/index' })).toBe('no_openid');
    expect(Number((await db.manager.query("SELECT remaining FROM subscribe_consents WHERE user_id = ? AND template_key = 'order_answered'", [villager.id]))[0].remaining)).toBe(1);
  });
});
