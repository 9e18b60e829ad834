import type {
  EventRatingDto,
  EventRatingInput,
  LowScoresDto,
  OrderRatingDto,
  OrderRatingInput,
  OrderRatingSide,
  PageQuery,
} from '@hall-menu/shared';
import { request } from './request';

/** Published ratings of an event, newest first; authors are shown by surname only. */
export const listEventRatings = (eventId: number) => request<EventRatingDto[]>(`/events/${eventId}/ratings`);

/** A villager who was checked in rates the event, once. */
export const rateEvent = (eventId: number, input: EventRatingInput) =>
  request<EventRatingDto>(`/events/${eventId}/rating`, { method: 'POST', body: input });

/** Changes the villager's own rating (the server allows it for 7 days). */
export const updateEventRating = (eventId: number, input: EventRatingInput) =>
  request<EventRatingDto>(`/events/${eventId}/rating`, { method: 'PUT', body: input });

export const hideEventRating = (ratingId: number, reason: string) =>
  request<EventRatingDto>(`/event-ratings/${ratingId}/hide`, { method: 'POST', body: { reason } });

/** Both sides' ratings of an order (hidden ones included, marked). */
export const listOrderRatings = (orderId: number) => request<OrderRatingDto[]>(`/orders/${orderId}/ratings`);

/** `hall`: the hall's manager rates the provider; `provider`: the provider rates the hall. */
export const rateOrder = (orderId: number, side: OrderRatingSide, input: OrderRatingInput) =>
  request<OrderRatingDto>(`/orders/${orderId}/ratings/${side}`, { method: 'POST', body: input });

export const hideOrderRating = (ratingId: number, reason: string) =>
  request<OrderRatingDto>(`/order-ratings/${ratingId}/hide`, { method: 'POST', body: { reason } });

/** 评分预警: low-rated published projects of the reviewer's region, lowest first. */
export const listLowScores = (query: Partial<PageQuery> = {}) => request<LowScoresDto>('/reviews/low-scores', { query });
