import { JwtService } from '@nestjs/jwt';
import {
  ErrorCode,
  REALTIME_CLOSE_CODES,
  type ConversationDto,
  type LoginResponse,
  type MarkReadResultDto,
  type MessageDto,
  type MessagePageDto,
  type OrderDto,
  type Paged,
  type RealtimeFrame,
  type UnreadCountsDto,
} from '@hall-menu/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { WebSocket } from 'ws';
import { Clock } from '../src/common/clock';
import { TransitionService } from '../src/common/transitions/transition.service';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { settle, SocketClient, socketBase } from './conversations-helpers';
import { placedOrder, publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

type MessageFrame = Extract<RealtimeFrame, { type: 'message' }>;

/** A 1×1 PNG, enough for the upload endpoint to recognise an image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('conversations: realtime chat, history, unread counts, system lines (MySQL)', () => {
  let t: TestApp;
  let db: DatabaseService;
  let base: string;
  let manager: LoginResponse;
  let provider: LoginResponse;
  let reviewer: LoginResponse;
  let outsider: LoginResponse;
  let projectId: number;
  let hallId: number;
  const sockets: SocketClient[] = [];
  const day = addDays(beijingToday(), 3);

  // State the tests build on, in order: the order and its conversation, and the provider's live socket.
  let order: OrderDto;
  let conversation: ConversationDto;
  let managerSocket: SocketClient;
  let providerSocket: SocketClient;

  const connect = async (login: LoginResponse) => {
    const socket = await SocketClient.connect(base, login.tokens.accessToken);
    sockets.push(socket);
    return socket;
  };
  const placeOrder = (dayOffset: number) => placedOrder(t, manager, projectId, hallId, dayOffset);
  const open = (login: LoginResponse, subjectId: number) => request(t.http).post('/api/conversations/open').set(bearer(login)).send({ kind: 'order', subjectId });
  const say = (login: LoginResponse, id: number, text: string, clientMessageId: string = randomUUID()) =>
    request(t.http).post(`/api/conversations/${id}/messages`).set(bearer(login)).send({ clientMessageId, kind: 'text', text });
  const history = (login: LoginResponse, id: number, query = '') => request(t.http).get(`/api/conversations/${id}/messages${query}`).set(bearer(login));
  const markRead = (login: LoginResponse, id: number, upToId: number) => request(t.http).post(`/api/conversations/${id}/read`).set(bearer(login)).send({ upToId });
  const list = async (login: LoginResponse) => (await request(t.http).get('/api/conversations?pageSize=100').set(bearer(login)).expect(200)).body as Paged<ConversationDto>;
  const badge = async (login: LoginResponse) => (await request(t.http).get('/api/conversations/unread').set(bearer(login)).expect(200)).body as UnreadCountsDto;
  const act = (login: LoginResponse, event: string, body: Record<string, unknown> = {}) => request(t.http).post(`/api/orders/${order.id}/actions/${event}`).set(bearer(login)).send(body);
  const isMessage = (id: number) => (f: RealtimeFrame): f is MessageFrame => f.type === 'message' && f.message.id === id;
  const storedCount = async (conversationId: number) =>
    Number((await db.manager.query('SELECT COUNT(*) AS n FROM conversation_messages WHERE conversation_id = ?', [conversationId]))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0', REALTIME_HEARTBEAT_SECONDS: '1' });
    await t.app.listen(0, '127.0.0.1');
    base = socketBase(t.http);
    db = t.app.get(DatabaseService);
    manager = await t.login('hall_manager');
    provider = await t.login('provider');
    reviewer = await t.login('reviewer');
    const managers: { user_id: number }[] = await db.manager.query("SELECT user_id FROM user_roles WHERE role = 'hall_manager' ORDER BY user_id");
    outsider = await t.login('hall_manager', Number(managers[1].user_id));
    hallId = manager.me.scopes.halls[0].id;
    expect(outsider.me.scopes.halls.map((h) => h.id)).not.toContain(hallId);
    await db.manager.query('UPDATE halls SET annual_quota = 100 WHERE id = ?', [hallId]);
    projectId = (await publishedProjectFor(t, provider, reviewer, manager, '对话测试黄梅戏专场')).id;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t.close();
  });

  it('gives each order a conversation from the start, opened by the manager and the provider alike', async () => {
    order = await placeOrder(3);
    conversation = (await open(manager, order.id).expect(200)).body as ConversationDto;
    expect(conversation).toMatchObject({ kind: 'order', subjectId: order.id, mySide: 'hall', hall: { id: hallId }, subjectLink: `pages/order/index?id=${order.id}`, unread: 0 });
    expect(conversation.title).toContain('对话测试黄梅戏专场');
    expect(conversation.lastMessage).toMatchObject({ kind: 'system', side: 'system', sender: { id: manager.me.id } });
    expect(conversation.lastMessage!.text).toContain('等待服务方答复');

    const providerView = (await open(provider, order.id).expect(200)).body as ConversationDto;
    expect(providerView).toMatchObject({ id: conversation.id, mySide: 'provider', unread: 1 });
    expect((await request(t.http).get(`/api/conversations/${conversation.id}`).set(bearer(provider)).expect(200)).body.id).toBe(conversation.id);
    await request(t.http).get('/api/conversations/99999999').set(bearer(provider)).expect(404);
  });

  it('delivers messages between the manager and the provider in real time, and nothing to a third user, whose HTTP requests are refused', async () => {
    [managerSocket, providerSocket] = await Promise.all([connect(manager), connect(provider)]);
    const outsiderSocket = await connect(outsider);

    const question = (await say(manager, conversation.id, '您好，周六下午能来演出吗？').expect(201)).body as MessageDto;
    expect(question).toMatchObject({ conversationId: conversation.id, kind: 'text', side: 'hall', sender: { id: manager.me.id }, text: '您好，周六下午能来演出吗？' });
    const pushed = await providerSocket.waitFor(isMessage(question.id));
    expect(pushed).toEqual({ type: 'message', conversationId: conversation.id, message: question });
    // The sender's own devices hear it too, so a second phone stays in step.
    await managerSocket.waitFor(isMessage(question.id));
    // The system line of the new order and the question: two unread for the provider.
    await providerSocket.waitFor((f) => f.type === 'unread' && f.conversationId === conversation.id && f.unread === 2);

    const answer = (await say(provider, conversation.id, '可以的，下午两点到。').expect(201)).body as MessageDto;
    expect(((await managerSocket.waitFor(isMessage(answer.id))) as MessageFrame).message).toMatchObject({ side: 'provider', text: '可以的，下午两点到。' });

    await settle();
    expect(outsiderSocket.frames.map((f) => f.type)).toEqual(['ready']);
    const refusedOpen = (await open(outsider, order.id).expect(403)).body;
    expect(refusedOpen).toMatchObject({ code: ErrorCode.OutOfScope, message: '这不是您的点单，不能查看它的对话' });
    const refusedHistory = (await history(outsider, conversation.id).expect(403)).body;
    expect(refusedHistory).toMatchObject({ code: ErrorCode.OutOfScope, message: '您不是这个对话的成员，不能查看或发送消息' });
    await say(outsider, conversation.id, '我也来说两句').expect(403);
    await markRead(outsider, conversation.id, answer.id).expect(403);
    expect((await list(outsider)).items.map((c) => c.id)).not.toContain(conversation.id);
    expect(await storedCount(conversation.id)).toBe(3);
  });

  it('after a dropped socket, fetching by the last seen id returns exactly the missed messages, and a retried send is stored once', async () => {
    const lastSeen = providerSocket.messages(conversation.id).at(-1)!.message.id;
    await providerSocket.close();

    const key = randomUUID();
    const first = (await say(manager, conversation.id, '第一条：舞台已经搭好', key).expect(201)).body as MessageDto;
    // The same request again, as a weak network would resend it.
    const retried = (await say(manager, conversation.id, '第一条：舞台已经搭好', key).expect(201)).body as MessageDto;
    expect(retried).toEqual(first);
    const second = (await say(manager, conversation.id, '第二条：音响我们有').expect(201)).body as MessageDto;
    const third = (await say(manager, conversation.id, '第三条：村里老人很期待').expect(201)).body as MessageDto;
    expect(Number((await db.manager.query('SELECT COUNT(*) AS n FROM conversation_messages WHERE client_message_id = ?', [key]))[0].n)).toBe(1);

    // Pushes go out after commit, possibly after the HTTP answer: wait until the last one has gone (the manager's
    // socket got it), so the reconnecting socket is not racing a frame meant for the time it was away.
    await managerSocket.waitFor(isMessage(third.id));
    providerSocket = await connect(provider);
    const caughtUp = (await history(provider, conversation.id, `?after=${lastSeen}`).expect(200)).body as MessagePageDto;
    expect(caughtUp.items.map((m) => m.id)).toEqual([first.id, second.id, third.id]);
    expect(caughtUp.items.map((m) => m.text)).toEqual(['第一条：舞台已经搭好', '第二条：音响我们有', '第三条：村里老人很期待']);
    expect(caughtUp.hasMore).toBe(false);

    const live = (await say(manager, conversation.id, '重新连上了吗？').expect(201)).body as MessageDto;
    await providerSocket.waitFor(isMessage(live.id));
    await settle();
    // The new socket got only what was sent after it connected, once.
    expect(providerSocket.messages(conversation.id).map((f) => f.message.id)).toEqual([live.id]);

    // Paging back through history: the newest two, then the ones before them, oldest first on each page.
    const newest = (await history(provider, conversation.id, '?limit=2').expect(200)).body as MessagePageDto;
    expect(newest.items.map((m) => m.id)).toEqual([third.id, live.id]);
    expect(newest.hasMore).toBe(true);
    const older = (await history(provider, conversation.id, `?before=${third.id}&limit=2`).expect(200)).body as MessagePageDto;
    expect(older.items.map((m) => m.id)).toEqual([first.id, second.id]);
    expect(older.hasMore).toBe(true);
    expect((await history(provider, conversation.id, '?before=1&after=2').expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('counts unread per conversation and in total, pushes the counts, and lowers them when read', async () => {
    for (const login of [provider, manager]) {
      for (const c of (await list(login)).items) if (c.unread > 0) await markRead(login, c.id, c.lastMessage!.id).expect(200);
    }
    expect((await badge(provider)).conversations).toBe(0);

    const secondOrder = await placeOrder(5);
    const secondConversation = (await open(provider, secondOrder.id).expect(200)).body as ConversationDto;
    const a = (await say(manager, conversation.id, '再确认一下：两点开始').expect(201)).body as MessageDto;
    const b = (await say(manager, conversation.id, '结束后请留下合影').expect(201)).body as MessageDto;

    const providerList = await list(provider);
    expect(providerList.items.find((c) => c.id === conversation.id)).toMatchObject({ unread: 2, lastMessage: { id: b.id } });
    expect(providerList.items.find((c) => c.id === secondConversation.id)).toMatchObject({ unread: 1 });
    // The most recently active conversation comes first.
    expect(providerList.items[0].id).toBe(conversation.id);
    const counts = await badge(provider);
    expect(counts.conversations).toBe(3);
    expect(counts.total).toBe(counts.conversations + counts.notifications);
    // What the manager wrote (and the order they placed) is not unread for them.
    expect((await badge(manager)).conversations).toBe(0);
    await providerSocket.waitFor((f) => f.type === 'unread' && f.conversationId === conversation.id && f.unread === 2 && f.total === 3);

    const beforeRead = providerSocket.frames.length;
    const read = (await markRead(provider, conversation.id, a.id).expect(200)).body as MarkReadResultDto;
    expect(read).toEqual({ lastReadId: a.id, unread: 1, total: 2 });
    // The person's other devices learn the new counts.
    await providerSocket.waitFor((f) => f.type === 'unread' && f.conversationId === conversation.id && f.unread === 1 && f.total === 2, { from: beforeRead });
    const allRead = (await markRead(provider, conversation.id, b.id).expect(200)).body as MarkReadResultDto;
    expect(allRead).toEqual({ lastReadId: b.id, unread: 0, total: 1 });
    // A late read receipt from another device never moves the cursor back.
    expect(((await markRead(provider, conversation.id, a.id).expect(200)).body as MarkReadResultDto).lastReadId).toBe(b.id);
    // A cursor past the end stops at the last message.
    const second = (await markRead(provider, secondConversation.id, 2_000_000_000).expect(200)).body as MarkReadResultDto;
    expect(second).toEqual({ lastReadId: secondConversation.lastMessage!.id, unread: 0, total: 0 });
    expect((await badge(provider)).conversations).toBe(0);
    expect(await providerSocket.waitFor((f) => f.type === 'unread' && f.conversationId === secondConversation.id && f.total === 0)).toEqual({
      type: 'unread',
      conversationId: secondConversation.id,
      unread: 0,
      total: 0,
    });
  });

  it('refuses a message with a blocked word, stores and pushes nothing, and leaves its id free for the corrected text', async () => {
    const before = await storedCount(conversation.id);
    const key = randomUUID();
    const refused = (await say(manager, conversation.id, '别看演出了，来网赌吧', key).expect(400)).body;
    expect(refused).toMatchObject({ code: ErrorCode.SensitiveContent, message: '内容含有不当用语“网赌”，请修改后再提交', details: { fields: [{ field: 'text' }] } });
    expect(await storedCount(conversation.id)).toBe(before);
    await settle();
    expect(providerSocket.messages(conversation.id).some((f) => f.message.text?.includes('网赌'))).toBe(false);

    const corrected = (await say(manager, conversation.id, '演出前请提前半小时到', key).expect(201)).body as MessageDto;
    await providerSocket.waitFor(isMessage(corrected.id));
    expect(await storedCount(conversation.id)).toBe(before + 1);
    expect((await say(manager, conversation.id, '   ').expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('sends uploaded photos and refuses photos that were never uploaded', async () => {
    const upload = (await request(t.http).post('/api/uploads').set(bearer(provider)).attach('file', PNG, 'stage.png').expect(201)).body as { url: string };
    const photo = (
      await request(t.http).post(`/api/conversations/${conversation.id}/messages`).set(bearer(provider)).send({ clientMessageId: randomUUID(), kind: 'photo', photoUrl: upload.url }).expect(201)
    ).body as MessageDto;
    expect(photo).toMatchObject({ kind: 'photo', photoUrl: upload.url, text: null, side: 'provider' });
    expect(((await managerSocket.waitFor(isMessage(photo.id))) as MessageFrame).message.photoUrl).toBe(upload.url);

    const missing = await request(t.http)
      .post(`/api/conversations/${conversation.id}/messages`)
      .set(bearer(provider))
      .send({ clientMessageId: randomUUID(), kind: 'photo', photoUrl: '/uploads/2020/01/never-uploaded.png' })
      .expect(400);
    expect(missing.body.message).toBe('照片不存在，请重新上传');
    const foreign = await request(t.http)
      .post(`/api/conversations/${conversation.id}/messages`)
      .set(bearer(provider))
      .send({ clientMessageId: randomUUID(), kind: 'photo', photoUrl: 'https://example.com/x.png' })
      .expect(400);
    expect(foreign.body.message).toContain('照片地址无效');
  });

  it('writes every order state change as a system line and pushes it; a reviewer takes part only while a dispute is open', async () => {
    await act(provider, 'accept', { start: `${day}T14:00:00+08:00`, end: `${day}T16:00:00+08:00` }).expect(200);
    const accepted = (await managerSocket.waitFor((f) => f.type === 'message' && f.conversationId === conversation.id && f.message.kind === 'system' && !!f.message.text?.includes('接单'))) as MessageFrame;
    expect(accepted.message).toMatchObject({ side: 'system', sender: { id: provider.me.id } });
    expect(accepted.message.text).toContain('14:00–16:00');
    const newest = (await history(manager, conversation.id, '?limit=1').expect(200)).body as MessagePageDto;
    expect(newest.items[0].id).toBe(accepted.message.id);

    expect((await open(reviewer, order.id).expect(403)).body.code).toBe(ErrorCode.OutOfScope);
    const reviewerSocket = await connect(reviewer);
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(`${day}T14:30:00+08:00`));
    await act(provider, 'check_in').expect(200);
    await act(provider, 'complete', { headCount: 120, photos: [] }).expect(200);
    await act(manager, 'dispute', { reason: '演出只有一半时间' }).expect(200);

    const disputed = (await reviewerSocket.waitFor((f) => f.type === 'message' && !!f.message.text?.includes('提出异议'))) as MessageFrame;
    expect(disputed.message.text).toBe('礼堂提出异议，原因：演出只有一半时间。所在地区的审核员已加入对话');
    expect(reviewerSocket.messages().every((f) => f.conversationId === conversation.id)).toBe(true);
    // Only the dispute line, pushed after the reviewer joined: the earlier lines reached the two sides alone.
    expect(reviewerSocket.messages().map((f) => f.message.id)).toEqual([disputed.message.id]);
    expect((await open(reviewer, order.id).expect(200)).body).toMatchObject({ id: conversation.id, mySide: 'reviewer' });
    const lines = ((await history(reviewer, conversation.id, '?limit=4').expect(200)).body as MessagePageDto).items.map((m) => m.text);
    expect(lines.slice(-3)).toEqual(['服务方到场签到', '服务方报告完成，到场 120 人', '礼堂提出异议，原因：演出只有一半时间。所在地区的审核员已加入对话']);
    const note = (await say(reviewer, conversation.id, '我来了解一下情况，请双方说明').expect(201)).body as MessageDto;
    expect(note.side).toBe('reviewer');
    await Promise.all([managerSocket.waitFor(isMessage(note.id)), providerSocket.waitFor(isMessage(note.id))]);

    await act(reviewer, 'resolve_confirm', { reason: '双方已说明，服务有效' }).expect(200);
    await managerSocket.waitFor((f) => f.type === 'message' && !!f.message.text?.includes('裁定服务有效'));
    expect((await history(reviewer, conversation.id).expect(403)).body.code).toBe(ErrorCode.OutOfScope);
  });

  it('keeps no system line and pushes nothing when the transition it belongs to rolls back', async () => {
    const other = await placeOrder(7);
    const otherConversation = (await open(manager, other.id).expect(200)).body as ConversationDto;
    const before = await storedCount(otherConversation.id);
    let failOnce = true;
    // A later step of the same transaction fails after the system line was written.
    t.app.get(TransitionService).onApplied('order', async (_m, applied) => {
      if (failOnce && applied.entityId === other.id && applied.event === 'decline') {
        failOnce = false;
        throw new Error('simulated failure inside the transition');
      }
    });
    const decline = () => request(t.http).post(`/api/orders/${other.id}/actions/decline`).set(bearer(provider)).send({ reason: '档期冲突' });
    await managerSocket.waitFor((f) => f.type === 'message' && f.conversationId === otherConversation.id);
    const framesBefore = managerSocket.frames.length;
    await decline().expect(500);
    expect(await storedCount(otherConversation.id)).toBe(before);
    expect(((await request(t.http).get(`/api/orders/${other.id}`).set(bearer(manager)).expect(200)).body as OrderDto).status).toBe('pending');
    await settle();
    expect(managerSocket.frames.slice(framesBefore)).toEqual([]);

    await decline().expect(200);
    const line = (await managerSocket.waitFor((f) => f.type === 'message' && f.conversationId === otherConversation.id, { from: framesBefore })) as MessageFrame;
    expect(line.message).toMatchObject({ kind: 'system', text: '服务方婉拒，原因：档期冲突' });
    expect(await storedCount(otherConversation.id)).toBe(before + 1);
  });

  it('gives each need response a conversation between the need\'s hall and the responding provider', async () => {
    const today = beijingToday();
    const need = (
      await request(t.http)
        .post('/api/needs')
        .set(bearer(manager))
        .send({ hallId, category: 'performance', title: '想看黄梅戏', description: '老人们想看黄梅戏', periodFrom: addDays(today, 6), periodTo: addDays(today, 20), expectedAudience: 150 })
        .expect(201)
    ).body as { id: number };
    const slotDay = addDays(today, 9);
    await request(t.http)
      .post(`/api/needs/${need.id}/responses`)
      .set(bearer(provider))
      .send({ projectId, start: `${slotDay}T14:00:00+08:00`, end: `${slotDay}T16:00:00+08:00`, message: '我们那天有空' })
      .expect(201);
    const responseId = ((await request(t.http).get(`/api/needs/${need.id}`).set(bearer(manager)).expect(200)).body as { responses: { id: number }[] }).responses[0].id;
    const openResponse = (login: LoginResponse) => request(t.http).post('/api/conversations/open').set(bearer(login)).send({ kind: 'need_response', subjectId: responseId });

    const providerSide = (await openResponse(provider).expect(200)).body as ConversationDto;
    expect(providerSide).toMatchObject({ kind: 'need_response', subjectId: responseId, mySide: 'provider', lastMessage: null, subjectLink: `pages/need/index?id=${need.id}` });
    expect(providerSide.title).toContain('想看黄梅戏');
    expect((await openResponse(manager).expect(200)).body).toMatchObject({ id: providerSide.id, mySide: 'hall' });
    expect((await openResponse(outsider).expect(403)).body.message).toBe('这不是您的需求或响应，不能查看它的对话');
    await request(t.http).post('/api/conversations/open').set(bearer(provider)).send({ kind: 'need_response', subjectId: 99999999 }).expect(404);

    const hello = (await say(provider, providerSide.id, '节目单稍后发您').expect(201)).body as MessageDto;
    expect(((await managerSocket.waitFor(isMessage(hello.id))) as MessageFrame).conversationId).toBe(providerSide.id);
  });

  it('authenticates sockets with the access token and closes refused ones with a code the client can act on', async () => {
    expect(await SocketClient.refused(base, '')).toMatchObject({ code: REALTIME_CLOSE_CODES.unauthenticated, reason: ErrorCode.Unauthenticated, frames: [] });
    expect(await SocketClient.refused(base, '?token=not-a-token')).toMatchObject({ code: REALTIME_CLOSE_CODES.unauthenticated, reason: ErrorCode.Unauthenticated });
    const jwt = t.app.get(JwtService);
    const { sid } = jwt.decode<{ sid: number }>(manager.tokens.accessToken);
    const expired = await jwt.signAsync({ sub: manager.me.id, sid }, { expiresIn: -10 });
    expect(await SocketClient.refused(base, `?token=${expired}`)).toMatchObject({ code: REALTIME_CLOSE_CODES.unauthenticated, reason: ErrorCode.TokenExpired });

    const status = await new Promise<number>((resolve) => new WebSocket(`${base}/elsewhere`).on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)).on('error', () => undefined));
    expect(status).toBe(404);

    // Clients that cannot see ping frames (browsers) ping with a message.
    managerSocket.ws.send(JSON.stringify({ type: 'ping' }));
    await managerSocket.waitFor((f) => f.type === 'pong');

    // A socket lives as long as its token; the client then refreshes and reconnects.
    const shortLived = await SocketClient.connect(base, await jwt.signAsync({ sub: manager.me.id, sid }, { expiresIn: 2 }));
    sockets.push(shortLived);
    expect(await shortLived.closed).toEqual({ code: REALTIME_CLOSE_CODES.unauthenticated, reason: ErrorCode.TokenExpired });
  });
});
