import type { CommendationDto, CommendationInput, CommendationQuery, Paged, RankingDto, RankingKind } from '@hall-menu/shared';
import { request } from './request';

/** The year's ranking of one kind in the reviewer's region (or a region inside it). */
export const getRanking = (query: { year: number; kind: RankingKind; regionCode?: string; limit?: number }) => request<RankingDto>('/rankings', { query });

export const listCommendations = (query: Partial<CommendationQuery> = {}) => request<Paged<CommendationDto>>('/rankings/commendations', { query });

/** 评为品牌项目 / 表彰 (or restores a revoked mark of the same year); one key per mark, the same one on a retry. */
export const markCommendation = (input: CommendationInput, idempotencyKey: string) =>
  request<CommendationDto>('/rankings/commendations', { method: 'POST', body: input, idempotencyKey });

/** 撤销: the record stays, revoked, with the reason. */
export const revokeCommendation = (id: number, reason: string) =>
  request<CommendationDto>(`/rankings/commendations/${id}`, { method: 'DELETE', body: { reason } });
