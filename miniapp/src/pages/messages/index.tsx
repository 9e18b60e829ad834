import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import type { NotificationDto } from '@hall-menu/shared';
import { errorMessage } from '../../api/api-error';
import { getInbox, markAllNotificationsRead, markNotificationRead } from '../../api/notifications';
import { PagedContent } from '../../components/PagedContent';
import { PageShell } from '../../components/PageShell';
import { EmptyState, LoginPrompt } from '../../components/StateViews';
import { usePagedList } from '../../hooks/use-paged';
import { selectIsLoggedIn, useAuthStore } from '../../stores/auth';
import { formatDateTime } from '../../utils/format';

/** 消息: the in-app inbox (order answers, review decisions, waitlist seats), newest first. */
export default function MessagesPage() {
  const loggedIn = useAuthStore(selectIsLoggedIn);
  const [unread, setUnread] = useState(0);
  const [readIds, setReadIds] = useState<number[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const list = usePagedList(
    async (page) => {
      const inbox = await getInbox(page);
      setUnread(inbox.unread);
      return inbox;
    },
    (n: NotificationDto) => n.id,
    [loggedIn],
  );
  useDidShow(() => {
    if (loggedIn) list.reload();
  });

  if (!loggedIn) {
    return (
      <PageShell>
        <LoginPrompt hint='登录后可以查看点单进展、审核结果和活动提醒' />
      </PageShell>
    );
  }

  async function open(item: NotificationDto) {
    setFailure(null);
    try {
      if (!item.read && !readIds.includes(item.id)) {
        setUnread((await markNotificationRead(item.id)).unread);
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
      setUnread((await markAllNotificationsRead()).unread);
      list.reload();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  return (
    <PageShell>
      <View className='section'>
        <View className='section__title'>
          消息
          <View className='section__note'>{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</View>
        </View>
        {unread > 0 && (
          <Button className='btn btn--block' onClick={readAll}>
            全部标为已读
          </Button>
        )}
        {failure && <View className='notice notice--error notice--inline'>{failure}</View>}
      </View>
      <View className='section'>
        <PagedContent list={list} unit='条' empty={<EmptyState title='暂无消息' hint='点单进展、审核结果和活动提醒会在这里显示' />}>
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
    </PageShell>
  );
}
