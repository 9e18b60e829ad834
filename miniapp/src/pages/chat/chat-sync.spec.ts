import { ErrorCode, type MessageDto, type MessagePageDto, type RealtimeFrame, type SendMessageInput } from '@hall-menu/shared';
import { ApiError } from '../../api/api-error';
import type { MessageCursor } from '../../api/conversations';
import { CHAT_POLL_MS, ChatSync, type ChatSnapshot, type RealtimeSource } from './chat-sync';

const CONVERSATION = 5;

/** The server's side of one conversation: stored messages, cursor paging as the API does it, one message per client id. */
class FakeServer {
  messages: MessageDto[] = [];
  fetches: MessageCursor[] = [];
  sends: SendMessageInput[] = [];
  /** Makes the next sends fail like this before storing anything. */
  failNext: ApiError[] = [];
  /** Stores but loses the answer (the phone went through a tunnel). */
  loseNextAnswer = false;
  /** Holds answers to sends until it resolves (the message is stored meanwhile). */
  answerGate: Promise<void> = Promise.resolve();

  store(text: string, extra: Partial<MessageDto> = {}): MessageDto {
    const message: MessageDto = {
      id: (this.messages[this.messages.length - 1]?.id ?? 0) + 1,
      conversationId: CONVERSATION,
      kind: 'text',
      text,
      photoUrl: null,
      side: 'provider',
      sender: { id: 3, nickname: '陈丽娟' },
      clientMessageId: null,
      createdAt: '2026-11-23T02:00:00.000Z',
      ...extra,
    };
    this.messages.push(message);
    return message;
  }

  fill(count: number): void {
    for (let i = 0; i < count; i++) this.store(`第 ${i + 1} 条`);
  }

  async fetch(cursor: MessageCursor): Promise<MessagePageDto> {
    this.fetches.push(cursor);
    const limit = cursor.limit ?? 30;
    if (cursor.after !== undefined) {
      const newer = this.messages.filter((m) => m.id > cursor.after!);
      return { items: newer.slice(0, limit), hasMore: newer.length > limit };
    }
    const older = this.messages.filter((m) => cursor.before === undefined || m.id < cursor.before);
    return { items: older.slice(-limit), hasMore: older.length > limit };
  }

  async send(input: SendMessageInput): Promise<MessageDto> {
    this.sends.push(input);
    const failure = this.failNext.shift();
    if (failure) throw failure;
    const message =
      this.messages.find((m) => m.clientMessageId === input.clientMessageId) ??
      this.store(input.text ?? '', { kind: input.kind, photoUrl: input.photoUrl ?? null, side: 'hall', sender: { id: 2, nickname: '李建国' }, clientMessageId: input.clientMessageId });
    await this.answerGate;
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw ApiError.network();
    }
    return message;
  }
}

class FakeRealtime implements RealtimeSource {
  connected = false;
  private frameListeners = new Set<(frame: RealtimeFrame) => void>();
  private statusListeners = new Set<(connected: boolean) => void>();
  subscribe(listener: (frame: RealtimeFrame) => void) {
    this.frameListeners.add(listener);
    return () => void this.frameListeners.delete(listener);
  }
  onStatus(listener: (connected: boolean) => void) {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }
  ready(): void {
    this.connected = true;
    this.statusListeners.forEach((l) => l(true));
    this.frameListeners.forEach((l) => l({ type: 'ready', userId: 2, unread: { conversations: 0, notifications: 0, total: 0 } }));
  }
  drop(): void {
    this.connected = false;
    this.statusListeners.forEach((l) => l(false));
  }
  push(message: MessageDto): void {
    this.frameListeners.forEach((l) => l({ type: 'message', conversationId: message.conversationId, message }));
  }
}

let server: FakeServer;
let socket: FakeRealtime;
let sync: ChatSync;
let latest: ChatSnapshot;
let ids: number;

const flush = () => jest.advanceTimersByTimeAsync(0);
const shownIds = () => latest.messages.map((m) => m.id);
const allIds = () => server.messages.map((m) => m.id);

