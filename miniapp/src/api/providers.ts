import type { ProviderDto } from '@hall-menu/shared';
import { request } from './request';

export const getProvider = (id: number) => request<ProviderDto>(`/providers/${id}`);
