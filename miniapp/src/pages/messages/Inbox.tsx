import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import type { NotificationDto } from '@hall-menu/shared';
import { errorMessage } from '../../api/api-error';
import { getInbox, markAllNotificationsRead, markNotificationRead } from '../../api/notifications';
import { PagedContent } from '../../components/PagedContent';
import { EmptyState } from '../../components/StateViews';
import { usePagedList } from '../../hooks/use-paged';
import { useRealtimeFrames } from '../../realtime/hooks';
import { useUnreadStore } from '../../stores/unread';
import { formatDateTime } from '../../utils/format';

/** Notifications come in bursts (each side of a change, a reminder run); one refetch covers the burst. */
const REFRESH_DELAY_MS = 400;

/**
 * 通知: the in-app inbox (order answers, reminders, review decisions, waitlist seats), newest first. A notification
 * pushed while it is open appears on top without a loading flash; the count comes from the unread store.
 */
export function Inbox({ visitKey }: { visitKey: number }) {
  const unread = useUnreadStore((state) => state.notifications);
  const [readIds, setReadIds] = useState<number[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const list = usePagedList(
    async (page) => {
      const inbox = await getInbox(page);
      useUnreadStore.getState().setNotifications(inbox.unread);
      return inbox;
    },
    (n: NotificationDto) => n.id,
    [],
  );
  const { reload, refresh } = list;
  const mountedWith = useRef(visitKey);
  useEffect(() => {
    if (visitKey !== mountedWith.current) reload();
  }, [visitKey, reload]);

  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (refreshTimer.current !== null) clearTimeout(refreshTimer.current);
  }, []);
  useRealtimeFrames((frame) => {
    // After a reconnect the list may have missed notifications too; read on another device, their marks change.
    if (frame.type !== 'notification' && frame.type !== 'notifications_read' && frame.type !== 'ready') return;
    if (refreshTimer.current !== null) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(refresh, REFRESH_DELAY_MS);
  });

  async function open(item: NotificationDto) {
    setFailure(null);
    try {
      if (!item.read && !readIds.includes(item.id)) {
        useUnreadStore.getState().setNotifications((await markNotificationRead(item.id)).unread);
        setReadIds((ids) => [...ids, item.id]);
      }
      if (item.link) await Taro.navigateTo({ url: `/${item.link}` });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  async function readAll() {
    setFailure(null);
    try {
      useUnreadStore.getState().setNotifications((await markAllNotificationsRead()).unread);
      reload();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  return (
    <>
      <View className='section__note inbox-summary'>{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</View>
      {unread > 0 && (
        <Button className='btn btn--block' onClick={readAll}>
          全部标为已读
        </Button>
      )}
      {failure && <View className='notice notice--error notice--inline spaced'>{failure}</View>}
      <View className='spaced'>
        <PagedContent list={list} unit='条' empty={<EmptyState title='暂无通知' hint='点单进展、审核结果和活动提醒会在这里显示' />}>
          {(items) =>
            items.map((item) => {
              const read = item.read || readIds.includes(item.id);
              return (
                <View key={item.id} className='card' onClick={() => void open(item)}>
                  <View className='card__title'>
                    {!read && <View className='tag'>未读</View>} {item.title}
                  </View>
                  <View className='card__meta'>{item.body}</View>
                  <View className='card__meta'>{formatDateTime(item.createdAt)}</View>
                </View>
              );
            })
          }
        </PagedContent>
      </View>
    </>
  );
}
