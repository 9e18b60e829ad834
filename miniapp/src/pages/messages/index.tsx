import { useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { UserRole } from '@hall-menu/shared';
import { PageShell } from '../../components/PageShell';
import { LoginPrompt } from '../../components/StateViews';
import { selectIsLoggedIn, useAuthStore } from '../../stores/auth';
import { applyTabBadge, badgeText, useUnreadStore } from '../../stores/unread';
import { ConversationList } from './ConversationList';
import { Inbox } from './Inbox';
import './index.scss';

type Segment = 'conversations' | 'inbox';

/** Roles that take part in conversations (about orders and need responses); villagers only get the inbox. */
const TALKING_ROLES: UserRole[] = ['hall_manager', 'provider', 'reviewer', 'admin'];

/** The segment chosen last, kept while the app runs so coming back from a chat lands where the person was. */
let lastSegment: Segment = 'conversations';

function SegmentButton({ label, count, on, onClick }: { label: string; count: number; on: boolean; onClick: () => void }) {
  const badge = badgeText(count);
  return (
    <View className={on ? 'segment segment--on' : 'segment'} onClick={onClick} aria-selected={on} role='tab'>
      {label}
      {badge && <View className='count-badge'>{badge}</View>}
    </View>
  );
}

/** 消息: 对话 (conversations about orders and need responses) and 通知 (the inbox), each with its unread count. */
export default function MessagesPage() {
  const loggedIn = useAuthStore(selectIsLoggedIn);
  const talks = useAuthStore((state) => state.me?.roles.some((role) => TALKING_ROLES.includes(role)) === true);
  const conversationsUnread = useUnreadStore((state) => state.conversations);
  const notificationsUnread = useUnreadStore((state) => state.notifications);
  const [segment, setSegment] = useState<Segment>(lastSegment);
  // Bumped each time the tab shows again, so the lists refetch without a loading flash.
  const [visitKey, setVisitKey] = useState(0);
  const shownBefore = useRef(false);

  useDidShow(() => {
    if (!useAuthStore.getState().tokens) return;
    if (shownBefore.current) setVisitKey((key) => key + 1);
    shownBefore.current = true;
    // The weapp refuses to set the badge while a non-tab page is on top: set it again now, with fresh counts.
    useUnreadStore.getState().refresh().then(applyTabBadge, applyTabBadge);
  });

  if (!loggedIn) {
    return (
      <PageShell>
        <LoginPrompt hint='登录后可以和服务方、礼堂沟通，查看点单进展、审核结果和活动提醒' />
      </PageShell>
    );
  }

  const shown: Segment = talks ? segment : 'inbox';
  const choose = (next: Segment) => {
    lastSegment = next;
    setSegment(next);
  };

  return (
    <PageShell>
      <View className='section'>
        <View className='section__title'>消息</View>
        {talks && (
          <View className='segments' role='tablist'>
            <SegmentButton label='对话' count={conversationsUnread} on={shown === 'conversations'} onClick={() => choose('conversations')} />
            <SegmentButton label='通知' count={notificationsUnread} on={shown === 'inbox'} onClick={() => choose('inbox')} />
          </View>
        )}
      </View>
      <View className='section'>{shown === 'conversations' ? <ConversationList visitKey={visitKey} /> : <Inbox visitKey={visitKey} />}</View>
    </PageShell>
  );
}
