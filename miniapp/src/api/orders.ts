import type {
  CalendarEntryDto,
  CompletionInput,
  CreateOrderInput,
  HistoryEntryDto,
  OrderDto,
  OrderEvent,
  OrderListQuery,
  Paged,
  TimeSlotInput,
} from '@hall-menu/shared';
import { request } from './request';

/** 点单: the key makes a retried submission return the first order instead of a second one. */
export const createOrder = (input: CreateOrderInput, idempotencyKey: string) =>
  request<OrderDto>('/orders', { method: 'POST', body: input, idempotencyKey });

/** Orders of the halls the manager runs, newest first. */
export const listHallOrders = (query: Partial<OrderListQuery> = {}) => request<Paged<OrderDto>>('/orders/hall', { query });

/** Orders addressed to the provider's organisation. */
export const listProviderOrders = (query: Partial<OrderListQuery> = {}) => request<Paged<OrderDto>>('/orders/provider', { query });

export const getOrder = (id: number) => request<OrderDto>(`/orders/${id}`);

export const getOrderTimeline = (id: number) => request<HistoryEntryDto[]>(`/orders/${id}/timeline`);

/** What each event sends: a time slot (accept, propose), a completion report, a reason, or nothing. */
export type OrderActionBody = TimeSlotInput | CompletionInput | { reason: string } | Record<string, never>;

export const fireOrderEvent = (id: number, event: OrderEvent, body: OrderActionBody = {}) =>
  request<OrderDto>(`/orders/${id}/actions/${event}`, { method: 'POST', body });

/** `month` is "YYYY-MM". */
export const getProviderCalendar = (month: string) => request<CalendarEntryDto[]>('/calendar/provider', { query: { month } });

export const getHallCalendar = (hallId: number, month: string) => request<CalendarEntryDto[]>(`/calendar/halls/${hallId}`, { query: { month } });
