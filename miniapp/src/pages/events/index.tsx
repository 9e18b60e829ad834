import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { listEvents } from '../../api/events';
import { listNeeds } from '../../api/needs';
import { EventCard } from '../../components/EventCard';
import { LinkList } from '../../components/LinkList';
import { NeedCard } from '../../components/NeedCard';
import { PagedContent } from '../../components/PagedContent';
import { PageShell } from '../../components/PageShell';
import { EmptyState } from '../../components/StateViews';
import { usePagedList } from '../../hooks/use-paged';
import { MY_HALLS_PAGE, RESERVATIONS_PAGE } from '../../routes';
import { selectIsLoggedIn, useAuthStore } from '../../stores/auth';

/** 村民心愿: open needs of my village's hall, where a villager can say 我也想看. */
function VillageWishes({ visit }: { visit: number }) {
  const list = usePagedList((page) => listNeeds({ status: 'open', page, pageSize: 10 }), (need) => need.id, [visit]);
  if (list.state.status === 'success' && list.state.items.length === 0) return null;
  return (
    <View className='section'>
      <View className='section__title'>
        村民心愿
        <View className='section__note'>礼堂想请来的服务，想看就点一下</View>
      </View>
      <PagedContent list={list} empty={null}>
        {(needs) => needs.map((need) => <NeedCard key={need.id} need={need} showUpvote />)}
      </PagedContent>
    </View>
  );
}

export default function EventsPage() {
  const loggedIn = useAuthStore(selectIsLoggedIn);
  const isVillager = useAuthStore((state) => state.me?.roles.includes('villager') ?? false);
  // Seats change while the page is hidden: read again each time it shows.
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((n) => n + 1));
  const list = usePagedList((page) => listEvents({ page, pageSize: 20 }), (event) => event.id, [visit, loggedIn]);

  return (
    <PageShell>
      {loggedIn && (
        <View className='section'>
          <LinkList
            links={[
              { title: '我的预约', url: RESERVATIONS_PAGE, note: '预约码、候补名次，没有网络也能看' },
              ...(isVillager ? [{ title: '我的村和礼堂', url: MY_HALLS_PAGE, note: '设置您的村、关注附近的礼堂' }] : []),
            ]}
          />
        </View>
      )}
      <View className='section'>
        <View className='section__title'>
          近期活动
          {loggedIn && <View className='section__note'>本村礼堂和关注的礼堂</View>}
        </View>
        <PagedContent list={list} unit='场' empty={<EmptyState title='暂无活动' hint='礼堂点单成功后，活动会在这里显示' />}>
          {(events) => events.map((event) => <EventCard key={event.id} event={event} />)}
        </PagedContent>
      </View>
      {loggedIn && isVillager && <VillageWishes visit={visit} />}
    </PageShell>
  );
}
