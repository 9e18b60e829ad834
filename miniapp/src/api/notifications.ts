import type { InboxDto } from '@hall-menu/shared';
import { request } from './request';

export const getInbox = (page: number, pageSize = 20) => request<InboxDto>(`/notifications?page=${page}&pageSize=${pageSize}`);

export const markNotificationRead = (id: number) => request<{ unread: number }>(`/notifications/${id}/read`, { method: 'POST' });

export const markAllNotificationsRead = () => request<{ unread: number }>('/notifications/read-all', { method: 'POST' });
