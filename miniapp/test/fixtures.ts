import type {
  AuthTokens,
  DemoUserOption,
  EventDetailDto,
  EventRatingDto,
  HallDto,
  HallEventDto,
  MeResponse,
  MenuItemDto,
  NeedDto,
  OrderDto,
  Paged,
  ProjectContent,
  ProjectDetailDto,
  ProviderDto,
  RegionDto,
  ScoreSummary,
  ReservationDto,
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

/** A subject nobody has rated yet: the Bayesian prior. */
export const noRatings: ScoreSummary = { average: null, count: 0, score: 4, satisfaction: null };

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
  source: 'declared',
  providerRating: noRatings,
  honours: [],
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
  providerRating: noRatings,
  honours: [],
  providerHonours: [],
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
  teamSize: 1,
  rating: noRatings,
  honours: [],
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

export const order = (overrides: Partial<OrderDto> = {}): OrderDto => ({
  id: 31,
  status: 'pending',
  project: { id: 7, title: '越剧经典折子戏专场', category: 'performance' },
  hall: { id: 11, name: '鲍田村文化礼堂', regionPath: '瑞安市 塘下镇 鲍田村' },
  provider: { id: 2, name: '瑞安市文化馆' },
  windows: [{ from: '2026-12-05', to: '2026-12-06' }],
  expectedAudience: 150,
  notes: '',
  scheduledStart: null,
  scheduledEnd: null,
  proposedStart: null,
  proposedEnd: null,
  proposalNote: null,
  answerDeadline: '2026-11-20T10:00:00.000Z',
  confirmDeadline: null,
  headCount: null,
  completionNote: null,
  completionPhotos: [],
  quotaReturned: false,
  event: null,
  createdAt: '2026-11-13T02:00:00.000Z',
  allowedActions: [],
  ...overrides,
});

export const hallEvent = (overrides: Partial<HallEventDto> = {}): HallEventDto => ({
  id: 51,
  orderId: 31,
  title: '越剧经典折子戏专场',
  category: 'performance',
  providerName: '瑞安市文化馆',
  hallId: 11,
  hallName: '鲍田村文化礼堂',
  startsAt: '2026-12-05T06:00:00.000Z',
  endsAt: '2026-12-05T08:00:00.000Z',
  seats: 200,
  ...overrides,
});

export const eventDetail = (overrides: Partial<EventDetailDto> = {}): EventDetailDto => ({
  ...hallEvent(),
  seatsReserved: 20,
  seatsLeft: 180,
  waitlistCount: 0,
  walkIns: 0,
  checkedIn: 0,
  maxSeatsPerPerson: 4,
  cancelUntil: '2099-12-05T04:00:00.000Z',
  myReservation: null,
  myRating: null,
  ...overrides,
});

export const eventRating = (overrides: Partial<EventRatingDto> = {}): EventRatingDto => ({
  id: 91,
  eventId: 51,
  stars: 4,
  text: '唱得真好，老人们都爱看',
  photo: null,
  authorName: '王**',
  createdAt: '2026-12-05T09:00:00.000Z',
  editableUntil: '2099-12-12T09:00:00.000Z',
  hidden: false,
  ...overrides,
});

export const reservation = (overrides: Partial<ReservationDto> = {}): ReservationDto => ({
  id: 71,
  eventId: 51,
  status: 'reserved',
  seats: 2,
  code: 'AB12CD34',
  waitlistPosition: null,
  guestName: null,
  createdAt: '2026-11-20T02:00:00.000Z',
  event: hallEvent(),
  allowedActions: ['cancel'],
  ...overrides,
});

export const need = (overrides: Partial<NeedDto> = {}): NeedDto => ({
  id: 81,
  hall: { id: 11, name: '鲍田村文化礼堂', regionPath: '瑞安市 塘下镇 鲍田村' },
  category: 'performance',
  title: '想看一场越剧《红楼梦》',
  description: '村里老人都爱听越剧',
  periodFrom: '2026-12-01',
  periodTo: '2026-12-31',
  expectedAudience: 120,
  targetAudience: 'elderly',
  status: 'open',
  upvotes: 3,
  upvotedByMe: false,
  createdAt: '2026-11-01T02:00:00.000Z',
  allowedActions: [],
  responses: [],
  ...overrides,
});
