import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { OrderDto } from '@hall-menu/shared';
import { orderUrl } from '../routes';
import { formatDateRange, formatTimeSpan } from '../utils/format';
import { OrderStatusTag } from './StatusTag';

/** When the service is: the agreed time, the provider's suggestion, or the dates the hall asked for. */
export function orderWhen(order: OrderDto): string {
  if (order.scheduledStart && order.scheduledEnd) return formatTimeSpan(order.scheduledStart, order.scheduledEnd);
  if (order.proposedStart && order.proposedEnd) return `建议改为 ${formatTimeSpan(order.proposedStart, order.proposedEnd)}`;
  return `希望日期：${order.windows.map(formatDateRange).join('；')}`;
}

/** One order in a list; `viewer` decides whether the other side is the hall or the provider. */
export function OrderCard({ order, viewer }: { order: OrderDto; viewer: 'hall' | 'provider' }) {
  return (
    <View className='card card--link' onClick={() => Taro.navigateTo({ url: orderUrl(order.id) })}>
      <View className='card__head'>
        <View className='card__title'>{order.project.title}</View>
        <OrderStatusTag status={order.status} />
      </View>
      <View className='card__meta'>{viewer === 'hall' ? `服务方：${order.provider.name}` : `礼堂：${order.hall.name}（${order.hall.regionPath}）`}</View>
      <View className='card__meta'>{orderWhen(order)}</View>
    </View>
  );
}
