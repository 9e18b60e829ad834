import type { InboxDto, LoginResponse, NotificationFrame, RealtimeFrame } from '@hall-menu/shared';
import request from 'supertest';
import { DatabaseService } from '../src/database/database.service';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { settle, SocketClient, socketBase } from './conversations-helpers';
import { acceptedOrder, publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

describe('inbox (MySQL)', () => {
  let t: TestApp;
  let manager: LoginResponse;
  let provider: LoginResponse;
  let reviewer: LoginResponse;
  const sockets: SocketClient[] = [];
  const inbox = async (login: LoginResponse) => (await request(t.http).get('/api/notifications').set(bearer(login)).expect(200)).body as InboxDto;
  const connect = async (login: LoginResponse) => {
    const socket = await SocketClient.connect(socketBase(t.http), login.tokens.accessToken);
    sockets.push(socket);
    return socket;
  };
  const isNotification = (title: string) => (f: RealtimeFrame): f is NotificationFrame => f.type === 'notification' && f.title === title;

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    await t.app.listen(0, '127.0.0.1');
    manager = await t.login('hall_manager');
    provider = await t.login('provider');
    reviewer = await t.login('reviewer');
    await t.app.get(DatabaseService).manager.query('UPDATE halls SET annual_quota = 100 WHERE id = ?', [manager.me.scopes.halls[0].id]);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t.close();
  });

  it('tells each side what the other did, in the same transaction as the change', async () => {
    const project = await publishedProjectFor(t, provider, reviewer, manager, '消息测试专场');
    const afterApproval = await inbox(provider);
    expect(afterApproval.items[0]).toMatchObject({ kind: 'project.approve', title: '项目已上架', read: false });
    expect(afterApproval.items[0].body).toContain('消息测试专场');

    const order = await acceptedOrder(t, { manager, provider }, project.id, manager.me.scopes.halls[0].id, 4);
    const providerInbox = await inbox(provider);
    expect(providerInbox.items[0]).toMatchObject({ kind: 'order.created', title: '新的点单', link: `pages/order/index?id=${order.id}` });
    const managerInbox = await inbox(manager);
    expect(managerInbox.items[0]).toMatchObject({ kind: 'order.accept', title: '点单已确定时间' });
    expect(managerInbox.unread).toBeGreaterThanOrEqual(1);

    const read = (await request(t.http).post(`/api/notifications/${managerInbox.items[0].id}/read`).set(bearer(manager)).expect(200)).body;
    expect(read.unread).toBe(managerInbox.unread - 1);
    await request(t.http).post(`/api/notifications/${managerInbox.items[0].id}/read`).set(bearer(provider)).expect(404);
    expect((await request(t.http).post('/api/notifications/read-all').set(bearer(provider)).expect(200)).body.unread).toBe(0);
  });

  it('pushes new notifications to the recipients’ open apps with their unread count, one frame per recipient per change', async () => {
    const [managerSocket, providerSocket] = await Promise.all([connect(manager), connect(provider)]);
    const project = await publishedProjectFor(t, provider, reviewer, manager, '推送测试专场');
    const approved = await providerSocket.waitFor(isNotification('项目已上架'));
    expect(approved).toEqual({ type: 'notification', unread: (await inbox(provider)).unread, added: 1, title: '项目已上架' });

    // Placing the order tells the provider, accepting it tells the manager; each from the same request's commit.
    await acceptedOrder(t, { manager, provider }, project.id, manager.me.scopes.halls[0].id, 5);
    const placed = await providerSocket.waitFor(isNotification('新的点单'));
    const accepted = await managerSocket.waitFor(isNotification('点单已确定时间'));
    expect(placed).toMatchObject({ added: 1, unread: (await inbox(provider)).unread });
    expect(accepted).toMatchObject({ added: 1, unread: (await inbox(manager)).unread });

    await settle();
    const titles = (socket: SocketClient) => socket.frames.filter((f): f is NotificationFrame => f.type === 'notification').map((f) => f.title);
    expect(titles(providerSocket)).toEqual(['项目已上架', '新的点单']);
    expect(titles(managerSocket)).toEqual(['点单已确定时间']);
  });

  it('tells every device of a person the new count when they read notifications on one of them', async () => {
    const [phone, other] = await Promise.all([connect(manager), connect(manager)]);
    const before = await inbox(manager);
    expect(before.unread).toBeGreaterThan(0);
    const unreadItem = before.items.find((n) => !n.read)!;
    const one = (await request(t.http).post(`/api/notifications/${unreadItem.id}/read`).set(bearer(manager)).expect(200)).body as { unread: number };
    const frame = await other.waitFor((f) => f.type === 'notifications_read' && f.unread === one.unread);
    expect(frame).toEqual({ type: 'notifications_read', unread: before.unread - 1 });
    await request(t.http).post('/api/notifications/read-all').set(bearer(manager)).expect(200);
    expect(await phone.waitFor((f) => f.type === 'notifications_read' && f.unread === 0)).toEqual({ type: 'notifications_read', unread: 0 });
  });

  it('pushes only what was committed, and all a transaction stored for one person as one frame', async () => {
    const [managerSocket, providerSocket] = await Promise.all([connect(manager), connect(provider)]);
    const db = t.app.get(DatabaseService);
    const notifications = t.app.get(NotificationsService);
    const note = (title: string) => ({ kind: 'test.push', title, body: `${title}的内容` });

    const rolledBack = db.transaction(async (m) => {
      await notifications.notify(m, [manager.me.id], note('未保存的通知'));
      throw new Error('rolled back');
    });
    await expect(rolledBack).rejects.toThrow('rolled back');
    await db.transaction(async (m) => {
      await notifications.notify(m, [manager.me.id, provider.me.id], note('第一条通知'));
      await notifications.notify(m, [manager.me.id], note('第二条通知'));
    });

    const both = await managerSocket.waitFor(isNotification('第二条通知'));
    expect(both).toEqual({ type: 'notification', unread: (await inbox(manager)).unread, added: 2, title: '第二条通知' });
    expect(await providerSocket.waitFor(isNotification('第一条通知'))).toMatchObject({ added: 1, unread: (await inbox(provider)).unread });
    await settle();
    expect(managerSocket.frames.filter((f) => f.type === 'notification')).toHaveLength(1);
    expect(providerSocket.frames.filter((f) => f.type === 'notification')).toHaveLength(1);
  });
});
