import type { RegionDto, RegionQuery } from '@hall-menu/shared';
import { request } from './request';

/** Children of `parent` (top level when omitted), optionally filtered by name. */
export const listRegions = (query: RegionQuery = {}) => request<RegionDto[]>('/regions', { query });

export const getRegion = (code: string) => request<RegionDto>(`/regions/${code}`);
