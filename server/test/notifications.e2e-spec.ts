import type { InboxDto, LoginResponse } from '@hall-menu/shared';
import request from 'supertest';
import { DatabaseService } from '../src/database/database.service';
import { acceptedOrder, publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

describe('inbox (MySQL)', () => {
  let t: TestApp;
  let manager: LoginResponse;
  let provider: LoginResponse;
  let reviewer: LoginResponse;
  const inbox = async (login: LoginResponse) => (await request(t.http).get('/api/notifications').set(bearer(login)).expect(200)).body as InboxDto;

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    manager = await t.login('hall_manager');
    provider = await t.login('provider');
    reviewer = await t.login('reviewer');
    await t.app.get(DatabaseService).manager.query('UPDATE halls SET annual_quota = 100 WHERE id = ?', [manager.me.scopes.halls[0].id]);
  });
  afterAll(() => t.close());

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
});
