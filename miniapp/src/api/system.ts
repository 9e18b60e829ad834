import type { SystemInfo } from '@hall-menu/shared';
import { request } from './request';

export const getSystemInfo = () => request<SystemInfo>('/system', { auth: false });
