import type { CheckInResultDto, EventDetailDto, EventListQuery, HallEventDto, Paged, ProxyReserveInput, ReservationDto } from '@hall-menu/shared';
import { request } from './request';

/** Upcoming events: signed in, those of my village's hall and the halls I follow; anonymous, all. */
export const listEvents = (query: Partial<EventListQuery> = {}) => request<Paged<HallEventDto>>('/events', { query });

export const getEvent = (id: number) => request<EventDetailDto>(`/events/${id}`);

/** A seat when one is free, else a place on the waitlist (`status` says which). */
export const reserveSeats = (eventId: number, seats: number) =>
  request<ReservationDto>(`/events/${eventId}/reservations`, { method: 'POST', body: { seats } });

export const listMyReservations = () => request<ReservationDto[]>('/reservations/mine');

export const cancelReservation = (id: number, reason?: string) =>
  request<ReservationDto>(`/reservations/${id}/cancel`, { method: 'POST', body: reason ? { reason } : {} });

/** The manager checks a villager in with the 8-character code on their phone. */
export const checkIn = (eventId: number, code: string) =>
  request<CheckInResultDto>(`/events/${eventId}/check-ins`, { method: 'POST', body: { code } });

/** People who came without a reservation. */
export const addWalkIns = (eventId: number, count: number) =>
  request<EventDetailDto>(`/events/${eventId}/walk-ins`, { method: 'POST', body: { count } });

/** Seats open to villagers; refused below the seats already reserved or above the hall's seats. */
export const setEventSeats = (eventId: number, seats: number) =>
  request<EventDetailDto>(`/events/${eventId}/seats`, { method: 'PUT', body: { seats } });

/** The manager reserves for a villager without a phone. */
export const proxyReserve = (eventId: number, input: ProxyReserveInput) =>
  request<ReservationDto>(`/events/${eventId}/proxy-reservations`, { method: 'POST', body: input });

export interface MyHalls {
  villageHallIds: number[];
  followedHallIds: number[];
}

export const getMyHalls = () => request<MyHalls>('/me/halls');

export const setMyVillage = (villageCode: string) => request<MyHalls>('/me/village', { method: 'PUT', body: { villageCode } });

export const followHall = (hallId: number, follow: boolean) =>
  request<number[]>(`/halls/${hallId}/follow`, { method: follow ? 'POST' : 'DELETE' });
