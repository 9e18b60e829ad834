import type { Paged, ProviderDto, ProviderQuery } from '@hall-menu/shared';
import { request } from './request';

export const getProvider = (id: number) => request<ProviderDto>(`/providers/${id}`);

/** Providers by name (e.g. to pick who performs a nominated 村晚 programme). */
export const listProviders = (query: Partial<ProviderQuery> = {}) => request<Paged<ProviderDto>>('/providers', { query });
