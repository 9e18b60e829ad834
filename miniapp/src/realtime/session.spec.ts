import type { RealtimeFrame } from '@hall-menu/shared';
import { fakeApi, ok } from '../../test/fake-api';
import { managerAndVillager, providerMember, tokens } from '../../test/fixtures';
import Taro from '../../test/taro-mock';
import { useAuthStore } from '../stores/auth';
import { useUnreadStore } from '../stores/unread';
import { RealtimeClient } from './client';
import { UNREAD_POLL_MS, bindRealtimeToSession } from './session';
import type { SocketLike } from './socket';

const platform = {
  setTabBarBadge: jest.fn(() => Promise.resolve()),
  removeTabBarBadge: jest.fn(() => Promise.resolve()),
  onAppShow: jest.fn(),
  offAppShow: jest.fn(),
  onNetworkStatusChange: jest.fn(),
  offNetworkStatusChange: jest.fn(),
};
Object.assign(Taro, platform);

interface ServerSide {
  push(frame: RealtimeFrame): void;
  close(code: number): void;
  closedByClient: boolean;
}

let sockets: ServerSide[];
let client: RealtimeClient;
let unbind: () => void;
const elapse = (ms = 0) => jest.advanceTimersByTimeAsync(ms);
const ready = (conversations: number, notifications: number) =>
  sockets[sockets.length - 1].push({ type: 'ready', userId: 2, unread: { conversations, notifications, total: conversations + notifications } });

beforeEach(() => {
  jest.useFakeTimers();
  useAuthStore.getState().signOut();
  useUnreadStore.getState().clear();
  sockets = [];
  client = new RealtimeClient({
    open: async () => {
      let onMessage: (text: string) => void = () => undefined;
      let onClose: (code: number, reason: string) => void = () => undefined;
      const side: ServerSide = { push: (frame) => onMessage(JSON.stringify(frame)), close: (code) => onClose(code, ''), closedByClient: false };
      sockets.push(side);
      const socket: SocketLike = {
        // A live server answers our pings.
        send: (text) => {
          if ((JSON.parse(text) as { type: string }).type === 'ping') void Promise.resolve().then(() => onMessage(JSON.stringify({ type: 'pong' })));
        },
        close: () => {
          side.closedByClient = true;
        },
        onOpen: () => undefined,
        onMessage: (listener) => (onMessage = listener),
        onClose: (listener) => (onClose = listener),
      };
      return socket;
    },
    urlFor: (token) => `ws://h5.test/ws?token=${token}`,
    withSession: (attempt) => attempt(useAuthStore.getState().tokens?.accessToken),
    random: () => 0.5,
  });
});

afterEach(() => {
  unbind?.();
  jest.useRealTimers();
});

describe('bindRealtimeToSession', () => {
  it('connects when someone signs in and feeds the unread counts and the 消息 tab badge from the socket', async () => {
    fakeApi({ 'GET /conversations/unread': () => ok({ conversations: 0, notifications: 0, total: 0 }) });
    unbind = bindRealtimeToSession(client);
    await elapse();
    expect(sockets).toHaveLength(0);

    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    await elapse();
    expect(sockets).toHaveLength(1);
    ready(2, 1);
    expect(useUnreadStore.getState()).toMatchObject({ conversations: 2, notifications: 1 });
    expect(platform.setTabBarBadge).toHaveBeenLastCalledWith({ index: 2, text: '3' });

    sockets[0].push({ type: 'unread', conversationId: 5, unread: 4, total: 6 });
    expect(useUnreadStore.getState().byConversation[5]).toBe(4);
    expect(platform.setTabBarBadge).toHaveBeenLastCalledWith({ index: 2, text: '7' });
  });

  it('shows pushed inbox notifications as the 通知 count and on the 消息 tab badge, nothing more, and follows reads elsewhere', async () => {
    fakeApi({ 'GET /conversations/unread': () => ok({ conversations: 0, notifications: 0, total: 0 }) });
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    unbind = bindRealtimeToSession(client);
    await elapse();
    ready(2, 1);

    sockets[0].push({ type: 'notification', unread: 3, added: 2, title: '点单已确定时间' });
    expect(useUnreadStore.getState()).toMatchObject({ conversations: 2, notifications: 3 });
    expect(platform.setTabBarBadge).toHaveBeenLastCalledWith({ index: 2, text: '5' });
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(Taro.showToast).not.toHaveBeenCalled();

    // Read on another phone: the count and the badge come down here too.
    sockets[0].push({ type: 'notifications_read', unread: 0 });
    expect(useUnreadStore.getState()).toMatchObject({ conversations: 2, notifications: 0 });
    expect(platform.setTabBarBadge).toHaveBeenLastCalledWith({ index: 2, text: '2' });
  });

  it('polls the counts every 30 s while the socket is down, and stops once it is back', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    let notifications = 0;
    const api = fakeApi({ 'GET /conversations/unread': () => ok({ conversations: 0, notifications, total: notifications }) });
    unbind = bindRealtimeToSession(client);
    await elapse();
    expect(api.callsTo('GET /conversations/unread')).toHaveLength(1); // at once, on sign-in
    sockets[0].close(1006); // never got ready; retries back off meanwhile

    notifications = 5;
    await elapse(UNREAD_POLL_MS);
    expect(api.callsTo('GET /conversations/unread')).toHaveLength(2);
    expect(useUnreadStore.getState().notifications).toBe(5);

    await elapse(2_000);
    ready(0, 5);
    const polls = api.callsTo('GET /conversations/unread').length;
    await elapse(UNREAD_POLL_MS * 3);
    expect(api.callsTo('GET /conversations/unread')).toHaveLength(polls);

    // Down again after being up: polling resumes.
    sockets[sockets.length - 1].close(1001);
    await elapse(UNREAD_POLL_MS);
    expect(api.callsTo('GET /conversations/unread').length).toBeGreaterThan(polls);
  });

  it('closes the socket, forgets the counts and clears the badge at sign-out', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    fakeApi({ 'GET /conversations/unread': () => ok({ conversations: 1, notifications: 0, total: 1 }) });
    unbind = bindRealtimeToSession(client);
    await elapse();
    ready(1, 0);

    useAuthStore.getState().signOut();
    expect(sockets[0].closedByClient).toBe(true);
    expect(client.connected).toBe(false);
    expect(useUnreadStore.getState().conversations).toBe(0);
    expect(platform.removeTabBarBadge).toHaveBeenLastCalledWith({ index: 2 });
    await elapse(120_000);
    expect(sockets).toHaveLength(1);
  });

  it('starts afresh when someone else signs in over a live session', async () => {
    useAuthStore.getState().signIn({ tokens: tokens('manager'), me: managerAndVillager });
    fakeApi({ 'GET /conversations/unread': () => ok({ conversations: 0, notifications: 0, total: 0 }) });
    unbind = bindRealtimeToSession(client);
    await elapse();
    ready(4, 0);

    useAuthStore.getState().signIn({ tokens: tokens('provider'), me: providerMember });
    await elapse();
    expect(sockets[0].closedByClient).toBe(true);
    expect(sockets).toHaveLength(2);
    expect(useUnreadStore.getState().conversations).toBe(0);

    // A refreshed token for the same person keeps the socket.
    useAuthStore.getState().setTokens(tokens('provider-2'));
    await elapse();
    expect(sockets).toHaveLength(2);
  });
});
