import type { NeedDto, NeedInput, NeedListQuery, NeedMatchDto, NeedResponseInput, OrderDto, Paged, SuggestionDto } from '@hall-menu/shared';
import { request } from './request';

export const createNeed = (input: NeedInput) => request<NeedDto>('/needs', { method: 'POST', body: input });

/** Signed in: the needs of my halls and of my village. */
export const listNeeds = (query: Partial<NeedListQuery> = {}) => request<Paged<NeedDto>>('/needs', { query });

export const getNeed = (id: number) => request<NeedDto>(`/needs/${id}`);

/** 我也想看: once per villager. */
export const upvoteNeed = (id: number) => request<NeedDto>(`/needs/${id}/upvote`, { method: 'POST' });

export const closeNeed = (id: number, reason?: string) => request<NeedDto>(`/needs/${id}/close`, { method: 'POST', body: reason ? { reason } : {} });

/** Menu projects that fit the need, best first, with the reasons in words. */
export const getNeedSuggestions = (id: number) => request<SuggestionDto[]>(`/needs/${id}/suggestions`);

/** 一键点单: orders a suggested project for the need's period; the need becomes matched. */
export const orderForNeed = (id: number, projectId: number, idempotencyKey: string) =>
  request<OrderDto>(`/needs/${id}/order`, { method: 'POST', body: { projectId }, idempotencyKey });

/** Open needs a provider's projects fit, best first. */
export const getNeedBoard = () => request<NeedMatchDto[]>('/needs/board');

export const respondToNeed = (id: number, input: NeedResponseInput) =>
  request<NeedDto>(`/needs/${id}/responses`, { method: 'POST', body: input });

export const acceptNeedResponse = (needId: number, responseId: number) =>
  request<OrderDto>(`/needs/${needId}/responses/${responseId}/accept`, { method: 'POST' });

export const declineNeedResponse = (needId: number, responseId: number) =>
  request<NeedDto>(`/needs/${needId}/responses/${responseId}/decline`, { method: 'POST' });
