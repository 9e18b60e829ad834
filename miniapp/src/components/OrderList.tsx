import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { OrderDto, OrderListQuery, OrderState, Paged } from '@hall-menu/shared';
import { usePagedList } from '../hooks/use-paged';
import { ChipGroup } from './Chips';
import { OrderCard } from './OrderCard';
import { PagedContent } from './PagedContent';
import { EmptyState } from './StateViews';

/** Status tabs of an order list: 全部 first, then the states someone has to act on. */
export const ORDER_TABS: { value: OrderState | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'pending', label: '待答复' },
  { value: 'proposed', label: '改期待定' },
  { value: 'accepted', label: '已确定' },
  { value: 'in_service', label: '服务中' },
  { value: 'completed', label: '待确认' },
  { value: 'confirmed', label: '已完成' },
  { value: 'cancelled', label: '已取消' },
  { value: 'declined', label: '已婉拒' },
];

interface OrderListProps {
  load: (query: Partial<OrderListQuery>) => Promise<Paged<OrderDto>>;
  viewer: 'hall' | 'provider';
  emptyHint: string;
}

/** An order list with status tabs; it is read again each time the page shows (an order may have moved on). */
export function OrderList({ load, viewer, emptyHint }: OrderListProps) {
  const [tab, setTab] = useState<OrderState | 'all'>('all');
  const [visit, setVisit] = useState(0);
  const list = usePagedList((page) => load({ page, pageSize: 20, status: tab === 'all' ? undefined : tab }), (order) => order.id, [tab, visit]);
  useDidShow(() => setVisit((n) => n + 1));

  return (
    <>
      <View className='section'>
        <ChipGroup options={ORDER_TABS} value={tab} onChange={(value) => value && setTab(value)} />
      </View>
      <View className='section'>
        <PagedContent list={list} unit='个' empty={<EmptyState title={tab === 'all' ? '还没有点单' : '这个状态下没有点单'} hint={emptyHint} />}>
          {(orders) => orders.map((order) => <OrderCard key={order.id} order={order} viewer={viewer} />)}
        </PagedContent>
      </View>
    </>
  );
}
