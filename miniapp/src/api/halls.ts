import type { HallDto, HallQuery, Paged } from '@hall-menu/shared';
import { request } from './request';

export const listHalls = (query: Partial<HallQuery> = {}) => request<Paged<HallDto>>('/halls', { query });

export const getHall = (id: number) => request<HallDto>(`/halls/${id}`);
