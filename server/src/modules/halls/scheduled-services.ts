import type { BlackoutScheduledService, HallBlackoutPeriod, OrderState } from '@hall-menu/shared';
import { EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { beijingToday } from '../../common/time';
import { HallEvent } from '../orders/hall-event.entity';
import { Order } from '../orders/order.entity';
import { ServiceProject } from '../projects/service-project.entity';
import { Provider } from '../providers/provider.entity';

/** Orders whose service is fixed and still to be delivered (or under way). */
const SCHEDULED_ORDER_STATES: OrderState[] = ['accepted', 'in_service'];

const touches = (periods: readonly HallBlackoutPeriod[], fromDay: string, toDay: string) => periods.some((p) => p.from <= toDay && fromDay <= p.to);

/**
 * Services at the hall not yet over whose days a period of `after` covers and no period of `before` did: what a
 * blackout change would newly cover. Days already covered were settled when those periods were set. Soonest first.
 * Call it holding the hall's row: accepting an order locks it too, so none is scheduled meanwhile.
 */
export async function servicesNewlyCovered(
  m: EntityManager,
  hallId: number,
  before: readonly HallBlackoutPeriod[],
  after: readonly HallBlackoutPeriod[],
  now: Date,
): Promise<BlackoutScheduledService[]> {
  if (after.length === 0) return [];
  const [orders, events] = await Promise.all([
    m.find(Order, { where: { hallId, status: In(SCHEDULED_ORDER_STATES), scheduledEnd: MoreThanOrEqual(now) } }),
    m.find(HallEvent, { where: { hallId, status: 'scheduled', endsAt: MoreThanOrEqual(now) } }),
  ]);
  // Every accepted order has its event; an event whose order has moved on still holds its day, so both are read.
  const eventOrders = events.filter((e) => !orders.some((o) => o.id === e.orderId)).map((e) => e.orderId);
  if (eventOrders.length) orders.push(...(await m.find(Order, { where: { id: In(eventOrders) } })));
  const eventByOrder = new Map(events.map((e) => [e.orderId, e]));

  const covered = orders
    .map((order) => {
      const event = eventByOrder.get(order.id) ?? null;
      const startsAt = event?.startsAt ?? order.scheduledStart!;
      const endsAt = event?.endsAt ?? order.scheduledEnd!;
      return { order, event, startsAt, endsAt, fromDay: beijingToday(startsAt), toDay: beijingToday(endsAt) };
    })
    .filter((s) => touches(after, s.fromDay, s.toDay) && !touches(before, s.fromDay, s.toDay))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.order.id - b.order.id);
  if (covered.length === 0) return [];

  const [projects, providers] = await Promise.all([
    m.find(ServiceProject, { where: { id: In([...new Set(covered.map((s) => s.order.projectId))]) } }),
    m.find(Provider, { where: { id: In([...new Set(covered.map((s) => s.order.providerId))]) } }),
  ]);
  return covered.map(({ order, event, startsAt, endsAt, fromDay }) => {
    const provider = providers.find((p) => p.id === order.providerId);
    return {
      orderId: order.id,
      eventId: event?.id ?? null,
      date: fromDay,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      title: event?.title ?? projects.find((p) => p.id === order.projectId)?.title ?? '',
      provider: { id: order.providerId, name: provider?.name ?? '', contactName: provider?.contactName ?? '', contactPhone: provider?.contactPhone ?? '' },
    };
  });
}
