import type { NominationDto, NominationEvent, NominationInput, NominationQuery, Paged } from '@hall-menu/shared';
import { request } from './request';

/**
 * A reviewer nominates a 村晚 programme: a draft project of an existing or a new provider, live once they confirm.
 * One key per nomination form: a retry, or 提交 again after a lost answer, gets the same nomination back.
 */
export const nominate = (input: NominationInput, idempotencyKey: string) =>
  request<NominationDto>('/nominations', { method: 'POST', body: input, idempotencyKey });

/** Nominations of the reviewer's region, newest first. */
export const listNominations = (query: Partial<NominationQuery> = {}) => request<Paged<NominationDto>>('/nominations', { query });

/** Nominations waiting for (or decided by) the caller's provider, or for a new provider whose contact phone is the caller's. */
export const listMyNominations = (query: Partial<NominationQuery> = {}) => request<Paged<NominationDto>>('/nominations/mine', { query });

/** confirm / decline (provider; decline needs a reason) or withdraw (reviewer; needs a reason). */
export const actOnNomination = (id: number, event: NominationEvent, reason?: string) =>
  request<NominationDto>(`/nominations/${id}/actions/${event}`, { method: 'POST', body: reason ? { reason } : {} });
