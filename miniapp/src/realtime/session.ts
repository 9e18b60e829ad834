import Taro from '@tarojs/taro';
import type { RealtimeFrame } from '@hall-menu/shared';
import { useAuthStore } from '../stores/auth';
import { applyTabBadge, selectUnreadTotal, useUnreadStore } from '../stores/unread';
import { forgetSubscribeTemplates, preloadSubscribeTemplates } from '../utils/subscribe';
import type { RealtimeClient } from './client';

/** How often the unread counts are fetched while the socket is down. */
export const UNREAD_POLL_MS = 30_000;

function feedUnreadStore(frame: RealtimeFrame): void {
  const store = useUnreadStore.getState();
  if (frame.type === 'ready') store.setCounts(frame.unread);
  if (frame.type === 'unread') store.setConversation(frame.conversationId, frame.unread, frame.total);
  // A badge only: new notifications must not interrupt whatever the person is doing.
  if (frame.type === 'notification') store.setNotifications(frame.unread);
  // Read on another device (or this one): the badge follows.
  if (frame.type === 'notifications_read') store.setNotifications(frame.unread);
}

/**
 * Ties the socket to the session: connected while someone is signed in, closed at sign-out. The socket feeds the
 * unread counts of chats and of the inbox (and so the 消息 tab badge); while it is down the counts are polled so
 * nothing is missed.
 * Returns what undoes it all.
 */
export function bindRealtimeToSession(client: RealtimeClient): () => void {
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  const stopPolling = () => {
    if (pollTimer !== null) clearInterval(pollTimer);
    pollTimer = null;
  };
  const poll = () => useUnreadStore.getState().refresh().catch(() => undefined);

  const follow = (signedIn: boolean) => {
    if (signedIn) {
      client.start();
      void poll();
      preloadSubscribeTemplates();
      if (!client.connected && pollTimer === null) pollTimer = setInterval(poll, UNREAD_POLL_MS);
    } else {
      client.stop();
      stopPolling();
      useUnreadStore.getState().clear();
      forgetSubscribeTemplates();
    }
  };

  const undo = [
    client.subscribe(feedUnreadStore),
    client.onStatus((connected) => {
      if (connected) return stopPolling();
      if (useAuthStore.getState().tokens && pollTimer === null) pollTimer = setInterval(poll, UNREAD_POLL_MS);
    }),
    useUnreadStore.subscribe((state, previous) => {
      if (selectUnreadTotal(state) !== selectUnreadTotal(previous)) applyTabBadge();
    }),
    useAuthStore.subscribe((state, previous) => {
      const signedIn = state.tokens !== null;
      // Signing in as someone else over a live session (the demo login allows it) starts afresh as them.
      const someoneElse = signedIn && previous.tokens !== null && state.me?.id !== previous.me?.id;
      if (someoneElse) follow(false);
      if (someoneElse || signedIn !== (previous.tokens !== null)) follow(signedIn);
    }),
  ];
  // Back from the background or a dead network: try at once rather than after the backoff. The counts are fetched
  // too: a socket that still looks open after a while in the background may have missed frames meanwhile.
  const comeBack = () => {
    if (!useAuthStore.getState().tokens) return;
    client.reconnectNow();
    void poll();
  };
  const onNetwork = (result: { isConnected: boolean }) => {
    if (result.isConnected) comeBack();
  };
  Taro.onAppShow(comeBack);
  Taro.onNetworkStatusChange(onNetwork);

  follow(useAuthStore.getState().tokens !== null);
  return () => {
    undo.forEach((fn) => fn());
    Taro.offAppShow(comeBack);
    Taro.offNetworkStatusChange(onNetwork);
    stopPolling();
    client.stop();
  };
}
