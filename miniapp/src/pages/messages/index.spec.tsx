import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { InboxDto } from '@hall-menu/shared';
import { fakeApi, ok } from '../../../test/fake-api';
import { liveSystem, managerAndVillager, tokens } from '../../../test/fixtures';
import Taro from '../../../test/taro-mock';
import { useAuthStore } from '../../stores/auth';
import MessagesPage from './index';

const inbox = (unread: number): InboxDto => ({
  items: [
    { id: 2, kind: 'order.accept', title: '点单已确定时间', body: '「越剧专场」（赵山村文化礼堂）：接单并确定时间', link: 'pages/order/index?id=7', read: false, createdAt: '2026-03-02T02:00:00.000Z' },
    { id: 1, kind: 'project.approve', title: '项目已上架', body: '「越剧专场」审核通过', link: null, read: true, createdAt: '2026-03-01T02:00:00.000Z' },
  ],
  unread,
  total: 2,
  page: 1,
  pageSize: 20,
});

beforeEach(() => useAuthStore.getState().signOut());

describe('消息', () => {
  it('asks a visitor to log in', () => {
    fakeApi({ 'GET /system': () => ok(liveSystem) });
    render(<MessagesPage />);
    expect(screen.getByText('去登录')).toBeTruthy();
  });

  it('lists the inbox with unread marks, marks one read when opened and follows its link', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /notifications': () => ok(inbox(1)),
      'POST /notifications/2/read': () => ok({ unread: 0 }),
    });
    render(<MessagesPage />);
    expect(await screen.findByText('点单已确定时间')).toBeTruthy();
    expect(screen.getByText('1 条未读')).toBeTruthy();
    expect(screen.getAllByText('未读')).toHaveLength(1);

    fireEvent.click(screen.getByText('点单已确定时间'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/order/index?id=7' }));
    expect(api.callsTo('POST /notifications/2/read')).toHaveLength(1);
    expect(screen.getByText('没有未读消息')).toBeTruthy();
    expect(screen.queryAllByText('未读')).toHaveLength(0);
  });

  it('marks everything read at once', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /notifications': () => ok(inbox(api.callsTo('POST /notifications/read-all').length > 0 ? 0 : 1)),
      'POST /notifications/read-all': () => ok({ unread: 0 }),
    });
    render(<MessagesPage />);
    fireEvent.click(await screen.findByText('全部标为已读'));
    await waitFor(() => expect(screen.getByText('没有未读消息')).toBeTruthy());
    expect(api.callsTo('POST /notifications/read-all')).toHaveLength(1);
  });
});
