import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CATEGORY_LABELS, type HallEventDto } from '@hall-menu/shared';
import { eventUrl } from '../routes';
import { formatTimeSpan } from '../utils/format';

export function EventCard({ event }: { event: HallEventDto }) {
  return (
    <View className='card card--link' onClick={() => Taro.navigateTo({ url: eventUrl(event.id) })}>
      <View className='card__title'>{event.title}</View>
      <View className='card__meta'>{formatTimeSpan(event.startsAt, event.endsAt)}</View>
      <View className='card__meta'>地点：{event.hallName}</View>
      <View className='card__meta'>
        {CATEGORY_LABELS[event.category]} · {event.providerName} · 共 {event.seats} 个座位
      </View>
    </View>
  );
}
