import type { MeResponse } from '@hall-menu/shared';
import { request } from './request';

export const getMe = () => request<MeResponse>('/me');
