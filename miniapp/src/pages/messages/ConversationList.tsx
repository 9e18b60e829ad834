import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { CONVERSATION_SIDE_LABELS, type ConversationDto, type Paged } from '@hall-menu/shared';
import { errorMessage } from '../../api/api-error';
import { listConversations } from '../../api/conversations';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews';
import { useRealtimeFrames } from '../../realtime/hooks';
import { useAuthStore } from '../../stores/auth';
import { badgeText, useUnreadStore } from '../../stores/unread';
import { chatUrl } from '../chat/route';
import { clockTime, dayLabel } from '../chat/timeline';

const PAGE_SIZE = 20;
/** Pushed messages arrive in bursts (a state change and its reply); one refetch covers the burst. */
const REFRESH_DELAY_MS = 400;

type ListState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; items: ConversationDto[]; total: number; page: number };

/** The newest page first, then the pages already shown, each conversation once. */
function mergePages(first: Paged<ConversationDto>, shown: ConversationDto[]): ConversationDto[] {
  const ids = new Set(first.items.map((c) => c.id));
  return [...first.items, ...shown.filter((c) => !ids.has(c.id))];
}

function preview(conversation: ConversationDto, myId: number | undefined): string {
  const last = conversation.lastMessage;
  if (!last) return '还没有消息';
  if (last.kind === 'system') return last.text ?? '';
  const who = last.sender?.id === myId ? '我' : CONVERSATION_SIDE_LABELS[last.side];
  return `${who}：${last.kind === 'photo' ? '[照片]' : (last.text ?? '')}`;
}

function when(iso: string): string {
  const day = dayLabel(iso);
  return day === '今天' ? clockTime(iso) : day;
}

function withWhom(conversation: ConversationDto): string {
  if (conversation.mySide === 'hall') return conversation.provider.name;
  if (conversation.mySide === 'provider') return conversation.hall.name;
  return `${conversation.hall.name} 与 ${conversation.provider.name}`;
}

/**
 * 对话: the person's conversations, the most recently active first, each with its last message and an unread badge.
 * A pushed message refetches the first page (the conversation moves to the top); counts between fetches come from
 * the unread store, which the socket keeps current.
 */
export function ConversationList({ visitKey }: { visitKey: number }) {
  const myId = useAuthStore((state) => state.me?.id);
  const unreadById = useUnreadStore((state) => state.byConversation);
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const latest = useRef(state);
  latest.current = state;
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const remember = (items: ConversationDto[]) => {
    const store = useUnreadStore.getState();
    items.forEach((c) => store.setConversation(c.id, c.unread));
  };

  /** Page 1 again, keeping the pages already shown (no loading flash). */
  const refresh = useCallback(async (showLoading: boolean) => {
    if (showLoading) setState({ status: 'loading' });
    try {
      const first = await listConversations(1, PAGE_SIZE);
      remember(first.items);
      const shown = latest.current.status === 'ready' && !showLoading ? latest.current : null;
      setState({ status: 'ready', items: shown ? mergePages(first, shown.items) : first.items, total: first.total, page: shown?.page ?? 1 });
    } catch (error) {
      if (showLoading || latest.current.status !== 'ready') setState({ status: 'error', error });
    }
  }, []);

  // On mount, and silently each time the tab shows again.
  useEffect(() => {
    void refresh(latest.current.status !== 'ready');
  }, [visitKey, refresh]);

  useEffect(() => () => {
    if (refreshTimer.current !== null) clearTimeout(refreshTimer.current);
  }, []);

  useRealtimeFrames((frame) => {
    // After a reconnect the list may have missed messages too.
    if (frame.type !== 'message' && frame.type !== 'ready') return;
    if (refreshTimer.current !== null) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => void refresh(false), REFRESH_DELAY_MS);
  });

  async function loadMore() {
    if (state.status !== 'ready' || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await listConversations(state.page + 1, PAGE_SIZE);
      remember(next.items);
      setState((current) =>
        current.status === 'ready'
          ? { ...current, items: [...current.items, ...next.items.filter((c) => !current.items.some((known) => known.id === c.id))], total: next.total, page: current.page + 1 }
          : current,
      );
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  }

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={() => void refresh(true)} />;
  if (state.items.length === 0) {
    return <EmptyState title='还没有对话' hint='点单或需求响应后，可以在点单详情里点「联系服务方」或「联系礼堂」开始沟通' />;
  }
  return (
    <>
      {state.items.map((conversation) => {
        const unread = unreadById[conversation.id] ?? conversation.unread;
        const badge = badgeText(unread);
        return (
          <View key={conversation.id} className='card conversation' onClick={() => void Taro.navigateTo({ url: chatUrl(conversation.id) })}>
            <View className='conversation__head'>
              <View className='conversation__title'>{conversation.title}</View>
              {badge && (
                <View className='count-badge' aria-label={`${unread} 条未读`}>
                  {badge}
                </View>
              )}
            </View>
            <View className='card__meta'>
              {conversation.kind === 'order' ? '点单沟通' : '需求对接'} · {withWhom(conversation)}
            </View>
            <View className={unread > 0 ? 'conversation__preview conversation__preview--unread' : 'conversation__preview'}>{preview(conversation, myId)}</View>
            {conversation.lastMessage && <View className='card__meta'>{when(conversation.lastMessage.createdAt)}</View>}
          </View>
        );
      })}
      <View className='paged-footer'>
        {moreError !== null && <View className='form-error'>{errorMessage(moreError)}</View>}
        {state.items.length < state.total ? (
          <Button className='btn btn--block' disabled={loadingMore} onClick={() => void loadMore()}>
            {loadingMore ? '正在加载…' : '加载更多'}
          </Button>
        ) : (
          <View className='paged-footer__count'>已全部显示，共 {state.total} 个对话</View>
        )}
      </View>
    </>
  );
}