function makeSync(): ChatSync {
  return new ChatSync(
    CONVERSATION,
    { fetchMessages: (c) => server.fetch(c), sendMessage: (i) => server.send(i), realtime: socket, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` },
    (snapshot) => (latest = snapshot),
  );
}

beforeEach(() => {
  jest.useFakeTimers();
  server = new FakeServer();
  socket = new FakeRealtime();
  ids = 0;
  sync = makeSync();
});

afterEach(() => {
  sync.dispose();
  jest.useRealTimers();
});

describe('ChatSync: loading and paging', () => {
  it('shows the newest 30 first, then older pages by cursor, oldest first and without gaps', async () => {
    server.fill(70);
    socket.connected = true;
    await sync.start();
    expect(latest.status).toBe('ready');
    expect(shownIds()).toEqual(allIds().slice(40));
    expect(latest.hasOlder).toBe(true);

    await sync.loadOlder();
    await sync.loadOlder();
    expect(shownIds()).toEqual(allIds());
    expect(latest.hasOlder).toBe(false);
    expect(server.fetches.filter((f) => f.before !== undefined).map((f) => f.before)).toEqual([41, 11]);
  });

  it('adds pushed messages once, however often they arrive', async () => {
    server.fill(3);
    socket.connected = true;
    await sync.start();
    const pushed = server.store('新消息');
    socket.push(pushed);
    socket.push(pushed);
    socket.push({ ...server.store('别的对话'), conversationId: 99 });
    expect(shownIds()).toEqual([1, 2, 3, 4]);
  });
});

describe('ChatSync: reconnecting', () => {
  it('after a drop, fetches exactly what was missed (after the last id) when the socket is back: no gap, no duplicate', async () => {
    server.fill(5);
    socket.ready();
    await sync.start();
    socket.push(server.store('在线时收到'));
    expect(shownIds()).toEqual([1, 2, 3, 4, 5, 6]);

    socket.drop();
    server.store('断线时 1');
    server.store('断线时 2');
    socket.ready();
    // Pushed right after the reconnect, before the catch-up has answered: must not hide the two it skipped.
    socket.push(server.store('重连后推送'));
    await flush();

    expect(shownIds()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const catchUps = server.fetches.filter((f) => f.after !== undefined);
    expect(catchUps[catchUps.length - 1].after).toBe(6);

    // Back in sync: later pushes move the cursor, so the next reconnect asks only for what is new.
    socket.push(server.store('之后推送'));
    socket.drop();
    socket.ready();
    await flush();
    expect(server.fetches[server.fetches.length - 1].after).toBe(10);
    expect(shownIds()).toEqual(allIds());
  });

  it('pages through a long absence 100 at a time', async () => {
    server.fill(2);
    socket.ready();
    await sync.start();
    socket.drop();
    server.fill(230);
    socket.ready();
    // A push while the catch-up is still paging must not make it jump past the pages not fetched yet.
    socket.push(server.store('补齐时推送'));
    await flush();
    expect(shownIds()).toEqual(allIds());
    expect(server.fetches.filter((f) => f.after !== undefined).slice(-3).map((f) => f.after)).toEqual([2, 102, 202]);
  });

  it('polls every 10 s while the socket is down and stops once it is back', async () => {
    server.fill(2);
    await sync.start(); // socket down from the start
    server.store('没有推送的消息');
    await jest.advanceTimersByTimeAsync(CHAT_POLL_MS - 1);
    expect(shownIds()).toEqual([1, 2]);
    await jest.advanceTimersByTimeAsync(1);
    expect(shownIds()).toEqual([1, 2, 3]);
    expect(server.fetches[server.fetches.length - 1]).toEqual({ after: 2, limit: 100 });

    socket.ready();
    await flush();
    const fetched = server.fetches.length;
    await jest.advanceTimersByTimeAsync(CHAT_POLL_MS * 3);
    expect(server.fetches.length).toBe(fetched);
  });

  it('keeps messages pushed while the first page was loading', async () => {
    server.fill(2);
    socket.connected = true;
    const starting = sync.start();
    socket.push(server.store('加载时推送'));
    await starting;
    expect(shownIds()).toEqual([1, 2, 3]);
  });
});

describe('ChatSync: sending', () => {
  beforeEach(async () => {
    server.fill(1);
    socket.ready();
    await sync.start();
  });

  it('shows a pending bubble at once and replaces it with the stored message, also when the push comes first', async () => {
    let answer: () => void = () => undefined;
    server.answerGate = new Promise((resolve) => (answer = resolve));
    const sending = sync.send({ kind: 'text', text: '周六下午两点可以吗？' });
    expect(latest.pending).toEqual([expect.objectContaining({ status: 'sending', text: '周六下午两点可以吗？' })]);
    // Stored; the server pushes it to the sender too, here before the HTTP answer.
    const stored = server.messages[server.messages.length - 1];
    expect(stored.clientMessageId).toBe(latest.pending[0].clientMessageId);
    socket.push(stored);
    expect(latest.pending).toEqual([]);
    answer();

    await expect(sending).resolves.toMatchObject({ result: 'sent' });
    expect(shownIds()).toEqual([1, 2]);
    expect(latest.pending).toEqual([]);
  });

  it('marks a send that got no answer as failed; 重发 uses the same client id, so the server stores it once', async () => {
    server.loseNextAnswer = true;
    const first = await sync.send({ kind: 'text', text: '收到请回复' });
    expect(first).toEqual({ result: 'failed', message: '网络不太好，请检查网络后重试' });
    expect(latest.pending).toEqual([expect.objectContaining({ status: 'failed', error: '网络不太好，请检查网络后重试' })]);

    const id = latest.pending[0].clientMessageId;
    await expect(sync.retry(id)).resolves.toMatchObject({ result: 'sent' });
    expect(server.sends.map((s) => s.clientMessageId)).toEqual([id, id]);
    expect(server.messages.filter((m) => m.text === '收到请回复')).toHaveLength(1);
    expect(latest.pending).toEqual([]);
    expect(latest.messages.filter((m) => m.text === '收到请回复')).toHaveLength(1);
  });

  it('drops the bubble of a refused message and hands back the server’s words (a blocked word)', async () => {
    server.failNext.push(new ApiError(ErrorCode.SensitiveContent, '内容含有不当用语，请修改后再发送', 400));
    await expect(sync.send({ kind: 'text', text: '不当用语' })).resolves.toEqual({ result: 'refused', message: '内容含有不当用语，请修改后再发送' });
    expect(latest.pending).toEqual([]);
    expect(shownIds()).toEqual([1]);
  });

  it('keeps a rate-limited message for 重发 rather than dropping it', async () => {
    server.failNext.push(new ApiError(ErrorCode.RateLimited, '操作太频繁，请稍后再试', 429));
    await expect(sync.send({ kind: 'text', text: '你好' })).resolves.toMatchObject({ result: 'failed' });
    expect(latest.pending).toEqual([expect.objectContaining({ status: 'failed' })]);
  });
});
