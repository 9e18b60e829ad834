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
export const orderUrl = (id: number) => `/pages/order/index?id=${id}`;
export const eventUrl = (id: number) => `/pages/event/index?id=${id}`;
export const needUrl = (id: number) => `/pages/need/index?id=${id}`;
export const RESERVATIONS_PAGE = '/pages/reservations/index';
export const MY_HALLS_PAGE = '/pages/village/index';

export const MANAGER_PAGES = {
  halls: '/packages/manager/pages/halls/index',
  orders: '/packages/manager/pages/orders/index',
  orderForm: '/packages/manager/pages/order-form/index',
  checkIn: '/packages/manager/pages/check-in/index',
  needs: '/packages/manager/pages/needs/index',
  calendar: '/packages/manager/pages/calendar/index',
} as const;

export const orderFormUrl = (projectId: number) => `${MANAGER_PAGES.orderForm}?projectId=${projectId}`;
export const checkInUrl = (eventId: number) => `${MANAGER_PAGES.checkIn}?eventId=${eventId}`;

export const PROVIDER_PAGES = {
  home: '/packages/provider/pages/home/index',
  projects: '/packages/provider/pages/projects/index',
  /** With `?id=` to edit; without, a new declaration. */
  form: '/packages/provider/pages/project-form/index',
  orders: '/packages/provider/pages/orders/index',
  needs: '/packages/provider/pages/needs/index',
  calendar: '/packages/provider/pages/calendar/index',
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
  hall_manager: {
    title: '我管理的礼堂',
    url: MANAGER_PAGES.halls,
    links: [
      { title: '点单记录', url: MANAGER_PAGES.orders, note: '向服务方点的单：待答复、已确定、待确认' },
      { title: '村民需求', url: MANAGER_PAGES.needs, note: '发布礼堂想要的服务，查看推荐和服务方响应' },
      { title: '排期日历', url: MANAGER_PAGES.calendar, note: '按月查看礼堂已确定的活动' },
    ],
  },
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
      { title: '收到的点单', url: PROVIDER_PAGES.orders, note: '礼堂的点单：接单、改期、报告完成' },
      { title: '需求大厅', url: PROVIDER_PAGES.needs, note: '礼堂发布的需求，按匹配程度排列' },
      { title: '排期日历', url: PROVIDER_PAGES.calendar, note: '按月查看已确定的服务' },
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
