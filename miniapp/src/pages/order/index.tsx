import { useRef } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import {
  ErrorCode,
  ORDER_EVENT_LABELS,
  ORDER_STATE_LABELS,
  ROLE_LABELS,
  type HistoryEntryDto,
  type OrderDto,
  type OrderEvent,
  type OrderState,
  type UserRole,
} from '@hall-menu/shared';
import { ApiError } from '../../api/api-error';
import { getOrder, getOrderTimeline } from '../../api/orders';
import { PageShell } from '../../components/PageShell';
import { PhotoStrip } from '../../components/PhotoStrip';
import { AsyncContent } from '../../components/StateViews';
import { OrderStatusTag } from '../../components/StatusTag';
import { useAsync } from '../../hooks/use-async';
import { checkInUrl, eventUrl, projectUrl } from '../../routes';
import { useAuthStore } from '../../stores/auth';
import { formatDateRange, formatDateTime, formatTimeSpan } from '../../utils/format';
import { subjectChatUrl } from '../chat/route';
import { OrderActions } from './OrderActions';
import { OrderRatings } from './OrderRatings';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <View className='fact'>
      <View className='fact__label'>{label}</View>
      <View className='fact__value'>{children}</View>
    </View>
  );
}

function eventLabel(event: string): string {
  return event === 'create' ? '提交点单' : (ORDER_EVENT_LABELS[event as OrderEvent] ?? event);
}

function actorLabel(entry: HistoryEntryDto): string {
  const role = ROLE_LABELS[entry.actorRole as UserRole] ?? (entry.actorRole === 'system' ? '系统' : '');
  if (!entry.actorName) return role;
  return role ? `${entry.actorName}（${role}）` : entry.actorName;
}

/** 进度: every step, newest first, with who did it and why. */
function Timeline({ order }: { order: OrderDto }) {
  // Keyed on the order object: it is fetched again after every action, and so is its timeline.
  const timeline = useAsync(() => getOrderTimeline(order.id), [order]);
  return (
    <View className='section'>
      <View className='section__title'>进度</View>
      <View className='card'>
        <AsyncContent state={timeline}>
          {(entries) =>
            entries.length === 0 ? (
              <View className='card__meta'>还没有记录</View>
            ) : (
              <View className='timeline'>
                {[...entries].reverse().map((entry) => (
                  <View key={entry.id} className='timeline__item'>
                    <View className='timeline__title'>
                      {eventLabel(entry.event)}
                      <View className='timeline__state'>→ {ORDER_STATE_LABELS[entry.toState as OrderState] ?? entry.toState}</View>
                    </View>
                    <View className='card__meta'>
                      {formatDateTime(entry.createdAt)} {actorLabel(entry)}
                    </View>
                    {entry.reason && <View className='timeline__reason'>原因：{entry.reason}</View>}
                  </View>
                ))}
              </View>
            )
          }
        </AsyncContent>
      </View>
    </View>
  );
}

/** Order states in which the region's reviewers join the order's conversation (as the server decides). */
const DISPUTE_STATES: OrderState[] = ['disputed', 'no_show_reported'];

/** 联系服务方 / 联系礼堂: the order's conversation, for the two sides (and reviewers while a dispute is open). */
function ContactButton({ order, managesHall }: { order: OrderDto; managesHall: boolean }) {
  const me = useAuthStore((state) => state.me);
  const inProvider = me?.roles.includes('provider') === true && me.scopes.provider?.id === order.provider.id;
  const oversees = me?.roles.some((role) => role === 'reviewer' || role === 'admin') === true && DISPUTE_STATES.includes(order.status);
  const label = managesHall ? '联系服务方' : inProvider ? '联系礼堂' : oversees ? '查看双方沟通' : null;
  if (!label) return null;
  return (
    <View className='section'>
      <Button className='btn btn--block' onClick={() => Taro.navigateTo({ url: subjectChatUrl('order', order.id) })}>
        {label}
      </Button>
    </View>
  );
}

