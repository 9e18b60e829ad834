import type { ConversationDto, InboxDto, LoginResponse, MessageDto, NotificationFrame, OrderDto, ProjectDto, RealtimeFrame } from '@hall-menu/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { secondInstance, settle, SocketClient, socketBase } from './conversations-helpers';
import { acceptAt, placedOrder, publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

/**
 * Two server instances on one database, as behind a load balancer: each holds some people's sockets, and the
 * Redis pub/sub bus carries every stored message to the instance that holds the recipient.
 */
describe('conversations across two server instances (MySQL + Redis)', () => {
  const redis = { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `hall-menu-test-${process.pid}-${randomUUID()}:` };
  let a: TestApp;
  let b: TestApp;
  let manager: LoginResponse;
  let provider: LoginResponse;
  let project: ProjectDto;
  let order: OrderDto;
  let conversation: ConversationDto;
  const sockets: SocketClient[] = [];

  beforeAll(async () => {
    a = await startTestApp({ JOB_INTERVAL_SECONDS: '0', ...redis });
    b = await secondInstance(redis);
    await Promise.all([a.app.listen(0, '127.0.0.1'), b.app.listen(0, '127.0.0.1')]);
    manager = await a.login('hall_manager');
    provider = await a.login('provider');
    const hallId = manager.me.scopes.halls[0].id;
    await a.app.get(DatabaseService).manager.query('UPDATE halls SET annual_quota = 100 WHERE id = ?', [hallId]);
    project = await publishedProjectFor(a, provider, await a.login('reviewer'), manager, '双实例对话测试越剧');
    order = await placedOrder(a, manager, project.id, hallId, 3);
    conversation = (await request(a.http).post('/api/conversations/open').set(bearer(manager)).send({ kind: 'order', subjectId: order.id }).expect(200)).body as ConversationDto;
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await Promise.all([a.close(), b.close()]);
  });

  const messageFrames = (socket: SocketClient, id: number) => socket.messages().filter((f) => f.message.id === id);
  const isMessage = (id: number) => (f: RealtimeFrame) => f.type === 'message' && f.message.id === id;

  it('delivers a message stored on one instance to a socket held by the other, once, in both directions', async () => {
    const managerSocket = await SocketClient.connect(socketBase(a.http), manager.tokens.accessToken);
    const providerSocket = await SocketClient.connect(socketBase(b.http), provider.tokens.accessToken);
    sockets.push(managerSocket, providerSocket);

    const viaA = (await request(a.http).post(`/api/conversations/${conversation.id}/messages`).set(bearer(manager)).send({ clientMessageId: randomUUID(), kind: 'text', text: '经由甲服务器发出' }).expect(201))
      .body as MessageDto;
    await providerSocket.waitFor(isMessage(viaA.id));
    const viaB = (await request(b.http).post(`/api/conversations/${conversation.id}/messages`).set(bearer(provider)).send({ clientMessageId: randomUUID(), kind: 'text', text: '经由乙服务器回复' }).expect(201))
      .body as MessageDto;
    await managerSocket.waitFor(isMessage(viaB.id));

    // An order change applied on instance B reaches the manager's socket on A as a system line.
    await acceptAt(b, provider, order.id, addDays(beijingToday(), 3));
    const line = await managerSocket.waitFor((f) => f.type === 'message' && f.message.kind === 'system' && !!f.message.text?.includes('接单'));

    await settle();
    for (const socket of [managerSocket, providerSocket]) {
      for (const id of [viaA.id, viaB.id]) expect(messageFrames(socket, id)).toHaveLength(1);
    }
    expect(messageFrames(managerSocket, (line as Extract<RealtimeFrame, { type: 'message' }>).message.id)).toHaveLength(1);
    // The unread count pushed to the provider was computed on A and delivered on B.
    expect(providerSocket.lastUnread(conversation.id)).toMatchObject({ type: 'unread', conversationId: conversation.id });
  });

  it('pushes a notification stored on one instance to the recipient’s socket on the other, once, with the unread count', async () => {
    const managerSocket = await SocketClient.connect(socketBase(a.http), manager.tokens.accessToken);
    const providerSocket = await SocketClient.connect(socketBase(b.http), provider.tokens.accessToken);
    sockets.push(managerSocket, providerSocket);
    const inbox = async (login: LoginResponse) => (await request(a.http).get('/api/notifications').set(bearer(login)).expect(200)).body as InboxDto;
    const notifications = (socket: SocketClient) => socket.frames.filter((f): f is NotificationFrame => f.type === 'notification');

    // Placed on A: the provider, connected to B, hears of it.
    const placed = await placedOrder(a, manager, project.id, manager.me.scopes.halls[0].id, 5);
    const toProvider = await providerSocket.waitFor((f) => f.type === 'notification' && f.title === '新的点单');
    expect(toProvider).toEqual({ type: 'notification', unread: (await inbox(provider)).unread, added: 1, title: '新的点单' });

    // Accepted on B: the manager, connected to A, hears of it.
    await acceptAt(b, provider, placed.id, addDays(beijingToday(), 5));
    const toManager = await managerSocket.waitFor((f) => f.type === 'notification' && f.title === '点单已确定时间');
    expect(toManager).toEqual({ type: 'notification', unread: (await inbox(manager)).unread, added: 1, title: '点单已确定时间' });

    await settle();
    expect(notifications(providerSocket)).toHaveLength(1);
    expect(notifications(managerSocket)).toHaveLength(1);
  });
});
