import type {
  AuthTokens,
  DemoUserOption,
  HallDto,
  MeResponse,
  MenuItemDto,
  Paged,
  ProjectContent,
  ProjectDetailDto,
  ProviderDto,
  RegionDto,
  ReviewQueueItemDto,
  SystemInfo,
} from '@hall-menu/shared';

export const tokens = (suffix = '1'): AuthTokens => ({
  accessToken: `access-${suffix}`,
  refreshToken: `refresh-token-${suffix}-long-enough`,
  expiresIn: 900,
});

export const noScopes: MeResponse['scopes'] = { halls: [], provider: null, region: null, village: null };

export const villager: MeResponse = { id: 1, nickname: '王阿婆', roles: ['villager'], scopes: noScopes };

export const managerAndVillager: MeResponse = {
  id: 2,
  nickname: '李建国',
  roles: ['villager', 'hall_manager'],
  scopes: { ...noScopes, halls: [{ id: 11, name: '鲍田村文化礼堂', villageCode: '330381102201' }] },
};

export const hall = (id: number, name: string): HallDto => ({
  id,
  name,
  villageCode: '330381102201',
  villageName: '鲍田村',
  regionPath: '瑞安市 塘下镇 鲍田村',
  address: '',
  latitude: null,
  longitude: null,
  seats: 200,
  facilities: ['stage'],
  annualQuota: 12,
  quotaUsed: 3,
  starLevel: 3,
  active: true,
});

export const paged = <T>(items: T[]): Paged<T> => ({ items, total: items.length, page: 1, pageSize: 20 });

export const demoSystem: SystemInfo = { demoMode: true, wechatLogin: false, database: 'embedded', version: '0.1.0' };
export const liveSystem: SystemInfo = { demoMode: false, wechatLogin: true, database: 'mysql', version: '0.1.0' };

export const demoUsers: DemoUserOption[] = [
  { id: 1, nickname: '王阿婆', role: 'villager', scopeLabel: '鲍田村' },
  { id: 2, nickname: '李建国', role: 'hall_manager', scopeLabel: '鲍田村文化礼堂' },
];

export const providerMember: MeResponse = {
  id: 3,
  nickname: '陈丽娟',
  roles: ['provider'],
  scopes: { ...noScopes, provider: { id: 2, name: '瑞安市文化馆' } },
};

export const cityReviewer: MeResponse = {
  id: 4,
  nickname: '周建平',
  roles: ['reviewer'],
  scopes: { ...noScopes, region: { code: '3303', name: '温州市' } },
};

export const providerRef = { id: 2, name: '瑞安市文化馆', kind: 'culture_centre' as const, verified: true };

export const menuItem = (id: number, title: string, overrides: Partial<MenuItemDto> = {}): MenuItemDto => ({
  id,
  title,
  category: 'performance',
  cover: null,
  summary: '经典越剧折子戏，适合节庆演出',
  provider: providerRef,
  durationMinutes: 90,
  targetAudience: 'elderly',
  cost: 'free',
  ratingAverage: null,
  ratingCount: 0,
  orderCount: 0,
  publishedAt: '2026-03-01T02:00:00.000Z',
  ...overrides,
});

/** Content that passes projectContentSchema. */
export const content = (overrides: Partial<ProjectContent> = {}): ProjectContent => ({
  category: 'performance',
  title: '越剧经典折子戏专场',
  description: '由瑞安市文化馆越剧队演出《五女拜寿》《梁祝》等经典折子戏，演出后有互动教唱环节。',
  photos: [],
  durationMinutes: 90,
  audienceMin: 50,
  audienceMax: 300,
  targetAudience: 'elderly',
  requirements: '需要舞台和 220V 电源',
  serviceArea: ['330381'],
  weekdays: [6, 7],
  timeWindows: [{ start: '14:00', end: '16:30' }],
  leadDays: 7,
  blackoutDates: [{ from: '2026-02-10', to: '2026-02-20' }],
  cost: 'free',
  costNote: '',
  ...overrides,
});

export const projectDetail = (overrides: Partial<ProjectDetailDto> = {}): ProjectDetailDto => ({
  id: 7,
  ...content(),
  status: 'published',
  source: 'declared',
  revision: 1,
  provider: providerRef,
  ratingAverage: 4.6,
  ratingCount: 12,
  orderCount: 5,
  createdAt: '2026-01-05T02:00:00.000Z',
  publishedAt: '2026-01-08T02:00:00.000Z',
  pendingRevision: null,
  allowedActions: [],
  editable: false,
  otherProjects: [],
  providerDescription: '承担瑞安市群众文化活动的组织和文艺骨干培训。',
  ...overrides,
});

export const provider = (overrides: Partial<ProviderDto> = {}): ProviderDto => ({
  id: 2,
  name: '瑞安市文化馆',
  kind: 'culture_centre',
  description: '',
  contactName: '陈丽娟',
  contactPhone: '13800000000',
  verification: 'verified',
  serviceArea: ['330381'],
  memberCount: 3,
  ...overrides,
});

export const region = (code: string, name: string, level: RegionDto['level'] = 'county'): RegionDto => ({
  code,
  name,
  level,
  parentCode: level === 'county' ? '3303' : null,
  fullName: name,
});

export const wenzhouCounties: RegionDto[] = [
  region('330302', '鹿城区'),
  region('330381', '瑞安市'),
  region('330382', '乐清市'),
];

export const queueItem = (overrides: Partial<ReviewQueueItemDto> = {}): ReviewQueueItemDto => ({
  kind: 'project',
  projectId: 7,
  revisionId: null,
  title: '越剧经典折子戏专场',
  category: 'performance',
  provider: providerRef,
  serviceArea: ['330381'],
  submittedAt: '2026-03-01T02:00:00.000Z',
  ...overrides,
});