function OrderDetail({ order, onChanged }: { order: OrderDto; onChanged: () => void }) {
  const managesHall = useAuthStore((state) => state.me?.roles.includes('hall_manager') === true && state.me.scopes.halls.some((h) => h.id === order.hall.id));
  const waitingForAnswer = order.status === 'pending' || order.status === 'proposed';
  return (
    <>
      <View className='section'>
        <View className='card__head'>
          <View className='detail-title'>{order.project.title}</View>
          <OrderStatusTag status={order.status} />
        </View>
        <View className='card__meta'>点单编号 {order.id} · {formatDateTime(order.createdAt)} 提交</View>
      </View>

      {order.status === 'proposed' && order.proposedStart && order.proposedEnd && (
        <View className='notice'>
          服务方建议改为 {formatTimeSpan(order.proposedStart, order.proposedEnd)}
          {order.proposalNote && `，说明：${order.proposalNote}`}
        </View>
      )}

      <View className='section'>
        <View className='card facts'>
          <Fact label='礼堂'>
            {order.hall.name}（{order.hall.regionPath}）
          </Fact>
          <Fact label='服务方'>{order.provider.name}</Fact>
          <Fact label='希望日期'>{order.windows.map(formatDateRange).join('；')}</Fact>
          {order.scheduledStart && order.scheduledEnd && <Fact label='服务时间'>{formatTimeSpan(order.scheduledStart, order.scheduledEnd)}</Fact>}
          <Fact label='预计观众'>{order.expectedAudience} 人</Fact>
          {order.notes && <Fact label='备注'>{order.notes}</Fact>}
          {waitingForAnswer && <Fact label='答复期限'>{formatDateTime(order.answerDeadline)} 前</Fact>}
          {order.status === 'completed' && order.confirmDeadline && <Fact label='确认期限'>{formatDateTime(order.confirmDeadline)} 前，逾期自动确认</Fact>}
          {order.headCount !== null && <Fact label='到场人数'>{order.headCount} 人</Fact>}
          {order.completionNote && <Fact label='服务情况'>{order.completionNote}</Fact>}
          {order.quotaReturned && <Fact label='点单额度'>已退回礼堂</Fact>}
        </View>
        {order.completionPhotos.length > 0 && <PhotoStrip photos={order.completionPhotos} />}
      </View>

      <ContactButton order={order} managesHall={managesHall} />

      <OrderActions order={order} onDone={onChanged} />

      <OrderRatings order={order} managesHall={managesHall} />

      <View className='section'>
        <View className='action-list'>
          <Button className='btn' onClick={() => Taro.navigateTo({ url: projectUrl(order.project.id) })}>
            查看项目
          </Button>
          {order.event && (
            <Button className='btn' onClick={() => Taro.navigateTo({ url: eventUrl(order.event!.id) })}>
              查看活动
            </Button>
          )}
          {order.event && managesHall && (
            <Button className='btn' onClick={() => Taro.navigateTo({ url: checkInUrl(order.event!.id) })}>
              活动签到
            </Button>
          )}
        </View>
      </View>

      <Timeline order={order} />
    </>
  );
}

function loadOrder(id: number): Promise<OrderDto> {
  if (!Number.isInteger(id) || id <= 0) return Promise.reject(new ApiError(ErrorCode.NotFound, '找不到这个点单，链接可能不完整', 404));
  return getOrder(id);
}

export default function OrderPage() {
  const id = Number(useRouter().params.id);
  const order = useAsync(() => loadOrder(id), [id]);
  const shownBefore = useRef(false);

  useDidShow(() => {
    if (shownBefore.current) order.refresh();
    shownBefore.current = true;
  });

  return (
    <PageShell>
      <AsyncContent state={order}>{(data) => <OrderDetail order={data} onChanged={order.refresh} />}</AsyncContent>
    </PageShell>
  );
}
