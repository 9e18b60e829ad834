import { useCallback, useState } from 'react';
import { View } from '@tarojs/components';
import type { MeResponse } from '@hall-menu/shared';
import { getHallCalendar } from '../../../../api/orders';
import { ChipGroup } from '../../../../components/Chips';
import { MonthSchedule } from '../../../../components/MonthSchedule';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { EmptyState } from '../../../../components/StateViews';

function HallCalendar({ me }: { me: MeResponse }) {
  const halls = me.scopes.halls;
  const [hallId, setHallId] = useState<number | null>(halls[0]?.id ?? null);
  const load = useCallback((month: string) => getHallCalendar(hallId as number, month), [hallId]);
  if (hallId === null) return <EmptyState title='您还没有负责的礼堂' hint='请联系所在县(市、区)的审核员添加' />;
  return (
    <>
      {halls.length > 1 && (
        <View className='section'>
          <ChipGroup options={halls.map((h) => ({ value: h.id, label: h.name }))} value={hallId} onChange={(id) => id && setHallId(id)} />
        </View>
      )}
      <MonthSchedule load={load} viewer='hall' />
    </>
  );
}

export default function ManagerCalendarPage() {
  return (
    <PageShell>
      <RoleGate role='hall_manager'>{(me) => <HallCalendar me={me} />}</RoleGate>
    </PageShell>
  );
}
