import { ErrorCode, type RealtimeFrame } from '@hall-menu/shared';
import { fail, fakeApi, ok } from '../../test/fake-api';
import { managerAndVillager, tokens } from '../../test/fixtures';
import Taro from '../../test/taro-mock';
import { withSession } from '../api/request';
import { useAuthStore } from '../stores/auth';
import { RealtimeClient, retryDelay } from './client';
import type { SocketLike } from './socket';

/** A socket the test plays the server of. */
class FakeSocket implements SocketLike {
  readonly sent: unknown[] = [];
  closedByClient = false;
  private messageListener: (text: string) => void = () => undefined;
  private closeListener: (code: number, reason: string) => void = () => undefined;

  constructor(readonly url: string) {}

  get token(): string | null {
    return new URL(this.url).searchParams.get('token');
  }

  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  close(): void {
    this.closedByClient = true;
  }
  onOpen(): void {}
  onMessage(listener: (text: string) => void): void {
    this.messageListener = listener;
  }
  onClose(listener: (code: number, reason: string) => void): void {
    this.closeListener = listener;
  }

  push(frame: RealtimeFrame): void {
    this.messageListener(JSON.stringify(frame));
  }
  ready(): void {
    this.push({ type: 'ready', userId: 2, unread: { conversations: 1, notifications: 2, total: 3 } });
  }
  serverClose(code: number, reason = ''): void {
    this.closeListener(code, reason);
  }
}

let sockets: FakeSocket[];
let client: RealtimeClient;
const last = () => sockets[sockets.length - 1];
/** Lets promises settle and runs timers due within `ms`. */
const elapse = (ms = 0) => jest.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  jest.useFakeTimers();
  useAuthStore.getState().signOut();
  useAuthStore.getState().signIn({ tokens: tokens('old'), me: managerAndVillager });
  sockets = [];
  client = new RealtimeClient({
    open: async (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    urlFor: (token) => `ws://h5.test/ws?token=${token}`,
    withSession: (attempt) => withSession(true, attempt),
    random: () => 0.5,
  });
});

afterEach(() => {
  client.stop();
  jest.useRealTimers();
});

describe('retryDelay', () => {
  it('doubles from 1 s to at most 30 s, with ±20 % jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 12].map((n) => retryDelay(n, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(retryDelay(0, () => 0)).toBe(800);
    expect(retryDelay(0, () => 1)).toBe(1200);
    expect(retryDelay(5, () => 1)).toBe(30000);
  });
});

