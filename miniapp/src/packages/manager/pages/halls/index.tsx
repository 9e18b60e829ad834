import { View } from '@tarojs/components';
import type { MeResponse } from '@hall-menu/shared';
import { getHall } from '../../../../api/halls';
import { HallCard } from '../../../../components/HallCard';
import { LinkList } from '../../../../components/LinkList';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { AsyncContent, EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { useFreshMe } from '../../../../hooks/use-fresh-me';
import { WORKSPACES } from '../../../../routes';

function ManagedHalls({ me }: { me: MeResponse }) {
  const hallIds = me.scopes.halls.map((hall) => hall.id);
  // A manager has a handful of halls: one detail call each gives seats and quota.
  const halls = useAsync(() => Promise.all(hallIds.map((id) => getHall(id))), [hallIds.join(',')]);

  return (
    <>
      <View className='section'>
        <View className='section__title'>点单和活动</View>
        <LinkList links={WORKSPACES.hall_manager?.links ?? []} />
      </View>
      <View className='section'>
        <View className='section__title'>我管理的礼堂</View>
        <AsyncContent
          state={halls}
          isEmpty={(list) => list.length === 0}
          empty={<EmptyState title='您还没有负责的礼堂' hint='请联系所在县(市、区)的审核员添加' />}
        >
          {(list) =>
            list.map((hall) => (
              <HallCard key={hall.id} hall={hall}>
                <View className='card__meta'>
                  本年度点单额度：剩余 {Math.max(hall.annualQuota - hall.quotaUsed, 0)} 次，共 {hall.annualQuota} 次
                </View>
              </HallCard>
            ))
          }
        </AsyncContent>
      </View>
    </>
  );
}

export default function ManagerHallsPage() {
  useFreshMe();
  return (
    <PageShell>
      <RoleGate role='hall_manager'>{(me) => <ManagedHalls me={me} />}</RoleGate>
    </PageShell>
  );
}
