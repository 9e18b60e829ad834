import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ConversationDto, InboxDto, MessageDto, RealtimeFrame } from '@hall-menu/shared';
import { fakeApi, ok } from '../../../test/fake-api';
import { liveSystem, managerAndVillager, paged, tokens, villager } from '../../../test/fixtures';
import Taro from '../../../test/taro-mock';
import { realtime } from '../../realtime';
import { useAuthStore } from '../../stores/auth';
import { useUnreadStore } from '../../stores/unread';
import MessagesPage from './index';

jest.mock('../../realtime', () => {
  const listeners = new Set<(frame: unknown) => void>();
  return {
    realtime: {
      connected: true,
      subscribe: (listener: (frame: unknown) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onStatus: () => () => undefined,
      push: (frame: unknown) => listeners.forEach((listener) => listener(frame)),
    },
  };
});
const pushFrame = (frame: RealtimeFrame) => act(() => (realtime as unknown as { push: (f: RealtimeFrame) => void }).push(frame));

const tabBadge = { setTabBarBadge: jest.fn(() => Promise.resolve()), removeTabBarBadge: jest.fn(() => Promise.resolve()) };
Object.assign(Taro, tabBadge);

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

const last = (id: number, text: string, fields: Partial<MessageDto> = {}): MessageDto => ({
  id,
  conversationId: 5,
  kind: 'text',
  text,
  photoUrl: null,
  side: 'provider',
  sender: { id: 3, nickname: '陈丽娟' },
  clientMessageId: null,
  createdAt: '2026-03-02T02:00:00.000Z',
  ...fields,
});

const conversation = (id: number, title: string, unread: number, lastMessage: MessageDto | null): ConversationDto => ({
  id,
  kind: 'order',
  subjectId: 30 + id,
  title,
  hall: { id: 11, name: '鲍田村文化礼堂' },
  provider: { id: 2, name: '瑞安市文化馆' },
  mySide: 'hall',
  lastMessage,
  unread,
  lastReadId: 0,
  subjectLink: `pages/order/index?id=${30 + id}`,
});

const conversations = [
  conversation(5, '越剧经典折子戏专场 · 鲍田村文化礼堂', 3, last(12, '我们一点半到')),
  conversation(6, '露天电影 · 鲍田村文化礼堂', 0, last(8, '', { kind: 'photo', photoUrl: '/uploads/a.jpg', side: 'hall', sender: { id: 2, nickname: '李建国' } })),
];

const badgeOf = (label: string) => screen.getByText(label).closest('.segment')?.querySelector('.count-badge')?.textContent ?? null;

beforeEach(() => {
  useAuthStore.getState().signOut();
  useUnreadStore.getState().clear();
});

describe('消息', () => {
  it('asks a visitor to log in', () => {
    fakeApi({ 'GET /system': () => ok(liveSystem) });
    render(<MessagesPage />);
    expect(screen.getByText('去登录')).toBeTruthy();
  });

  it('shows 对话 first with unread counts on both segments, the tab badge, and each conversation’s last message and badge', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /conversations/unread': () => ok({ conversations: 3, notifications: 1, total: 4 }),
      'GET /conversations': () => ok(paged(conversations)),
    });
    const { container } = render(<MessagesPage />);
    expect(await screen.findByText('越剧经典折子戏专场 · 鲍田村文化礼堂')).toBeTruthy();
    expect(screen.getByText('服务方：我们一点半到')).toBeTruthy();
    expect(screen.getByText('我：[照片]')).toBeTruthy();
    await waitFor(() => expect(badgeOf('对话')).toBe('3'));
    expect(badgeOf('通知')).toBe('1');
    const cardBadges = Array.from(container.querySelectorAll('.conversation .count-badge')).map((b) => b.textContent);
    expect(cardBadges).toEqual(['3']);
    await waitFor(() => expect(tabBadge.setTabBarBadge).toHaveBeenLastCalledWith({ index: 2, text: '4' }));

    fireEvent.click(screen.getByText('越剧经典折子戏专场 · 鲍田村文化礼堂'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/chat/index?id=5' });
  });

  it('moves a conversation to the top when a message is pushed, and shows counts the socket reports', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    let list = conversations;
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /conversations/unread': () => ok({ conversations: 3, notifications: 0, total: 3 }),
      'GET /conversations': () => ok(paged(list)),
    });
    const { container } = render(<MessagesPage />);
    await screen.findByText('露天电影 · 鲍田村文化礼堂');

    const pushed = last(13, '放映机已经装好', { conversationId: 6 });
    list = [{ ...conversations[1], lastMessage: pushed, unread: 1 }, conversations[0]];
    pushFrame({ type: 'message', conversationId: 6, message: pushed });
    await waitFor(() => expect(screen.getByText('服务方：放映机已经装好')).toBeTruthy());
    expect(api.callsTo('GET /conversations')).toHaveLength(2);
    const titles = Array.from(container.querySelectorAll('.conversation__title')).map((t) => t.textContent);
    expect(titles).toEqual(['露天电影 · 鲍田村文化礼堂', '越剧经典折子戏专场 · 鲍田村文化礼堂']);

    // The socket's `unread` frames reach the store through the session binding; the page draws from it.
    act(() => useUnreadStore.getState().setConversation(5, 120, 121));
    expect(Array.from(container.querySelectorAll('.conversation .count-badge')).map((b) => b.textContent)).toEqual(['1', '99+']);
    expect(badgeOf('对话')).toBe('99+');
  });

  it('lists the inbox under 通知 with unread marks, marks one read when opened and follows its link', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /conversations/unread': () => ok({ conversations: 0, notifications: 1, total: 1 }),
      'GET /conversations': () => ok(paged([])),
      'GET /notifications': () => ok(inbox(1)),
      'POST /notifications/2/read': () => ok({ unread: 0 }),
    });
    render(<MessagesPage />);
    expect(await screen.findByText('还没有对话')).toBeTruthy();
    fireEvent.click(screen.getByText('通知'));
    expect(await screen.findByText('点单已确定时间')).toBeTruthy();
    expect(screen.getByText('1 条未读')).toBeTruthy();
    expect(screen.getAllByText('未读')).toHaveLength(1);

    fireEvent.click(screen.getByText('点单已确定时间'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/order/index?id=7' }));
    expect(api.callsTo('POST /notifications/2/read')).toHaveLength(1);
    expect(screen.getByText('没有未读消息')).toBeTruthy();
    expect(screen.queryAllByText('未读')).toHaveLength(0);
    expect(badgeOf('通知')).toBeNull();
  });

  it('marks everything read at once', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /conversations/unread': () => ok({ conversations: 0, notifications: 1, total: 1 }),
      'GET /notifications': () => ok(inbox(api.callsTo('POST /notifications/read-all').length > 0 ? 0 : 1)),
      'POST /notifications/read-all': () => ok({ unread: 0 }),
    });
    render(<MessagesPage />);
    fireEvent.click(await screen.findByText('全部标为已读'));
    await waitFor(() => expect(screen.getByText('没有未读消息')).toBeTruthy());
    expect(api.callsTo('POST /notifications/read-all')).toHaveLength(1);
  });

  it('shows a villager the inbox alone: villagers take part in no conversation', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /conversations/unread': () => ok({ conversations: 0, notifications: 0, total: 0 }),
      'GET /notifications': () => ok(inbox(0)),
    });
    render(<MessagesPage />);
    expect(await screen.findByText('点单已确定时间')).toBeTruthy();
    expect(screen.queryByText('对话')).toBeNull();
    expect(api.callsTo('GET /conversations')).toHaveLength(0);
    await waitFor(() => expect(tabBadge.removeTabBarBadge).toHaveBeenCalledWith({ index: 2 }));
  });

  it('puts notifications pushed while 通知 is open on top, fetched once per burst, with no loading flash', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
    let answer: Promise<InboxDto> = Promise.resolve(inbox(1));
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /conversations/unread': () => ok({ conversations: 0, notifications: 1, total: 1 }),
      'GET /notifications': async () => ok(await answer),
    });
    const { container } = render(<MessagesPage />);
    expect(await screen.findByText('点单已确定时间')).toBeTruthy();
    expect(screen.getByText('1 条未读')).toBeTruthy();

    const fresh = { id: 3, kind: 'event_tomorrow', title: '明天有活动', body: '「越剧专场」明天下午两点开演', link: null, read: false, createdAt: '2026-03-03T02:00:00.000Z' };
    let answerNow: (page: InboxDto) => void = () => undefined;
    answer = new Promise((resolve) => (answerNow = resolve));
    pushFrame({ type: 'notification', unread: 2, added: 1, title: '明天有活动' });
    pushFrame({ type: 'unread', conversationId: 5, unread: 1, total: 1 });
    pushFrame({ type: 'notification', unread: 2, added: 1, title: '明天有活动' });
    await waitFor(() => expect(api.callsTo('GET /notifications')).toHaveLength(2));
    // The list shown stays while the new page is on its way.
    expect(screen.getByText('点单已确定时间')).toBeTruthy();

    await act(async () => answerNow({ ...inbox(2), items: [fresh, ...inbox(2).items], total: 3 }));
    await waitFor(() => expect(screen.getByText('明天有活动')).toBeTruthy());
    const titles = Array.from(container.querySelectorAll('.card__title')).map((t) => t.textContent ?? '');
    expect(titles).toHaveLength(3);
    expect(titles[0]).toContain('明天有活动');
    expect(screen.getByText('2 条未读')).toBeTruthy();
    expect(api.callsTo('GET /notifications')).toHaveLength(2);
  });
});
