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
  nominations: '/packages/provider/pages/nominations/index',
} as const;

export const projectFormUrl = (id?: number) => (id ? `${PROVIDER_PAGES.form}?id=${id}` : PROVIDER_PAGES.form);

export const REVIEWER_PAGES = {
  home: '/packages/reviewer/pages/home/index',
  queue: '/packages/reviewer/pages/queue/index',
  suspended: '/packages/reviewer/pages/suspended/index',
  stats: '/packages/reviewer/pages/stats/index',
  rankings: '/packages/reviewer/pages/rankings/index',
  lowScores: '/packages/reviewer/pages/low-scores/index',
  nominations: '/packages/reviewer/pages/nominations/index',
} as const;

/** 管理工作台: admins city-wide, reviewers inside their region (the server enforces the region). */
export const ADMIN_PAGES = {
  home: '/packages/admin/pages/home/index',
  halls: '/packages/admin/pages/halls/index',
  hall: '/packages/admin/pages/hall/index',
  hallForm: '/packages/admin/pages/hall-form/index',
  import: '/packages/admin/pages/import/index',
  users: '/packages/admin/pages/users/index',
  user: '/packages/admin/pages/user/index',
  invites: '/packages/admin/pages/invites/index',
  rules: '/packages/admin/pages/rules/index',
  audit: '/packages/admin/pages/audit/index',
} as const;

export const adminHallUrl = (id: number) => `${ADMIN_PAGES.hall}?id=${id}`;
export const adminUserUrl = (id: number) => `${ADMIN_PAGES.user}?id=${id}`;

/** The admin workspace's sections, on its home page and on 我的. */
export const ADMIN_LINKS = [
  { title: '礼堂管理', url: ADMIN_PAGES.halls, note: '礼堂信息、点单额度、暂停接待日期、管理员、关闭' },
  { title: '批量导入礼堂', url: ADMIN_PAGES.import, note: '上传 Excel 或 CSV，先预览每一行，确认后再写入' },
  { title: '账号与角色', url: ADMIN_PAGES.users, note: '查找账号、授予或撤销角色、停用账号' },
  { title: '邀请码', url: ADMIN_PAGES.invites, note: '邀请礼堂管理员和服务方成员' },
  { title: '平台规则', url: ADMIN_PAGES.rules, note: '答复期限、确认期限、座位数等规则和修改记录' },
  { title: '操作记录', url: ADMIN_PAGES.audit, note: '按对象、操作人、时间查找每一次变更' },
];

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
  admin: {
    title: '管理工作台',
    url: ADMIN_PAGES.home,
    links: ADMIN_LINKS,
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
      { title: '村晚节目提名', url: PROVIDER_PAGES.nominations, note: '审核员推荐上菜单的村晚节目，确认后上架' },
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
