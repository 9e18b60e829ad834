import type { MeResponse } from '@hall-menu/shared';
import { request } from './request';

export const getMe = () => request<MeResponse>('/me');

/** An invite code given by an official (礼堂管理员 or 服务方成员); the answer is the person with the new role. */
export const redeemInvite = (code: string) => request<MeResponse>('/me/invites/redeem', { method: 'POST', body: { code } });
