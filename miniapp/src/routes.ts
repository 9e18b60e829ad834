import Taro from '@tarojs/taro';
import type { UserRole } from '@hall-menu/shared';

export const ROUTES = {
  home: '/pages/index/index',
  events: '/pages/events/index',
  messages: '/pages/messages/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
} as const;

/** Pages outside the tab bar that several roles open. */
export const projectUrl = (id: number) => `/pages/project/index?id=${id}`;

export const PROVIDER_PAGES = {
  home: '/packages/provider/pages/home/index',
  projects: '/packages/provider/pages/projects/index',
  /** With `?id=` to edit; without, a new declaration. */
  form: '/packages/provider/pages/project-form/index',
} as const;

export const projectFormUrl = (id?: number) => (id ? `${PROVIDER_PAGES.form}?id=${id}` : PROVIDER_PAGES.form);

export const REVIEWER_PAGES = {
  home: '/packages/reviewer/pages/home/index',
  queue: '/packages/reviewer/pages/queue/index',
  suspended: '/packages/reviewer/pages/suspended/index',
} as const;

export interface Workspace {
  title: string;
  url: string;
  /** The workspace's main pages, listed on 我的 and on the workspace home so they are one tap away. */
  links: { title: string; url: string; note?: string }[];
}

/** Roles with a workspace of their own; each lives in its own subpackage. */
export const WORKSPACES: Partial<Record<UserRole, Workspace>> = {
  hall_manager: { title: '我管理的礼堂', url: '/packages/manager/pages/halls/index', links: [] },
  reviewer: {
    title: '审核工作台',
    url: REVIEWER_PAGES.home,
    links: [
      { title: '待审核的项目', url: REVIEWER_PAGES.queue, note: '服务方提交的新项目和修改申请' },
      { title: '已暂停的项目', url: REVIEWER_PAGES.suspended, note: '暂停上架的项目，便于跟进' },
    ],
  },
  provider: {
    title: '服务方工作台',
    url: PROVIDER_PAGES.home,
    links: [
      { title: '我的项目', url: PROVIDER_PAGES.projects, note: '草稿、审核中、已上架的项目和审核结果' },
      { title: '申报新项目', url: PROVIDER_PAGES.form, note: '填写项目内容，提交审核后上架服务菜单' },
    ],
  },
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
