import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import type { CalendarEntryDto } from '@hall-menu/shared';
import { useAsync } from '../hooks/use-async';
import { orderUrl } from '../routes';
import { beijingDateAndTime, beijingToday, formatDate, formatMonth, formatTimeSpan, shiftMonth } from '../utils/format';
import { AsyncContent, EmptyState } from './StateViews';
import { OrderStatusTag } from './StatusTag';

/** A month of services grouped by day, with 上个月 / 下个月. */
export function MonthSchedule({ load, viewer }: { load: (month: string) => Promise<CalendarEntryDto[]>; viewer: 'hall' | 'provider' }) {
  const [month, setMonth] = useState(beijingToday().slice(0, 7));
  const entries = useAsync(() => load(month), [month, load]);

  return (
    <>
      <View className='section'>
        <View className='month-switcher'>
          <Button className='btn btn--small' onClick={() => setMonth(shiftMonth(month, -1))}>
            上个月
          </Button>
          <View className='month-switcher__label'>{formatMonth(month)}</View>
          <Button className='btn btn--small' onClick={() => setMonth(shiftMonth(month, 1))}>
            下个月
          </Button>
        </View>
      </View>
      <View className='section'>
        <AsyncContent state={entries} isEmpty={(list) => list.length === 0} empty={<EmptyState title={`${formatMonth(month)}没有安排`} />}>
          {(list) => {
            const days = new Map<string, CalendarEntryDto[]>();
            for (const entry of [...list].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
              const day = beijingDateAndTime(entry.startsAt).date;
              days.set(day, [...(days.get(day) ?? []), entry]);
            }
            return [...days].map(([day, dayEntries]) => (
              <View key={day}>
                <View className='day-group__title'>{formatDate(day)}</View>
                {dayEntries.map((entry) => (
                  <View key={entry.orderId} className='card card--link' onClick={() => Taro.navigateTo({ url: orderUrl(entry.orderId) })}>
                    <View className='card__head'>
                      <View className='card__title'>{entry.title}</View>
                      <OrderStatusTag status={entry.status} />
                    </View>
                    <View className='card__meta'>{formatTimeSpan(entry.startsAt, entry.endsAt)}</View>
                    <View className='card__meta'>{viewer === 'hall' ? `服务方：${entry.providerName}` : `礼堂：${entry.hallName}`}</View>
                  </View>
                ))}
              </View>
            ));
          }}
        </AsyncContent>
      </View>
    </>
  );
}
