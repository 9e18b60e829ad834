import Taro from '@tarojs/taro';
import type { UserRole } from '@hall-menu/shared';

export const ROUTES = {
  home: '/pages/index/index',
  events: '/pages/events/index',
  messages: '/pages/messages/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
} as const;

/** Roles with a workspace of their own; each lives in its own subpackage. */
export const WORKSPACES: Partial<Record<UserRole, { title: string; url: string }>> = {
  hall_manager: { title: '我管理的礼堂', url: '/packages/manager/pages/halls/index' },
  reviewer: { title: '审核工作台', url: '/packages/reviewer/pages/home/index' },
  provider: { title: '服务方工作台', url: '/packages/provider/pages/home/index' },
};

function currentRoute(): string | undefined {
  const pages = Taro.getCurrentPages();
  return pages[pages.length - 1]?.route?.replace(/^\//, '').split('?')[0];
}

/** Opens the login page, optionally telling the person why (e.g. their session ended). */
export function goToLogin(notice?: string): void {
  if (currentRoute() === ROUTES.login.slice(1)) return;
  const query = notice ? `?notice=${encodeURIComponent(notice)}` : '';
  void Taro.navigateTo({ url: `${ROUTES.login}${query}` });
}

/** After logging in: back to where the person came from, or to 我的 when login was the first page. */
export function leaveLogin(): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
  } else {
    void Taro.switchTab({ url: ROUTES.mine });
  }
}
