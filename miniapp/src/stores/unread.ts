import Taro from '@tarojs/taro';
import { create } from 'zustand';
import type { UnreadCountsDto } from '@hall-menu/shared';
import { getUnreadCounts } from '../api/conversations';

/** Position of 消息 in the tab bar (app.config.ts). */
export const MESSAGES_TAB_INDEX = 2;

interface UnreadState {
  /** Unread chat messages over all the person's conversations. */
  conversations: number;
  /** Unread inbox notifications. */
  notifications: number;
  /** Unread messages per conversation id, as last reported. */
  byConversation: Record<number, number>;
  /** Counts from `GET /conversations/unread` or the socket's `ready` frame. */
  setCounts: (counts: UnreadCountsDto) => void;
  /** One conversation's count; `total` (all conversations) comes with the socket's `unread` frame and a mark-read. */
  setConversation: (conversationId: number, unread: number, total?: number) => void;
  setNotifications: (unread: number) => void;
  /** Fetches the counts (the 30 s poll while the socket is down, and when a tab page shows). */
  refresh: () => Promise<void>;
  clear: () => void;
}

export const useUnreadStore = create<UnreadState>()((set) => ({
  conversations: 0,
  notifications: 0,
  byConversation: {},
  setCounts: ({ conversations, notifications }) => set({ conversations, notifications }),
  setConversation: (conversationId, unread, total) =>
    set((state) => ({
      byConversation: { ...state.byConversation, [conversationId]: unread },
      ...(total === undefined ? {} : { conversations: total }),
    })),
  setNotifications: (notifications) => set({ notifications }),
  refresh: async () => {
    useUnreadStore.getState().setCounts(await getUnreadCounts());
  },
  clear: () => set({ conversations: 0, notifications: 0, byConversation: {} }),
}));

export const selectUnreadTotal = (state: UnreadState) => state.conversations + state.notifications;

/** What a badge says: nothing for 0, '99+' past 99 (the tab bar has room for four half-width characters). */
export function badgeText(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}

/**
 * Puts the total on the 消息 tab. The weapp refuses while a non-tab page is on top, so tab pages call this again
 * when they show; a refusal is not an error worth telling anyone about.
 */
export function applyTabBadge(): void {
  const text = badgeText(selectUnreadTotal(useUnreadStore.getState()));
  const done = text ? Taro.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text }) : Taro.removeTabBarBadge({ index: MESSAGES_TAB_INDEX });
  Promise.resolve(done).catch(() => undefined);
}