describe('RealtimeClient', () => {
  it('connects with the session token, is connected from `ready` on and hands every frame to its listeners', async () => {
    const frames: RealtimeFrame[] = [];
    const statuses: boolean[] = [];
    client.subscribe((frame) => frames.push(frame));
    client.onStatus((connected) => statuses.push(connected));

    client.start();
    await elapse();
    expect(sockets).toHaveLength(1);
    expect(last().token).toBe('access-old');
    expect(client.connected).toBe(false);

    last().ready();
    last().push({ type: 'unread', conversationId: 5, unread: 2, total: 4 });
    expect(client.connected).toBe(true);
    expect(statuses).toEqual([true]);
    expect(frames.map((f) => f.type)).toEqual(['ready', 'unread']);
  });

  it('reconnects after drops waiting 1 s, 2 s, 4 s … 30 s, and from 1 s again once connected', async () => {
    client.start();
    await elapse();
    last().ready();

    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const before = sockets.length;
      last().serverClose(1006);
      let waited = 0;
      while (sockets.length === before) {
        await elapse(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(client.connected).toBe(false);

    last().ready();
    expect(client.connected).toBe(true);
    last().serverClose(1001); // the server restarting
    await elapse(999);
    const count = sockets.length;
    await elapse(1);
    expect(sockets.length).toBe(count + 1);
  });

  it('refreshes an expired token through the request layer when the handshake is refused with 4401 TOKEN_EXPIRED, and reconnects with the new one', async () => {
    const api = fakeApi({ 'POST /auth/refresh': () => ok(tokens('new')) });
    client.start();
    await elapse();
    last().serverClose(4401, ErrorCode.TokenExpired);
    await elapse();

    expect(api.callsTo('POST /auth/refresh')).toHaveLength(1);
    expect(api.callsTo('POST /auth/refresh')[0].data).toEqual({ refreshToken: tokens('old').refreshToken });
    expect(sockets.map((s) => s.token)).toEqual(['access-old', 'access-new']);
    expect(useAuthStore.getState().tokens).toEqual(tokens('new'));
    last().ready();
    expect(client.connected).toBe(true);
  });

  it('comes straight back when the token runs out while connected (closed with 4401), refreshing it on the way', async () => {
    const api = fakeApi({ 'POST /auth/refresh': () => ok(tokens('new')) });
    client.start();
    await elapse();
    last().ready();

    last().serverClose(4401, ErrorCode.TokenExpired);
    await elapse();
    // No backoff: the stored token is tried at once, refused as expired, refreshed and tried again.
    expect(sockets).toHaveLength(2);
    last().serverClose(4401, ErrorCode.TokenExpired);
    await elapse();
    expect(api.callsTo('POST /auth/refresh')).toHaveLength(1);
    expect(sockets.map((s) => s.token)).toEqual(['access-old', 'access-old', 'access-new']);
  });

  it('ends the session and stops when the server refuses the token for good', async () => {
    fakeApi({});
    client.start();
    await elapse();
    last().serverClose(4401, ErrorCode.AccountDisabled);
    await elapse(120_000);

    expect(useAuthStore.getState().tokens).toBeNull();
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: expect.stringContaining('/pages/login/index') });
    expect(sockets).toHaveLength(1);
  });

  it('keeps retrying with backoff when the refresh itself cannot reach the server', async () => {
    fakeApi({ 'POST /auth/refresh': () => fail(503, ErrorCode.ServiceUnavailable, '服务器正在重启，请稍后再试') });
    client.start();
    await elapse();
    last().serverClose(4401, ErrorCode.TokenExpired);
    await elapse();
    expect(sockets).toHaveLength(1);
    expect(useAuthStore.getState().tokens).toEqual(tokens('old'));
    await elapse(1000);
    expect(sockets).toHaveLength(2);
  });

  it('pings every 25 s and gives up a socket that stays silent for 10 s after a ping', async () => {
    client.start();
    await elapse();
    const first = last();
    first.ready();

    await elapse(25_000);
    expect(first.sent).toEqual([{ type: 'ping' }]);
    first.push({ type: 'pong' });
    await elapse(10_000);
    expect(client.connected).toBe(true);

    await elapse(15_000); // second ping, never answered
    expect(first.sent).toHaveLength(2);
    await elapse(10_000);
    expect(first.closedByClient).toBe(true);
    expect(client.connected).toBe(false);
    await elapse(1_000);
    expect(sockets).toHaveLength(2);
  });

  it('gives up a socket that never says `ready`', async () => {
    client.start();
    await elapse();
    await elapse(15_000);
    expect(sockets[0].closedByClient).toBe(true);
    await elapse(1_000);
    expect(sockets).toHaveLength(2);
  });

  it('closes the socket on stop() and does not come back', async () => {
    const statuses: boolean[] = [];
    client.onStatus((connected) => statuses.push(connected));
    client.start();
    await elapse();
    last().ready();
    client.stop();
    expect(last().closedByClient).toBe(true);
    expect(statuses).toEqual([true, false]);
    await elapse(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('reconnects at once when asked during the backoff wait (back from the background)', async () => {
    client.start();
    await elapse();
    last().ready();
    last().serverClose(1006);
    await elapse(500);
    expect(sockets).toHaveLength(1);
    client.reconnectNow();
    await elapse();
    expect(sockets).toHaveLength(2);
  });
});
