import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode, type ConversationDto, type MessageDto, type RealtimeFrame } from '@hall-menu/shared';
import { fail, fakeApi, ok, type FakeRequest } from '../../../test/fake-api';
import { liveSystem, managerAndVillager, tokens } from '../../../test/fixtures';
import { typeInto } from '../../../test/interact';
import Taro, { useRouter } from '../../../test/taro-mock';
import { realtime } from '../../realtime';
import { useAuthStore } from '../../stores/auth';
import { useUnreadStore } from '../../stores/unread';
import ChatPage from './index';

// Scrolling and page visibility are the platform's; here the end of the conversation is always on screen.
jest.mock('./viewport', () => ({
  endIsVisible: () => Promise.resolve(true),
  scrollToEnd: jest.fn(),
  useScrollSettled: () => undefined,
  usePageOnScreen: () => true,
}));
// A connected socket the test pushes frames through.
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

const conversation: ConversationDto = {
  id: 5,
  kind: 'order',
  subjectId: 31,
  title: '越剧经典折子戏专场 · 鲍田村文化礼堂',
  hall: { id: 11, name: '鲍田村文化礼堂' },
  provider: { id: 2, name: '瑞安市文化馆' },
  mySide: 'hall',
  lastMessage: null,
  unread: 1,
  lastReadId: 2,
  subjectLink: 'pages/order/index?id=31',
};

const message = (id: number, fields: Partial<MessageDto>): MessageDto => ({
  id,
  conversationId: 5,
  kind: 'text',
  text: null,
  photoUrl: null,
  side: 'hall',
  sender: { id: 2, nickname: '李建国' },
  clientMessageId: null,
  createdAt: '2026-11-21T02:00:00.000Z',
  ...fields,
});

const history: MessageDto[] = [
  message(1, { kind: 'system', side: 'system', text: '鲍田村文化礼堂点了「越剧经典折子戏专场」，等待服务方答复' }),
  message(2, { text: '请问周六下午可以来吗？', clientMessageId: '00000000-0000-4000-8000-000000000001' }),
  message(3, { kind: 'system', side: 'system', sender: { id: 3, nickname: '陈丽娟' }, text: '服务方接单并确定时间：12月5日 14:00–16:00', createdAt: '2026-11-22T03:00:00.000Z' }),
  message(4, { side: 'provider', sender: { id: 3, nickname: '陈丽娟' }, text: '可以，我们一点半到。', createdAt: '2026-11-22T03:05:00.000Z' }),
];

/** GET messages: the newest page without a cursor, nothing newer for `after`, `older` for `before`. */
const messagesRoute = (newest: MessageDto[], older: MessageDto[] = []) => (req: FakeRequest) => {
  if (req.query.get('after')) return ok({ items: [], hasMore: false });
  if (req.query.get('before')) return ok({ items: older, hasMore: false });
  return ok({ items: newest, hasMore: older.length > 0 });
};

const sentBack = (req: FakeRequest, id: number) => {
  const body = req.data as { clientMessageId: string; kind: 'text' | 'photo'; text?: string; photoUrl?: string };
  return ok(message(id, { kind: body.kind, text: body.text ?? null, photoUrl: body.photoUrl ?? null, clientMessageId: body.clientMessageId, createdAt: new Date().toISOString() }));
};

const base = {
  'GET /system': () => ok(liveSystem),
  'POST /conversations/open': () => ok(conversation),
  'GET /conversations/5/messages': messagesRoute(history),
  'POST /conversations/5/read': (req: FakeRequest) => ok({ lastReadId: (req.data as { upToId: number }).upToId, unread: 0, total: 3 }),
};

const composer = (container: HTMLElement) => container.querySelector('.chat-composer input') as HTMLInputElement;

beforeEach(() => {
  useAuthStore.getState().signOut();
  useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
  useUnreadStore.getState().clear();
  useRouter.mockImplementation(() => ({ params: { kind: 'order', subjectId: '31' } }));
});

