import type { DemoLoginRequest, DemoUserOption, LoginResponse } from '@hall-menu/shared';
import { request } from './request';

// Token refresh lives in request.ts: it is part of sending any authenticated call.

export const listDemoUsers = () => request<DemoUserOption[]>('/auth/demo-users', { auth: false });

export const demoLogin = (body: DemoLoginRequest) => request<LoginResponse>('/auth/demo', { method: 'POST', body, auth: false });

/** `code` comes from `Taro.login()`; the server trades it for the WeChat session. */
export const wechatLogin = (code: string) => request<LoginResponse>('/auth/wechat', { method: 'POST', body: { code }, auth: false });

export const logout = (refreshToken: string) => request<void>('/auth/logout', { method: 'POST', body: { refreshToken }, auth: false });