describe('沟通', () => {
  it('opens the order’s conversation and shows system lines centred, the other side on the left with its label, mine on the right, a separator per day', async () => {
    const api = fakeApi(base);
    const { container } = render(<ChatPage />);
    expect(await screen.findByText('可以，我们一点半到。')).toBeTruthy();
    expect(api.callsTo('POST /conversations/open')[0].data).toEqual({ kind: 'order', subjectId: 31 });
    expect(screen.getByText('越剧经典折子戏专场 · 鲍田村文化礼堂')).toBeTruthy();
    expect(screen.getByText('点单沟通 · 服务方：瑞安市文化馆')).toBeTruthy();

    const systemLines = Array.from(container.querySelectorAll('.chat-system__text')).map((n) => n.textContent);
    expect(systemLines).toEqual([history[0].text, history[2].text]);
    const mine = container.querySelector('.chat-msg--mine');
    expect(mine?.textContent).toContain('请问周六下午可以来吗？');
    const theirs = Array.from(container.querySelectorAll('.chat-msg:not(.chat-msg--mine)'));
    expect(theirs).toHaveLength(1);
    expect(theirs[0].querySelector('.chat-msg__meta')?.textContent).toContain('服务方 · 陈丽娟');
    expect(Array.from(container.querySelectorAll('.chat-day__label')).map((n) => n.textContent)).toHaveLength(2);

    // The end is on screen: read up to the last message, and the unread count follows the server's answer.
    await waitFor(() => expect(api.callsTo('POST /conversations/5/read')).toHaveLength(1));
    expect(api.callsTo('POST /conversations/5/read')[0].data).toEqual({ upToId: 4 });
    await waitFor(() => expect(useUnreadStore.getState().conversations).toBe(3));
    expect(useUnreadStore.getState().byConversation[5]).toBe(0);
  });

  it('sends a text with a UUID client id: 发送中… at once, then the stored message', async () => {
    let answer: () => void = () => undefined;
    const api = fakeApi({
      ...base,
      'POST /conversations/5/messages': (req) => new Promise((resolve) => (answer = () => resolve(sentBack(req, 5)))),
    });
    const { container } = render(<ChatPage />);
    await screen.findByText('可以，我们一点半到。');
    await typeInto(container, '.chat-composer input', '好的，到时候见');
    fireEvent.click(screen.getByText('发送'));

    expect(await screen.findByText('发送中…')).toBeTruthy();
    expect(composer(container).value).toBe('');
    const sent = api.callsTo('POST /conversations/5/messages')[0];
    expect(sent.data).toEqual({ clientMessageId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), kind: 'text', text: '好的，到时候见' });
    expect(sent.header['Idempotency-Key']).toBe((sent.data as { clientMessageId: string }).clientMessageId);

    await act(async () => answer());
    await waitFor(() => expect(screen.queryByText('发送中…')).toBeNull());
    expect(screen.getAllByText('好的，到时候见')).toHaveLength(1);
    await waitFor(() => expect(api.callsTo('POST /conversations/5/read').map((c) => c.data)).toContainEqual({ upToId: 5 }));
  });

  it('keeps the text in the input and shows the server’s words when a blocked word is refused', async () => {
    fakeApi({
      ...base,
      'POST /conversations/5/messages': () => fail(400, ErrorCode.SensitiveContent, '内容含有不当用语，请修改后再发送'),
    });
    const { container } = render(<ChatPage />);
    await screen.findByText('可以，我们一点半到。');
    await typeInto(container, '.chat-composer input', '你个傻子');
    fireEvent.click(screen.getByText('发送'));

    expect(await screen.findByText('内容含有不当用语，请修改后再发送')).toBeTruthy();
    expect(composer(container).value).toBe('你个傻子');
    expect(container.querySelectorAll('.chat-msg--mine')).toHaveLength(1); // only the earlier one
  });

  it('refuses an empty message before sending anything', async () => {
    const api = fakeApi(base);
    render(<ChatPage />);
    await screen.findByText('可以，我们一点半到。');
    fireEvent.click(screen.getByText('发送'));
    expect(await screen.findByText('请输入要发送的内容')).toBeTruthy();
    expect(api.callsTo('POST /conversations/5/messages')).toHaveLength(0);
  });

  it('marks a failed send with 重发, which sends the same client id again', async () => {
    let tries = 0;
    const api = fakeApi({
      ...base,
      'POST /conversations/5/messages': (req) => (++tries === 1 ? fail(500, ErrorCode.Internal, '服务器开小差了，请稍后再试') : sentBack(req, 5)),
    });
    const { container } = render(<ChatPage />);
    await screen.findByText('可以，我们一点半到。');
    await typeInto(container, '.chat-composer input', '收到请回复');
    fireEvent.click(screen.getByText('发送'));

    expect(await screen.findByText('发送失败：服务器开小差了，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('重发'));
    await waitFor(() => expect(screen.queryByText('重发')).toBeNull());
    const ids = api.callsTo('POST /conversations/5/messages').map((c) => (c.data as { clientMessageId: string }).clientMessageId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    expect(screen.getAllByText('收到请回复')).toHaveLength(1);
  });

  it('shows a message pushed over the socket without reloading, and reads it', async () => {
    const api = fakeApi(base);
    render(<ChatPage />);
    await screen.findByText('可以，我们一点半到。');
    const pushed = message(9, { side: 'provider', sender: { id: 3, nickname: '陈丽娟' }, text: '我们已经出发了', createdAt: new Date().toISOString() });
    pushFrame({ type: 'message', conversationId: 5, message: pushed });
    pushFrame({ type: 'message', conversationId: 5, message: pushed });
    pushFrame({ type: 'message', conversationId: 6, message: { ...pushed, id: 10, conversationId: 6, text: '别的对话' } });

    expect(await screen.findByText('我们已经出发了')).toBeTruthy();
    expect(screen.getAllByText('我们已经出发了')).toHaveLength(1);
    expect(screen.queryByText('别的对话')).toBeNull();
    expect(screen.getByText('今天')).toBeTruthy();
    await waitFor(() => expect(api.callsTo('POST /conversations/5/read').map((c) => c.data)).toContainEqual({ upToId: 9 }));
  });

  it('sends a photo: picked, uploaded, then sent as its /uploads URL', async () => {
    Taro.chooseImage.mockImplementation(() => Promise.resolve({ tempFilePaths: ['wxfile://tmp/stage.jpg'] }));
    Taro.uploadFile.mockImplementation(() => Promise.resolve({ statusCode: 201, data: JSON.stringify({ url: '/uploads/2026/11/stage.jpg' }) }));
    const api = fakeApi({ ...base, 'POST /conversations/5/messages': (req) => sentBack(req, 5) });
    const { container } = render(<ChatPage />);
    await screen.findByText('可以，我们一点半到。');
    fireEvent.click(screen.getByText('照片'));

    await waitFor(() => expect(api.callsTo('POST /conversations/5/messages')).toHaveLength(1));
    expect(api.callsTo('POST /conversations/5/messages')[0].data).toMatchObject({ kind: 'photo', photoUrl: '/uploads/2026/11/stage.jpg' });
    await waitFor(() => expect(container.querySelector('.chat-msg--mine .chat-msg__photo')).toBeTruthy());
  });

  it('loads older messages with 查看更早的消息', async () => {
    const older = [message(0, { text: '最早的一条' })];
    const api = fakeApi({ ...base, 'GET /conversations/5/messages': messagesRoute(history, older) });
    render(<ChatPage />);
    fireEvent.click(await screen.findByText('查看更早的消息'));
    expect(await screen.findByText('最早的一条')).toBeTruthy();
    expect(api.callsTo('GET /conversations/5/messages').some((c) => c.query.get('before') === '1')).toBe(true);
    expect(screen.queryByText('查看更早的消息')).toBeNull();
  });

  it('links to the order it is about', async () => {
    fakeApi(base);
    render(<ChatPage />);
    fireEvent.click(await screen.findByText('查看点单'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/order/index?id=31' });
  });

  it('says so when the person is not a member', async () => {
    fakeApi({ ...base, 'POST /conversations/open': () => fail(403, ErrorCode.OutOfScope, '这不是您的点单，不能查看它的对话') });
    render(<ChatPage />);
    expect(await screen.findByText('这不是您的点单，不能查看它的对话')).toBeTruthy();
  });
});
