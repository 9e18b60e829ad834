import type { Audience, Category, DateRange, NeedState, OrderState, ProviderKind, ReservationState, TimeWindow } from '@hall-menu/shared';
import { addDays, beijingToday, daysBetween, inRanges, isoWeekday } from '../../common/time';
import { GIVEN_NAMES, MOBILE_PREFIXES, mulberry32, SURNAMES, type DemoPlan } from './demo-plan';
import type { DemoProject } from './demo-projects';

/**
 * A year of platform life for the demo (orders in every state, events with reservations and check-ins, ratings,
 * needs with upvotes and responses), as plain rows. Pure and deterministic: the same world and the same "now" give
 * the same rows (no Math.random); every date is relative to the Beijing day of `now`, so the demo always looks
 * current. Each row has the shape the real services write, and every workflow object has the transition history
 * of each state it went through, so timelines, statistics and rankings read it like real use.
 */

export const DEMO_HISTORY_SEED = 20261;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** The history covers services up to this many days back, and accepted ones up to this many days ahead. */
const PAST_DAYS = 355;
const FUTURE_DAYS = 30;
/** Orders per day on average before the month and weekday weights. */
const ORDERS_PER_DAY = 2.0;
/** Services already agreed for the coming month. */
const UPCOMING_SERVICES = 30;
/**
 * The halls and providers of the demo logins keep their next two weeks free of accepted services, so a walkthrough
 * (order, accept the first day the hall asked for, check in today) never meets a clash made up by the history.
 */
const WALKTHROUGH_FREE_DAYS = 16;
/** Quota units each hall keeps free per year, more for the demo logins' halls (they order during a walkthrough). */
const QUOTA_RESERVE = 2;
const WALKTHROUGH_QUOTA_RESERVE = 5;
/**
 * No order is left waiting on a deadline that falls in these first hours: the jobs would move it right after start,
 * and the figures would change under the first person looking (or a test comparing before and after).
 */
const QUIET_HOURS = 3;
/** A job runs every minute: what it does happens a minute or two after the deadline. */
const JOB_DELAY_MIN = [1, 3] as const;

// ---------------------------------------------------------------------------------------------- the world it builds on

export interface HistoryHall {
  id: number;
  villageCode: string;
  seats: number;
  annualQuota: number;
  /** Users who already manage it (demo logins); the history adds a manager to the others. */
  managerIds: number[];
}

export interface HistoryProvider {
  id: number;
  name: string;
  kind: ProviderKind;
  contactName: string;
  /** Users who already act for it (demo logins); the history adds its contact as a member to the others. */
  memberIds: number[];
}

/** A published project, with what decides where and when it can be delivered. */
export interface HistoryProject {
  id: number;
  providerId: number;
  title: string;
  category: Category;
  durationMinutes: number;
  audienceMin: number;
  audienceMax: number;
  weekdays: number[];
  timeWindows: TimeWindow[];
  leadDays: number;
  blackoutDates: DateRange[];
  serviceArea: string[];
  publishedAt: Date;
}

export interface HistoryRules {
  answerHours: number;
  confirmHours: number;
  cancelNoticeHours: number;
  maxSeatsPerPerson: number;
  cancelCutoffMinutes: number;
}

type IdKind = 'user' | 'order' | 'event' | 'reservation' | 'need' | 'needResponse' | 'eventRating' | 'orderRating';

export interface HistoryWorld {
  now: Date;
  halls: HistoryHall[];
  providers: HistoryProvider[];
  projects: HistoryProject[];
  /** Villagers with a demo login (not managers): they take part at their village's hall. */
  villagers: { id: number; villageCode: string }[];
  reviewers: { id: number; regionCode: string }[];
  /** The demo logins' halls (the first manager's first) and providers (see WALKTHROUGH_FREE_DAYS). */
  walkthrough: { hallIds: number[]; providerIds: number[] };
  rules: HistoryRules;
  /** The first free id of each table: rows are written with their ids so they can refer to each other. */
  firstIds: Record<IdKind, number>;
}

/** The ids the demo seed gave the plan's rows, by plan key. */
export interface PlanIds {
  halls: Map<string, number>;
  providers: Map<string, number>;
  users: Map<string, number>;
  projects: Map<string, { id: number; publishedAt: Date | null }>;
}

/**
 * Published projects have been on the menu long enough to have a year of services, except those published in the
 * last days: they stay new on the menu (and get orders only from their publication on).
 */
export function publishedDaysAgo(project: DemoProject, withHistory: boolean): number {
  return withHistory && project.status === 'published' && project.daysAgo > 12 ? project.daysAgo + 400 : project.daysAgo;
}

/** The world of the demo plan as the history builds on it. */
export function historyWorld(plan: DemoPlan, ids: PlanIds, now: Date, rules: HistoryRules, firstIds: HistoryWorld['firstIds']): HistoryWorld {
  const id = (map: Map<string, number>, key: string) => map.get(key)!;
  const managers = plan.users.filter((u) => u.hallKeys?.length);
  return {
    now,
    halls: plan.halls.map((h) => ({
      id: id(ids.halls, h.key),
      villageCode: h.villageCode,
      seats: h.seats,
      annualQuota: h.annualQuota,
      managerIds: managers.filter((u) => u.hallKeys!.includes(h.key)).map((u) => id(ids.users, u.key)),
    })),
    providers: plan.providers.map((p) => ({
      id: id(ids.providers, p.key),
      name: p.name,
      kind: p.kind,
      contactName: p.contactName,
      memberIds: plan.users.filter((u) => u.providerKey === p.key).map((u) => id(ids.users, u.key)),
    })),
    projects: plan.projects
      .filter((p) => p.status === 'published')
      .map((p) => ({
        id: ids.projects.get(p.key)!.id,
        providerId: id(ids.providers, p.providerKey),
        title: p.content.title,
        category: p.content.category,
        durationMinutes: p.content.durationMinutes,
        audienceMin: p.content.audienceMin,
        audienceMax: p.content.audienceMax,
        weekdays: p.content.weekdays,
        timeWindows: p.content.timeWindows,
        leadDays: p.content.leadDays,
        blackoutDates: p.content.blackoutDates,
        serviceArea: p.content.serviceArea,
        publishedAt: ids.projects.get(p.key)!.publishedAt!,
      })),
    villagers: plan.users
      .filter((u) => u.roles.includes('villager') && !u.roles.includes('hall_manager') && u.villageCode)
      .map((u) => ({ id: id(ids.users, u.key), villageCode: u.villageCode! })),
    reviewers: plan.users.filter((u) => u.roles.includes('reviewer') && u.regionCode).map((u) => ({ id: id(ids.users, u.key), regionCode: u.regionCode! })),
    walkthrough: {
      hallIds: managers.flatMap((u) => u.hallKeys!.map((key) => id(ids.halls, key))),
      providerIds: plan.users.filter((u) => u.providerKey).map((u) => id(ids.providers, u.providerKey!)),
    },
    rules,
    firstIds,
  };
}

// ---------------------------------------------------------------------------------------------- the rows it returns

type ActorRole = 'hall_manager' | 'provider' | 'reviewer' | 'villager' | 'system';

export interface HistoryRow {
  entityType: 'order' | 'reservation' | 'need';
  entityId: number;
  fromState: string | null;
  toState: string;
  event: string;
  actorId: number | null;
  actorRole: ActorRole;
  reason: string | null;
  createdAt: Date;
}

export interface OrderRow {
  id: number;
  projectId: number;
  hallId: number;
  providerId: number;
  orderedBy: number;
  idempotencyKey: string;
  status: OrderState;
  windows: DateRange[];
  expectedAudience: number;
  notes: string;
  scheduledStart: Date | null;
  scheduledEnd: Date | null;
  proposedStart: Date | null;
  proposedEnd: Date | null;
  proposalNote: string | null;
  answerDeadline: Date;
  confirmDeadline: Date | null;
  headCount: number | null;
  completionNote: string | null;
  completionPhotos: string[] | null;
  quotaYear: number;
  quotaReturned: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface EventRow {
  id: number;
  orderId: number;
  hallId: number;
  projectId: number;
  title: string;
  category: Category;
  startsAt: Date;
  endsAt: Date;
  seats: number;
  seatsReserved: number;
  maxSeatsPerPerson: number;
  walkIns: number;
  attendanceClosed: boolean;
  status: 'scheduled' | 'cancelled';
  createdAt: Date;
}

export interface ReservationRow {
  id: number;
  eventId: number;
  userId: number | null;
  reservedBy: number;
  guestName: string | null;
  guestPhone: string | null;
  seats: number;
  status: ReservationState;
  code: string;
  holderKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface EventRatingRow {
  id: number;
  eventId: number;
  projectId: number;
  userId: number;
  stars: number;
  text: string;
  photo: null;
  hidden: false;
  hiddenReason: null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrderRatingRow {
  id: number;
  orderId: number;
  side: 'hall' | 'provider';
  raterId: number;
  scores: Record<string, number>;
  stars: number;
  text: string;
  hidden: false;
  hiddenReason: null;
  createdAt: Date;
}

export interface NeedRow {
  id: number;
  hallId: number;
  createdBy: number;
  category: Category;
  title: string;
  description: string;
  periodFrom: string;
  periodTo: string;
  expectedAudience: number;
  targetAudience: Audience;
  status: NeedState;
  upvotes: number;
  matchedOrderId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NeedResponseRow {
  id: number;
  needId: number;
  providerId: number;
  projectId: number;
  responderId: number;
  proposedStart: Date;
  proposedEnd: Date;
  message: string;
  status: 'pending' | 'accepted' | 'declined';
  orderId: number | null;
  createdAt: Date;
}

export interface DemoHistory {
  /** People the demo world lacked: a manager for each hall, a member for each provider, villagers who take part. */
  users: { id: number; nickname: string; villageCode: string | null; createdAt: Date }[];
  userRoles: { userId: number; role: 'villager' | 'hall_manager' | 'provider'; regionCode: null }[];
  hallManagers: { hallId: number; userId: number }[];
  providerMembers: { providerId: number; userId: number }[];
  /** How many people and teams each provider sends: volunteer hours are a service's hours × team size. */
  providerTeams: { id: number; teamCount: number; teamSize: number }[];
  orders: OrderRow[];
  events: EventRow[];
  reservations: ReservationRow[];
  eventRatings: EventRatingRow[];
  orderRatings: OrderRatingRow[];
  needs: NeedRow[];
  needUpvotes: { needId: number; userId: number; createdAt: Date }[];
  needResponses: NeedResponseRow[];
  /** Oldest first, so ids follow time. */
  history: HistoryRow[];
  /** Each hall's quota in the current year, as the orders used it. */
  hallQuotas: { id: number; quotaYear: number; quotaUsed: number }[];
  projectOrderCounts: { id: number; orderCount: number }[];
  /** Subjects whose cached scores must be recomputed from the ratings. */
  ratedProjectIds: number[];
  ratedHallIds: number[];
  brandProjectIds: number[];
  lowScoreProjectId: number | null;
}

// ---------------------------------------------------------------------------------------------- shape of the demo

/** Where culture is busier: the demo county and the big counties more than the islands and the mountains. */
const COUNTY_WEIGHT: Record<string, number> = {
  '330381': 1.8, // 瑞安市
  '330382': 1.5, // 乐清市
  '330324': 1.3, // 永嘉县
  '330302': 1.2, // 鹿城区
  '330304': 1.1, // 瓯海区
  '330326': 1.0, // 平阳县
  '330327': 0.8, // 苍南县
  '330303': 0.8, // 龙湾区
  '330329': 0.7, // 泰顺县
  '330328': 0.6, // 文成县
  '330383': 0.6, // 龙港市
  '330305': 0.4, // 洞头区
};

const CATEGORY_WEIGHT: Record<Category, number> = {
  performance: 3,
  lecture: 2.2,
  film: 1.8,
  training: 1.4,
  heritage: 1.1,
  volunteer: 1,
  reading: 0.8,
  sports: 0.7,
  exhibition: 0.6,
  science: 0.8,
};

/** Services per month (Beijing): the Spring Festival and the summer holidays are busy, the plum rains and typhoons quiet. */
const MONTH_WEIGHT = [1.5, 1.6, 1.0, 0.8, 0.9, 0.6, 1.2, 1.3, 0.7, 1.2, 1.0, 1.1];

/** Projects that only make sense in some months. */
const SEASONS: [titlePart: string, months: number[]][] = [
  ['暑期', [7, 8]],
  ['防台防汛', [5, 6, 7, 8, 9]],
  ['露天', [4, 5, 6, 7, 8, 9, 10]],
  ['节庆', [1, 2, 9, 10]],
];

/** Brand material (品牌项目): many services, high ratings. */
const BRAND_PROJECTS: [provider: string, title: string][] = [
  ['温州市文化馆', '“文化进万家”综合文艺演出'],
  ['瑞安市越剧团', '越剧经典折子戏专场'],
];
/** One project villagers were unhappy with, so the low-score flag has something to show. */
const LOW_SCORE_PROJECTS: [provider: string, title: string][] = [
  ['龙湾区文化志愿服务队', '露天电影进村'],
  ['永嘉县昆曲传习志愿队', '露天电影进村'],
  ['瑞安市义工联合会文艺分队', '露天电影进村'],
];

/** [teams that can serve at once, people who go on site] by kind of provider. */
const TEAMS: Record<ProviderKind, [number, number]> = {
  culture_centre: [2, 8],
  art_troupe: [1, 14],
  lecturer_group: [2, 2],
  volunteer_team: [2, 6],
  university_team: [2, 10],
  social_organisation: [1, 4],
  individual_artist: [1, 1],
};

type Outcome =
  | 'awaiting_answer'
  | 'awaiting_agreement'
  | 'confirmed'
  | 'confirmed_via_proposal'
  | 'declined'
  | 'expired'
  | 'proposal_expired'
  | 'cancelled_pending'
  | 'cancelled_accepted'
  | 'provider_cancelled'
  | 'voided'
  | 'dispute_confirmed'
  | 'no_show';

/** How orders end, by share; the rest are confirmed. Unhappy halls dispute more. */
function outcomeTable(low: boolean): [Outcome, number][] {
  return [
    ['confirmed_via_proposal', 0.1],
    ['declined', 0.07],
    ['expired', 0.04],
    ['proposal_expired', 0.01],
    ['cancelled_pending', 0.04],
    ['cancelled_accepted', 0.03],
    ['provider_cancelled', 0.025],
    ['no_show', 0.008],
    ['voided', low ? 0.06 : 0.01],
    ['dispute_confirmed', low ? 0.04 : 0.01],
  ];
}

const REASONS = {
  decline: ['该时段团队已有其他演出安排，抱歉', '主要演员外出参加比赛，近期无法安排', '放映设备正在检修，暂时无法下乡', '路途较远，当天无法往返，建议改约周末'],
  cancelPending: ['村里临时有其他安排，先取消', '已经和村委商量改到下半年再点', ''],
  cancelAccepted: ['礼堂临时要修缮屋顶，只好取消', '当天村里有重要会议，改期再约', '天气预报有台风，为安全起见取消'],
  providerCancel: ['主要演员生病，无法演出，非常抱歉', '台风预警，为安全起见取消本场', '放映设备故障，维修好后再约'],
  dispute: ['实际演出时间不到约定的一半', '节目内容与介绍不符，群众意见较大', '迟到一个多小时，不少群众提前离场'],
  resolveVoid: ['经核实，服务时长明显不足，本次服务不计入', '经与双方核实，节目与申报内容严重不符，本次不计入'],
  resolveConfirm: ['经与双方核实，服务已按约完成，确认有效', '服务方已作说明并致歉，确认本次服务有效'],
  reportNoShow: ['服务方没有到场，也没有提前告知'],
  confirmNoShow: ['经核实，服务方当天未到场'],
  proposal: ['原定日期团队有演出，建议改到这天', '这天场地和人手都更合适，请村里考虑'],
  closeNeed: ['村里已自行联系到演出队', '活动改到明年再办，先关闭', '需求重复发布，关闭这一条'],
};

const ORDER_NOTES = ['请提前一天联系村委会', '村里老人多，请尽量用温州话', '礼堂有音响，可以不带', '希望安排在下午，方便老人参加'];
const COMPLETION_NOTES = ['服务顺利完成，村民反响热烈', '现场座无虚席，结束后还有互动交流', '按计划完成，村里配合很好'];

/** Villagers' words, by stars; praise also by category. Plain, short, and free of anything the word filter refuses. */
const PRAISE: Record<Category, string[]> = {
  performance: ['节目太精彩了，老人孩子都爱看', '越剧唱得真好，听得入迷', '家门口就能看到这么好的演出，感谢'],
  film: ['电影很好看，画面清楚声音也大', '一家人一起看电影，很开心', '片子选得好，孩子们很喜欢'],
  lecture: ['讲得通俗易懂，很实用', '听完才知道骗子这么多招，以后要小心', '老师讲的都是身边事，听得进去'],
  training: ['学到了真本事，老师很耐心', '手把手教，一下就学会了', '很实用，希望再来一期'],
  exhibition: ['作品很漂亮，看了好几遍', '看到村里的老照片，很感动', '展览布置得很用心'],
  heritage: ['第一次亲手做，很有意思', '老手艺要传下去，孩子们很喜欢', '传承人讲得很细，开了眼界'],
  sports: ['动作简单好学，练完很舒服', '老师很耐心，跟着练了一个小时', '以后每天都跟着练'],
  reading: ['孩子听故事听得很认真', '书很多，借了好几本回家', '亲子一起读书，气氛很好'],
  science: ['小实验很有趣，孩子回家还在说', '讲得生动，学到了不少知识', '孩子们抢着动手，很热闹'],
  volunteer: ['志愿者很热心，老人很高兴', '服务很周到，谢谢你们', '大学生很有礼貌，陪老人聊了很久'],
};
const STARS_TEXT: Record<number, string[]> = {
  5: ['很好，下次还想参加', '组织得好，座位安排有序', '希望多来几次'],
  4: ['整体不错，就是时间有点短', '内容挺好，音响再大点就更好了', '很热闹，下次早点通知', '不错，希望多安排周末场'],
  3: ['一般，节目有点老套', '内容还行，后排听不太清', '开始晚了半小时，等得有点久', '场地有点挤，体验一般'],
  2: ['声音太小，后面基本听不见', '时间太短，没看过瘾', '内容和介绍不太一样'],
  1: ['迟到很久，节目也没演完', '放了一半设备就坏了，很失望', '希望好好改进'],
};
const HALL_RATES_PROVIDER: Record<number, string[]> = {
  5: ['节目精彩，村民反响热烈', '准时到场，服务质量高', '服务周到，明年还点', '老师很专业，讲解耐心'],
  4: ['整体不错，准备再充分些更好', '节目好，就是到得稍晚', '效果不错，时间可以再长一点'],
  3: ['一般，节目与介绍有出入', '迟到了半小时，其他还行'],
  2: ['迟到一个多小时，节目缩水', '设备出了问题，效果较差'],
  1: ['服务很不到位，群众意见大'],
};
const PROVIDER_RATES_HALL: Record<number, string[]> = {
  5: ['村里组织有序，群众热情', '场地准备充分，配合很好', '村干部很支持，到场人数多'],
  4: ['组织不错，到场人数比预期少一点', '场地可以，电源位置不太方便'],
  3: ['场地电源不够，需要改进', '通知不到位，来的人不多'],
  2: ['现场没人接应，等了很久'],
  1: ['场地没准备好，无法正常演出'],
};

type NeedTemplate = [Category, string, string, Audience];
const NEED_TEMPLATES: NeedTemplate[] = [
  ['performance', '老人们想看越剧折子戏', '村里六十岁以上的老人有一百多位，大家都爱听越剧，希望请剧团来演一场经典折子戏。', 'elderly'],
  ['performance', '想请老师辅导排练村晚节目', '今年想办一台自己的村晚，缺少懂编排的老师，希望有团队来辅导排练。', 'all'],
  ['film', '暑假想给孩子们放几场电影', '暑假里孩子们在家没事做，希望晚上在礼堂放几场适合孩子看的电影。', 'children'],
  ['lecture', '想听一场反诈防骗讲座', '最近村里有老人接到诈骗电话，希望请宣讲员来讲讲怎么防骗。', 'elderly'],
  ['lecture', '想了解医保和养老政策', '村民对医保报销和养老金的新政策不太清楚，希望有人来讲解并答疑。', 'elderly'],
  ['training', '想学智能手机的用法', '不少老人不会用手机视频通话和缴费，希望有志愿者来手把手教。', 'elderly'],
  ['training', '想学直播卖农产品', '村里杨梅和茶叶想在网上卖，年轻人想学开网店和直播。', 'youth'],
  ['heritage', '想让孩子们体验非遗手艺', '希望请非遗传承人来村里展示剪纸或米塑，让孩子们动手试一试。', 'children'],
  ['sports', '想学八段锦和健身操', '村里广场舞队想学点新的健身项目，希望有老师来教八段锦。', 'elderly'],
  ['reading', '想办亲子读书会', '村里留守儿童多，希望有志愿者来带孩子们读绘本、讲故事。', 'children'],
  ['science', '想给孩子们办科普活动', '希望有大学生来做科学小实验，激发孩子们的兴趣。', 'children'],
  ['volunteer', '想请志愿者为老人义诊理发', '村里独居老人多，希望志愿者来量血压、理发、陪老人聊天。', 'elderly'],
  ['exhibition', '想在礼堂办一场书画展', '村里有几位书画爱好者，希望和书画家的作品一起办个展览。', 'all'],
];
const RESPONSE_MESSAGES = [
  '我们可以在这天来村里，节目可以按村里的要求调整。',
  '这个时间我们有空，可以带设备过来，请村里准备好电源。',
  '我们团队很乐意来，时长和内容都可以再商量。',
];
const GUEST_TITLES = ['阿婆', '大伯', '阿公', '阿姨'];
/** No 0/O or 1/I, like the codes the reservations service makes. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Every text the history may write, for the sensitive-word test. */
export const DEMO_HISTORY_TEXTS: readonly string[] = [
  ...Object.values(REASONS).flat(),
  ...ORDER_NOTES,
  ...COMPLETION_NOTES,
  ...Object.values(PRAISE).flat(),
  ...Object.values(STARS_TEXT).flat(),
  ...Object.values(HALL_RATES_PROVIDER).flat(),
  ...Object.values(PROVIDER_RATES_HALL).flat(),
  ...NEED_TEMPLATES.flatMap(([, title, description]) => [title, description]),
  ...RESPONSE_MESSAGES,
].filter(Boolean);

// ---------------------------------------------------------------------------------------------- drafts

interface Step {
  event: string;
  from: string | null;
  to: string;
  role: ActorRole;
  actorId: number | null;
  at: Date;
  reason: string | null;
}

interface Slot {
  start: Date;
  end: Date;
}

interface OrderDraft {
  row: OrderRow;
  hall: HistoryHall;
  project: HistoryProject;
  steps: Step[];
  event: EventDraft | null;
  /** Set when the order came from accepting a need's response: its key names the need and the response. */
  fromResponse: { need: NeedDraft; response: ResponseDraft } | null;
  quality: number;
}

interface EventDraft {
  row: EventRow;
  order: OrderDraft;
  reservations: ReservationDraft[];
}

interface ReservationDraft {
  row: ReservationRow;
  event: EventDraft;
  steps: Step[];
}

interface NeedDraft {
  row: NeedRow;
  steps: Step[];
  order: OrderDraft | null;
}

interface ResponseDraft {
  row: NeedResponseRow;
  need: NeedDraft;
  order: OrderDraft | null;
}

// ---------------------------------------------------------------------------------------------- the builder

export function buildDemoHistory(world: HistoryWorld, seed = DEMO_HISTORY_SEED): DemoHistory {
  const random = mulberry32(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const weighted = <T>(items: readonly T[], weight: (item: T) => number): T | null => {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    if (total <= 0) return null;
    let x = random() * total;
    for (const item of items) {
      x -= weight(item);
      if (x < 0) return item;
    }
    return items[items.length - 1];
  };
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const poisson = (lambda: number) => {
    let k = 0;
    for (let p = random(), limit = Math.exp(-lambda); p > limit; p *= random()) k++;
    return k;
  };
  const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
  const within = (from: Date, to: Date) => new Date(from.getTime() + Math.floor(random() * Math.max(0, to.getTime() - from.getTime())));
  const jobDelay = () => between(JOB_DELAY_MIN[0], JOB_DELAY_MIN[1]) * MINUTE;

  const now = world.now;
  const today = beijingToday(now);
  /** Steps at or after this never happened yet: an order stops in the state it has reached by now. */
  const cutoff = plus(now, -2 * MINUTE);
  const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
  const minutesToTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const yearOf = (date: Date) => Number(beijingToday(date).slice(0, 4));
  const monthOf = (day: string) => Number(day.slice(5, 7));
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const clampStars = (x: number) => Math.min(5, Math.max(1, Math.round(x)));

  const projects = [...world.projects].sort((a, b) => a.id - b.id);
  const providerNames = new Map(world.providers.map((p) => [p.id, p.name]));
  const walkthroughHalls = new Set(world.walkthrough.hallIds);
  const walkthroughProviders = new Set(world.walkthrough.providerIds);
  const findProject = (prefs: [string, string][], eligible: (p: HistoryProject) => boolean) =>
    prefs.map(([provider, title]) => projects.find((p) => providerNames.get(p.providerId) === provider && p.title === title && eligible(p))).find(Boolean) ?? null;
  const named = BRAND_PROJECTS.map((pref) => findProject([pref], () => true)).filter((p): p is HistoryProject => p !== null);
  const brand = named.length > 0 ? named : projects.filter((p) => p.category === 'performance').slice(0, 2);
  const brandIds = new Set(brand.map((p) => p.id));
  const lowScore =
    findProject(LOW_SCORE_PROJECTS, (p) => !walkthroughProviders.has(p.providerId) && !brandIds.has(p.id)) ??
    projects.find((p) => p.category === 'film' && !walkthroughProviders.has(p.providerId) && !brandIds.has(p.id)) ??
    null;

  // ----- people: a manager for every hall, a member for every provider, villagers around the halls that host services
  const ids = { ...world.firstIds };
  const users: DemoHistory['users'] = [];
  const userRoles: DemoHistory['userRoles'] = [];
  const hallManagers: DemoHistory['hallManagers'] = [];
  const providerMembers: DemoHistory['providerMembers'] = [];
  const joined = at(addDays(today, -430), '09:00');
  const personName = () => `${pick(SURNAMES)}${pick(GIVEN_NAMES)}`;
  const managerOf = new Map<number, number>();
  for (const hall of world.halls) {
    if (hall.managerIds.length > 0) {
      managerOf.set(hall.id, hall.managerIds[0]);
      continue;
    }
    const id = ids.user++;
    users.push({ id, nickname: personName(), villageCode: hall.villageCode, createdAt: joined });
    userRoles.push({ userId: id, role: 'hall_manager', regionCode: null }, { userId: id, role: 'villager', regionCode: null });
    hallManagers.push({ hallId: hall.id, userId: id });
    managerOf.set(hall.id, id);
  }
  const memberOf = new Map<number, number>();
  for (const provider of world.providers) {
    if (provider.memberIds.length > 0) {
      memberOf.set(provider.id, provider.memberIds[0]);
      continue;
    }
    const id = ids.user++;
    users.push({ id, nickname: provider.contactName, villageCode: null, createdAt: joined });
    userRoles.push({ userId: id, role: 'provider', regionCode: null });
    providerMembers.push({ providerId: provider.id, userId: id });
    memberOf.set(provider.id, id);
  }
  const providerTeams = world.providers.map((p) => ({ id: p.id, teamCount: TEAMS[p.kind][0], teamSize: TEAMS[p.kind][1] }));
  const teamCount = new Map(providerTeams.map((t) => [t.id, t.teamCount]));

  const demoVillagers = new Set(world.villagers.map((v) => v.id));
  const pools = new Map<number, number[]>();
  /** The villagers of a hall's village: the demo ones who live there, and neighbours made up on first use. */
  const poolOf = (hall: HistoryHall): number[] => {
    let pool = pools.get(hall.id);
    if (pool) return pool;
    pool = world.villagers.filter((v) => v.villageCode === hall.villageCode).map((v) => v.id);
    for (let i = between(12, 18); i > 0; i--) {
      const id = ids.user++;
      const nickname = chance(0.2) ? `${pick(SURNAMES)}${pick(GUEST_TITLES)}` : personName();
      users.push({ id, nickname, villageCode: hall.villageCode, createdAt: joined });
      userRoles.push({ userId: id, role: 'villager', regionCode: null });
      pool.push(id);
    }
    pools.set(hall.id, pool);
    return pool;
  };
  const reviewerFor = (hall: HistoryHall): number | null =>
    [...world.reviewers].filter((r) => hall.villageCode.startsWith(r.regionCode)).sort((a, b) => b.regionCode.length - a.regionCode.length)[0]?.id ?? null;

  // ----- bookkeeping that keeps the history possible: one service per hall a day, teams per provider, quota per year
  const hallDays = new Set<string>();
  const providerDays = new Map<string, number>();
  const quotaCount = new Map<string, number>();
  const currentYear = yearOf(now);
  const quotaLeft = (hall: HistoryHall, year: number) => {
    const reserve = walkthroughHalls.has(hall.id) ? WALKTHROUGH_QUOTA_RESERVE : QUOTA_RESERVE;
    return (quotaCount.get(`${hall.id}|${year}`) ?? 0) < hall.annualQuota - reserve;
  };
  const dayIsFree = (hall: HistoryHall, project: HistoryProject, day: string) =>
    !hallDays.has(`${hall.id}|${day}`) && (providerDays.get(`${project.providerId}|${day}`) ?? 0) < (teamCount.get(project.providerId) ?? 1);
  const walkthroughBusy = (hall: HistoryHall, project: HistoryProject, day: string) =>
    (walkthroughHalls.has(hall.id) || walkthroughProviders.has(project.providerId)) && day > today && daysBetween(today, day) <= WALKTHROUGH_FREE_DAYS;
  const covers = (project: HistoryProject, hall: HistoryHall) => project.serviceArea.some((code) => hall.villageCode.startsWith(code));
  const inSeason = (project: HistoryProject, day: string) => SEASONS.every(([part, months]) => !project.title.includes(part) || months.includes(monthOf(day)));
  const deliverable = (project: HistoryProject, day: string) =>
    project.weekdays.includes(isoWeekday(day)) && !inRanges(day, project.blackoutDates) && inSeason(project, day);

  const projectWeight = new Map(
    projects.map((p) => [p.id, CATEGORY_WEIGHT[p.category] * (brandIds.has(p.id) ? 6 : p.id === lowScore?.id ? 4 : 0.5 + random())]),
  );
  const quality = new Map(projects.map((p) => [p.id, brandIds.has(p.id) ? 4.75 : p.id === lowScore?.id ? 1.9 : 3.9 + 0.7 * random()]));
  const hallQuality = new Map(world.halls.map((h) => [h.id, 3.7 + 1.2 * random()]));
  const hallWeight = new Map(world.halls.map((h) => [h.id, (COUNTY_WEIGHT[h.villageCode.slice(0, 6)] ?? 0.5) * (0.4 + 1.2 * random()) * (walkthroughHalls.has(h.id) ? 3 : 1)]));
  const coveringProjects = new Map(world.halls.map((h) => [h.id, projects.filter((p) => covers(p, h))]));

  const orders: OrderDraft[] = [];
  let orderSeq = 0;
  /** No-shows per villager so far. */
  const noShows = new Map<number, number>();

  /** The step list of an order's life, cut off at now; the order row follows from the steps reached. */
  function placeOrder(input: {
    hall: HistoryHall;
    project: HistoryProject;
    created: Date;
    day: string;
    slot: Slot;
    outcome: Outcome;
    windows: DateRange[];
    expectedAudience: number;
    notes: string;
    /** Accepted at once on the provider's behalf (a need's response the hall accepted). */
    acceptedOnCreation?: boolean;
  }): OrderDraft | null {
    const { hall, project, created, slot, outcome } = input;
    const manager = managerOf.get(hall.id)!;
    const member = memberOf.get(project.providerId)!;
    const reviewer = reviewerFor(hall);
    const steps: Step[] = [];
    const add = (event: string, from: string | null, to: string, role: ActorRole, when: Date, reason: string | null = null) =>
      steps.push({ event, from, to, role, actorId: role === 'hall_manager' ? manager : role === 'provider' ? member : role === 'reviewer' ? reviewer : null, at: when, reason });
    add('create', null, 'pending', 'hall_manager', created);
    const deadline = plus(created, world.rules.answerHours * HOUR);
    // Answers come fast or after a day or two: log-uniform between 20 minutes and 60 hours.
    const answerAt = input.acceptedOnCreation
      ? plus(created, 1000)
      : new Date(Math.min(created.getTime() + Math.exp(Math.log(1 / 3) + random() * Math.log(180)) * HOUR, deadline.getTime() - 10 * MINUTE));
    let proposal: (Slot & { note: string }) | null = null;
    let acceptedAt: Date | null = null;
    switch (outcome) {
      case 'awaiting_answer':
        break;
      case 'awaiting_agreement':
        proposal = { ...slot, note: pick(REASONS.proposal) };
        add('propose', 'pending', 'proposed', 'provider', within(plus(created, 20 * MINUTE), cutoff));
        break;
      case 'declined':
        add('decline', 'pending', 'declined', 'provider', answerAt, pick(REASONS.decline));
        break;
      case 'expired':
        add('expire', 'pending', 'expired', 'system', plus(deadline, jobDelay()));
        break;
      case 'cancelled_pending':
        add('cancel', 'pending', 'cancelled', 'hall_manager', within(plus(created, HOUR), answerAt), pick(REASONS.cancelPending) || null);
        break;
      case 'proposal_expired':
        proposal = { ...slot, note: pick(REASONS.proposal) };
        add('propose', 'pending', 'proposed', 'provider', answerAt);
        add('expire', 'proposed', 'expired', 'system', plus(deadline, jobDelay()));
        break;
      case 'confirmed_via_proposal':
        proposal = { ...slot, note: pick(REASONS.proposal) };
        add('propose', 'pending', 'proposed', 'provider', answerAt);
        acceptedAt = within(plus(answerAt, 30 * MINUTE), plus(deadline, -5 * MINUTE));
        add('agree', 'proposed', 'accepted', 'hall_manager', acceptedAt);
        break;
      default:
        acceptedAt = answerAt;
        add('accept', 'pending', 'accepted', 'provider', acceptedAt);
    }
    let completedAt: Date | null = null;
    let headCount: number | null = null;
    if (acceptedAt) {
      const { start, end } = slot;
      switch (outcome) {
        case 'cancelled_accepted':
          add('cancel', 'accepted', 'cancelled', 'hall_manager', within(plus(acceptedAt, HOUR), plus(start, -HOUR)), pick(REASONS.cancelAccepted));
          break;
        case 'provider_cancelled':
          add('provider_cancel', 'accepted', 'cancelled', 'provider', within(plus(acceptedAt, HOUR), plus(start, -2 * HOUR)), pick(REASONS.providerCancel));
          break;
        case 'no_show': {
          const reported = plus(end, between(1, 20) * HOUR);
          add('report_no_show', 'accepted', 'no_show_reported', 'hall_manager', reported, pick(REASONS.reportNoShow));
          add('confirm_no_show', 'no_show_reported', 'no_show', 'reviewer', plus(reported, between(20, 96) * HOUR), pick(REASONS.confirmNoShow));
          break;
        }
        default: {
          add('check_in', 'accepted', 'in_service', 'provider', plus(start, -between(15, 90) * MINUTE));
          completedAt = plus(end, between(5, 60) * MINUTE);
          add('complete', 'in_service', 'completed', 'provider', completedAt);
          const confirmDeadline = plus(completedAt, world.rules.confirmHours * HOUR);
          if (outcome === 'voided' || outcome === 'dispute_confirmed') {
            const disputed = within(plus(completedAt, 2 * HOUR), plus(completedAt, 40 * HOUR));
            add('dispute', 'completed', 'disputed', 'hall_manager', disputed, pick(REASONS.dispute));
            const resolved = plus(disputed, between(20, 120) * HOUR);
            if (outcome === 'voided') add('resolve_void', 'disputed', 'voided', 'reviewer', resolved, pick(REASONS.resolveVoid));
            else add('resolve_confirm', 'disputed', 'confirmed', 'reviewer', resolved, pick(REASONS.resolveConfirm));
          } else if (chance(0.25)) {
            add('auto_confirm', 'completed', 'confirmed', 'system', plus(confirmDeadline, jobDelay()));
          } else {
            add('confirm', 'completed', 'confirmed', 'hall_manager', within(plus(completedAt, 30 * MINUTE), plus(confirmDeadline, -10 * MINUTE)));
          }
        }
      }
    }

    const reached = steps.filter((s) => s.at.getTime() < cutoff.getTime());
    const has = (event: string) => reached.some((s) => s.event === event);
    const last = reached[reached.length - 1];
    const dueSoon = (deadline: Date) => deadline.getTime() < now.getTime() + QUIET_HOURS * HOUR;
    if ((last.to === 'pending' || last.to === 'proposed') && dueSoon(deadline)) return null;
    if (last.to === 'completed' && completedAt && dueSoon(plus(completedAt, world.rules.confirmHours * HOUR))) return null;
    if (reachesService(outcome)) occupy(hall, project, input.day);
    const scheduled = has('accept') || has('agree');
    const completed = has('complete');
    if (completed) {
      const cap = Math.min(project.audienceMax, hall.seats);
      const low = Math.min(project.audienceMin, cap);
      headCount = Math.round(low + (cap - low) * (0.25 + 0.6 * random()));
    }
    const cancel = reached.find((s) => s.event === 'cancel');
    const quotaReturned =
      has('decline') || has('expire') || has('provider_cancel') || (cancel !== undefined && (cancel.from !== 'accepted' || slot.start.getTime() - cancel.at.getTime() >= world.rules.cancelNoticeHours * HOUR));
    const row: OrderRow = {
      id: 0,
      projectId: project.id,
      hallId: hall.id,
      providerId: project.providerId,
      orderedBy: manager,
      idempotencyKey: `demo-history-${String(++orderSeq).padStart(4, '0')}`,
      status: last.to as OrderState,
      windows: input.windows,
      expectedAudience: input.expectedAudience,
      notes: input.notes,
      scheduledStart: scheduled ? slot.start : null,
      scheduledEnd: scheduled ? slot.end : null,
      proposedStart: proposal && has('propose') ? proposal.start : null,
      proposedEnd: proposal && has('propose') ? proposal.end : null,
      proposalNote: proposal && has('propose') ? proposal.note : null,
      answerDeadline: deadline,
      confirmDeadline: completed && completedAt ? plus(completedAt, world.rules.confirmHours * HOUR) : null,
      headCount,
      completionNote: completed ? (chance(0.5) ? pick(COMPLETION_NOTES) : null) : null,
      completionPhotos: completed ? [] : null,
      quotaYear: yearOf(created),
      quotaReturned,
      createdAt: created,
      updatedAt: last.at,
    };
    const draft: OrderDraft = { row, hall, project, steps: reached, event: null, fromResponse: null, quality: quality.get(project.id)! - (has('dispute') ? 1.3 : 0) };
    if (scheduled) draft.event = scheduleEvent(draft, slot, acceptedAt!);
    quotaCount.set(`${hall.id}|${row.quotaYear}`, (quotaCount.get(`${hall.id}|${row.quotaYear}`) ?? 0) + 1);
    orders.push(draft);
    return draft;
  }

  /** The event villagers saw, and who came: reservations, check-ins, no-shows, walk-ins. */
  function scheduleEvent(order: OrderDraft, slot: Slot, acceptedAt: Date): EventDraft {
    const { hall, project, steps } = order;
    const ended = steps.some((s) => ['cancel', 'provider_cancel', 'confirm_no_show'].includes(s.event));
    const event: EventDraft = {
      order,
      reservations: [],
      row: {
        id: 0,
        orderId: 0,
        hallId: hall.id,
        projectId: project.id,
        title: project.title,
        category: project.category,
        startsAt: slot.start,
        endsAt: slot.end,
        seats: hall.seats,
        seatsReserved: 0,
        maxSeatsPerPerson: world.rules.maxSeatsPerPerson,
        walkIns: 0,
        // The job closes attendance of scheduled events a minute after they end.
        attendanceClosed: !ended && slot.end.getTime() < cutoff.getTime(),
        status: ended ? 'cancelled' : 'scheduled',
        createdAt: acceptedAt,
      },
    };
    const held = steps.some((s) => s.event === 'check_in');
    const upcoming = !ended && slot.start.getTime() > now.getTime();
    if (!held && !upcoming) return event;
    const pool = poolOf(hall);
    const manager = managerOf.get(hall.id)!;
    const parties = held ? between(3, Math.min(12, pool.length)) : between(1, Math.min(7, pool.length));
    // Demo villagers of the village come to most things, so their own pages have something to show.
    const people = [...pool].sort(() => random() - 0.5).slice(0, parties);
    for (const villager of pool.filter((id) => demoVillagers.has(id))) {
      if (!people.includes(villager) && chance(0.7)) people.push(villager);
    }
    const guests = held && chance(0.4) ? between(1, 2) : 0;
    // Seats are taken from an hour after the event appears until three hours before it starts (or now).
    const earliest = plus(acceptedAt, HOUR);
    const latest = new Date(Math.min(plus(slot.start, -3 * HOUR).getTime(), cutoff.getTime()));
    if (latest.getTime() <= earliest.getTime()) return event;
    let checkedInSeats = 0;
    for (let i = 0; i < people.length + guests; i++) {
      const userId = i < people.length ? people[i] : null;
      const seats = Math.min(world.rules.maxSeatsPerPerson, chance(0.55) ? 1 : chance(0.75) ? 2 : 3);
      const created = within(earliest, latest);
      const reservation: ReservationDraft = {
        event,
        steps: [],
        row: {
          id: 0,
          eventId: 0,
          userId,
          reservedBy: userId ?? manager,
          guestName: userId === null ? `${pick(SURNAMES)}${pick(GUEST_TITLES)}` : null,
          guestPhone: userId === null && chance(0.5) ? `${pick(MOBILE_PREFIXES)}${String(between(0, 99_999_999)).padStart(8, '0')}` : null,
          seats,
          status: 'reserved',
          code: '',
          holderKey: null,
          createdAt: created,
          updatedAt: created,
        },
      };
      const add = (event: string, from: string | null, to: ReservationState, role: ActorRole, when: Date) => {
        reservation.steps.push({ event, from, to, role, actorId: role === 'villager' ? userId : role === 'hall_manager' ? manager : null, at: when, reason: null });
        reservation.row.status = to;
        reservation.row.updatedAt = when;
      };
      add('create', null, 'reserved', userId === null ? 'hall_manager' : 'villager', created);
      const cancelBy = plus(slot.start, -world.rules.cancelCutoffMinutes * MINUTE);
      const fate = random();
      const cancelUntil = new Date(Math.min(cancelBy.getTime(), cutoff.getTime()));
      if (fate < 0.1 && cancelUntil.getTime() > created.getTime() + 30 * MINUTE) {
        add('cancel', 'reserved', 'cancelled', userId === null ? 'hall_manager' : 'villager', within(plus(created, 30 * MINUTE), cancelUntil));
      } else if (held) {
        const demo = userId !== null && demoVillagers.has(userId);
        // Nobody gets near the no-show limit: a suspension would be a story the rows do not tell.
        if (fate < 0.18 && !demo && (userId === null || (noShows.get(userId) ?? 0) < 2)) {
          add('mark_no_show', 'reserved', 'no_show', 'system', plus(slot.end, jobDelay()));
          if (userId !== null) noShows.set(userId, (noShows.get(userId) ?? 0) + 1);
        } else {
          add('check_in', 'reserved', 'checked_in', 'hall_manager', plus(slot.start, -between(5, 50) * MINUTE));
          checkedInSeats += seats;
        }
      }
      if (reservation.row.status !== 'cancelled') event.row.seatsReserved += seats;
      event.reservations.push(reservation);
    }
    if (order.row.headCount !== null) {
      order.row.headCount = Math.max(order.row.headCount, checkedInSeats);
      event.row.walkIns = order.row.headCount - checkedInSeats;
    }
    return event;
  }

  /** A slot on a day: the start of one of the project's time windows, for the project's duration. */
  const slotOn = (project: HistoryProject, day: string): Slot => {
    const window = pick(project.timeWindows);
    const [h, m] = window.start.split(':').map(Number);
    const start = at(day, minutesToTime(h * 60 + m + (chance(0.3) ? 30 : 0)));
    return { start, end: plus(start, project.durationMinutes * MINUTE) };
  };
  const windowsAround = (project: HistoryProject, created: Date, day: string): DateRange[] => {
    const earliest = addDays(beijingToday(created), project.leadDays);
    let from = addDays(day, -between(0, 7));
    if (from < earliest) from = earliest;
    const to = addDays(day, between(0, 10));
    const windows = [{ from, to: daysBetween(from, to) >= 30 ? addDays(from, 29) : to }];
    if (chance(0.15)) windows.push({ from: addDays(to, between(5, 12)), to: addDays(to, between(13, 20)) });
    return windows;
  };
  const audienceFor = (project: HistoryProject, hall: HistoryHall) => {
    const cap = Math.min(project.audienceMax, hall.seats);
    const low = Math.min(project.audienceMin, cap);
    return Math.max(1, Math.round((low + (cap - low) * random() * 0.8) / 10) * 10);
  };
  const drawOutcome = (project: HistoryProject): Outcome => weighted([...outcomeTable(project.id === lowScore?.id), ['confirmed', 0.64] as [Outcome, number]], ([, w]) => w)![0];
  const reachesService = (outcome: Outcome) => !['awaiting_answer', 'awaiting_agreement', 'declined', 'expired', 'proposal_expired', 'cancelled_pending'].includes(outcome);
  const occupy = (hall: HistoryHall, project: HistoryProject, day: string) => {
    hallDays.add(`${hall.id}|${day}`);
    providerDays.set(`${project.providerId}|${day}`, (providerDays.get(`${project.providerId}|${day}`) ?? 0) + 1);
  };

  /** An order from the menu for a service on `day`, if some hall and project fit in a few tries. */
  const orderFromMenu = (day: string, outcomeOf: (project: HistoryProject) => Outcome): boolean => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const hall = weighted(world.halls, (h) => hallWeight.get(h.id)!)!;
      const project = weighted(coveringProjects.get(hall.id)!, (p) => projectWeight.get(p.id)!);
      if (!project || !deliverable(project, day)) continue;
      const created = at(addDays(day, -(project.leadDays + between(2, 20))), minutesToTime(between(8 * 60, 21 * 60 + 30)));
      if (created.getTime() <= project.publishedAt.getTime() || created.getTime() >= plus(cutoff, -10 * MINUTE).getTime()) continue;
      if (!quotaLeft(hall, yearOf(created))) continue;
      const outcome = outcomeOf(project);
      if (reachesService(outcome) && (!dayIsFree(hall, project, day) || walkthroughBusy(hall, project, day))) continue;
      const placed = placeOrder({
        hall,
        project,
        created,
        day,
        slot: slotOn(project, day),
        outcome,
        windows: windowsAround(project, created, day),
        expectedAudience: audienceFor(project, hall),
        notes: chance(0.25) ? pick(ORDER_NOTES) : '',
      });
      if (placed) return true;
    }
    return false;
  };

  // ----- orders from the menu, day by day over the past year; then the services agreed for the coming month
  for (let offset = -PAST_DAYS; offset < 0; offset++) {
    const day = addDays(today, offset);
    const weekend = isoWeekday(day) >= 6;
    const wanted = poisson(ORDERS_PER_DAY * MONTH_WEIGHT[monthOf(day) - 1] * (weekend ? 1.5 : 0.8));
    for (let n = 0; n < wanted; n++) orderFromMenu(day, drawOutcome);
  }
  // Their later steps have not happened yet, so they stop at accepted (nothing today or tomorrow).
  for (let made = 0, attempt = 0; made < UPCOMING_SERVICES && attempt < 20 * UPCOMING_SERVICES; attempt++) {
    if (orderFromMenu(addDays(today, between(2, FUTURE_DAYS)), () => (chance(0.15) ? 'confirmed_via_proposal' : 'confirmed'))) made++;
  }

  // ----- the project villagers were unhappy with needs enough services for its score to count
  for (let attempt = 0; lowScore && attempt < 400; attempt++) {
    const delivered = orders.filter((o) => o.project.id === lowScore.id && o.steps.some((s) => s.event === 'complete')).length;
    if (delivered >= 10) break;
    const day = addDays(today, -between(5, PAST_DAYS));
    const hall = weighted(world.halls.filter((h) => covers(lowScore, h)), (h) => hallWeight.get(h.id)!);
    if (!hall || !deliverable(lowScore, day) || !dayIsFree(hall, lowScore, day)) continue;
    const created = at(addDays(day, -(lowScore.leadDays + between(2, 20))), minutesToTime(between(8 * 60, 21 * 60 + 30)));
    if (created.getTime() <= lowScore.publishedAt.getTime() || !quotaLeft(hall, yearOf(created))) continue;
    const outcome: Outcome = chance(0.15) ? 'voided' : 'confirmed';
    placeOrder({ hall, project: lowScore, created, day, slot: slotOn(lowScore, day), outcome, windows: windowsAround(lowScore, created, day), expectedAudience: audienceFor(lowScore, hall), notes: '' });
  }

  // ----- orders placed in the last two days, still waiting for the provider (some of them the demo provider's)
  for (let made = 0, attempt = 0; made < 8 && attempt < 400; attempt++) {
    const forDemo = made < 2 && world.walkthrough.providerIds.length > 0;
    const project = forDemo
      ? pick(projects.filter((p) => p.providerId === world.walkthrough.providerIds[0]))
      : weighted(projects, (p) => projectWeight.get(p.id)!)!;
    const hall = weighted(world.halls.filter((h) => covers(project, h) && !walkthroughHalls.has(h.id)), (h) => hallWeight.get(h.id)!);
    if (!hall) continue;
    const created = plus(now, -between(60, 50 * 60) * MINUTE);
    const day = addDays(beijingToday(created), project.leadDays + between(3, 20));
    if (!deliverable(project, day) || !quotaLeft(hall, yearOf(created))) continue;
    const placed = placeOrder({
      hall,
      project,
      created,
      day,
      slot: slotOn(project, day),
      outcome: made === 7 ? 'awaiting_agreement' : 'awaiting_answer',
      windows: windowsAround(project, created, day),
      expectedAudience: audienceFor(project, hall),
      notes: chance(0.25) ? pick(ORDER_NOTES) : '',
    });
    if (placed) made++;
  }

  // ----- needs: open ones to answer, matched ones that became orders, expired and closed ones
  const needs: NeedDraft[] = [];
  const responses: ResponseDraft[] = [];
  const upvotes: { need: NeedDraft; userId: number; createdAt: Date }[] = [];
  const usedTemplates = new Set<string>();
  function newNeed(hall: HistoryHall, template: NeedTemplate, created: Date, periodFrom: string, periodTo: string, status: NeedState): NeedDraft {
    const [category, title, description, audience] = template;
    usedTemplates.add(`${hall.id}|${title}`);
    const manager = managerOf.get(hall.id)!;
    const need: NeedDraft = {
      order: null,
      steps: [{ event: 'create', from: null, to: 'open', role: 'hall_manager', actorId: manager, at: created, reason: null }],
      row: {
        id: 0,
        hallId: hall.id,
        createdBy: manager,
        category,
        title,
        description,
        periodFrom,
        periodTo,
        expectedAudience: between(5, 20) * 10,
        targetAudience: audience,
        status,
        upvotes: 0,
        matchedOrderId: null,
        createdAt: created,
        updatedAt: created,
      },
    };
    needs.push(need);
    return need;
  }
  const endNeed = (need: NeedDraft, event: 'match' | 'close' | 'expire', when: Date, reason: string | null = null) => {
    const to = event === 'match' ? 'matched' : event === 'close' ? 'closed' : 'expired';
    const manager = managerOf.get(need.row.hallId)!;
    need.steps.push({ event, from: 'open', to, role: event === 'expire' ? 'system' : 'hall_manager', actorId: event === 'expire' ? null : manager, at: when, reason });
    need.row.status = to;
    need.row.updatedAt = when;
  };
  const upvote = (need: NeedDraft, hall: HistoryHall, count: number, until: Date) => {
    const voters = [...poolOf(hall)].sort(() => random() - 0.5).slice(0, count);
    for (const userId of voters) upvotes.push({ need, userId, createdAt: within(plus(need.row.createdAt, 10 * MINUTE), until) });
    need.row.upvotes = voters.length;
  };
  const fittingProjects = (hall: HistoryHall, category: Category) => coveringProjects.get(hall.id)!.filter((p) => p.category === category && p.id !== lowScore?.id);
  const templateFor = (hall: HistoryHall, needsProject: boolean): NeedTemplate | null => {
    const options = NEED_TEMPLATES.filter(([category, title]) => !usedTemplates.has(`${hall.id}|${title}`) && (!needsProject || fittingProjects(hall, category).length > 0));
    return options.length ? pick(options) : null;
  };
  const respond = (need: NeedDraft, project: HistoryProject, created: Date, slot: Slot, status: ResponseDraft['row']['status']): ResponseDraft => {
    const response: ResponseDraft = {
      need,
      order: null,
      row: {
        id: 0,
        needId: 0,
        providerId: project.providerId,
        projectId: project.id,
        responderId: memberOf.get(project.providerId)!,
        proposedStart: slot.start,
        proposedEnd: slot.end,
        message: pick(RESPONSE_MESSAGES),
        status,
        orderId: null,
        createdAt: created,
      },
    };
    responses.push(response);
    return response;
  };
  /** A day in [from, to] the project can do and the hall and provider are free, or null. */
  const freeDay = (hall: HistoryHall, project: HistoryProject, from: string, to: string): string | null => {
    const span = daysBetween(from, to);
    if (span < 0) return null;
    const first = between(0, span);
    for (let i = 0; i <= span; i++) {
      const day = addDays(from, (first + i) % (span + 1));
      if (day === today || day === addDays(today, 1)) continue;
      if (deliverable(project, day) && dayIsFree(hall, project, day) && !walkthroughBusy(hall, project, day)) return day;
    }
    return null;
  };

  // Matched needs: the hall ordered a suggested project, or accepted a provider's response.
  for (let made = 0, attempt = 0; made < 10 && attempt < 200; attempt++) {
    const hall = weighted(world.halls, (h) => hallWeight.get(h.id)!)!;
    const template = templateFor(hall, true);
    if (!template) continue;
    const created = at(addDays(today, -between(25, 300)), minutesToTime(between(8 * 60, 21 * 60)));
    const periodFrom = addDays(beijingToday(created), between(3, 10));
    const periodTo = addDays(periodFrom, between(20, 45));
    const project = pick(fittingProjects(hall, template[0]));
    const matchedAt = plus(created, between(20, 96) * HOUR);
    if (matchedAt.getTime() <= project.publishedAt.getTime() || !quotaLeft(hall, yearOf(matchedAt))) continue;
    // As the one-step order from a suggestion asks: from the later of lead time and period start, at most 30 days.
    const earliest = addDays(beijingToday(matchedAt), project.leadDays);
    const windowFrom = earliest > periodFrom ? earliest : periodFrom;
    const windowTo = daysBetween(windowFrom, periodTo) > 30 ? addDays(windowFrom, 30) : periodTo;
    const day = freeDay(hall, project, windowFrom, windowTo);
    if (!day) continue;
    const viaResponse = chance(0.5);
    const need = newNeed(hall, template, created, periodFrom, periodTo, 'open');
    const slot = slotOn(project, day);
    const outcome: Outcome = viaResponse ? pick<Outcome>(['confirmed', 'confirmed', 'confirmed', 'dispute_confirmed']) : chance(0.85) ? 'confirmed' : pick<Outcome>(['declined', 'cancelled_accepted']);
    let response: ResponseDraft | null = null;
    if (viaResponse) {
      response = respond(need, project, within(plus(created, 2 * HOUR), plus(matchedAt, -HOUR)), slot, 'accepted');
      const rival = fittingProjects(hall, template[0]).find((p) => p.providerId !== project.providerId);
      if (rival && chance(0.5)) respond(need, rival, within(plus(created, 2 * HOUR), plus(matchedAt, -HOUR)), slotOn(rival, day), 'declined');
    }
    const order = placeOrder({
      hall,
      project,
      created: matchedAt,
      day,
      slot,
      outcome,
      windows: viaResponse ? [{ from: day, to: beijingToday(slot.end) }] : [{ from: windowFrom, to: windowTo }],
      expectedAudience: need.row.expectedAudience,
      notes: `来自需求：${need.row.title}`,
      acceptedOnCreation: viaResponse,
    });
    if (!order) {
      needs.splice(needs.indexOf(need), 1);
      responses.splice(0, responses.length, ...responses.filter((r) => r.need !== need));
      continue;
    }
    if (response) {
      response.order = order;
      order.fromResponse = { need, response };
    }
    need.order = order;
    endNeed(need, 'match', plus(matchedAt, 2000));
    upvote(need, hall, between(2, 10), matchedAt);
    made++;
  }

  // Expired needs: the period went by without a match.
  for (let made = 0, attempt = 0; made < 10 && attempt < 200; attempt++) {
    const hall = weighted(world.halls, (h) => hallWeight.get(h.id)!)!;
    const template = templateFor(hall, false);
    if (!template) continue;
    const created = at(addDays(today, -between(40, 330)), minutesToTime(between(8 * 60, 21 * 60)));
    const periodFrom = addDays(beijingToday(created), between(3, 10));
    const periodTo = addDays(periodFrom, between(14, 30));
    if (periodTo >= addDays(today, -1)) continue;
    const need = newNeed(hall, template, created, periodFrom, periodTo, 'open');
    const expiredAt = plus(at(addDays(periodTo, 1), '00:00'), jobDelay());
    endNeed(need, 'expire', expiredAt);
    upvote(need, hall, between(0, 6), expiredAt);
    made++;
  }

  // Closed needs: the hall withdrew them.
  for (let made = 0, attempt = 0; made < 4 && attempt < 100; attempt++) {
    const hall = weighted(world.halls, (h) => hallWeight.get(h.id)!)!;
    const template = templateFor(hall, false);
    if (!template) continue;
    const created = at(addDays(today, -between(20, 200)), minutesToTime(between(8 * 60, 21 * 60)));
    const periodFrom = addDays(beijingToday(created), between(5, 15));
    const need = newNeed(hall, template, created, periodFrom, addDays(periodFrom, between(20, 40)), 'open');
    const closedAt = plus(created, between(2, 8) * DAY);
    endNeed(need, 'close', closedAt, pick(REASONS.closeNeed));
    upvote(need, hall, between(0, 3), closedAt);
    made++;
  }

  // Open needs, some already answered by providers; the first manager's halls have one each (and a response if possible).
  const openHalls = world.walkthrough.hallIds.slice(0, 2).map((id) => world.halls.find((h) => h.id === id)!);
  for (let made = 0, attempt = 0; made < 16 && attempt < 300; attempt++) {
    const hall = made < openHalls.length ? openHalls[made] : weighted(world.halls, (h) => hallWeight.get(h.id)!)!;
    const template = templateFor(hall, made < openHalls.length || chance(0.5));
    if (!template) continue;
    const created = at(addDays(today, -between(1, 25)), minutesToTime(between(8 * 60, 21 * 60)));
    if (created.getTime() >= cutoff.getTime()) continue;
    const periodFrom = addDays(beijingToday(created), between(0, 20));
    const periodTo = addDays(periodFrom < today ? today : periodFrom, between(20, 45));
    const need = newNeed(hall, template, created, periodFrom, periodTo, 'open');
    upvote(need, hall, between(2, 14), cutoff);
    const answering = fittingProjects(hall, template[0]).sort((a, b) => Number(walkthroughProviders.has(b.providerId)) - Number(walkthroughProviders.has(a.providerId)));
    const respondents = made < openHalls.length ? answering.slice(0, 2) : chance(0.4) ? answering.slice(0, between(1, 2)) : [];
    const seenProviders = new Set<number>();
    for (const project of respondents) {
      if (seenProviders.has(project.providerId)) continue;
      const from = addDays(today, WALKTHROUGH_FREE_DAYS + 1) > periodFrom ? addDays(today, WALKTHROUGH_FREE_DAYS + 1) : periodFrom;
      const day = freeDay(hall, project, from, periodTo);
      if (!day) continue;
      seenProviders.add(project.providerId);
      respond(need, project, within(plus(created, HOUR), cutoff), slotOn(project, day), 'pending');
    }
    made++;
  }

  // ----- ids, oldest first, then the references between rows
  const byTime = <T extends { row: { createdAt: Date } }>(items: T[]) => [...items].sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime());
  const sortedOrders = byTime(orders);
  for (const o of sortedOrders) o.row.id = ids.order++;
  const events = byTime(orders.flatMap((o) => (o.event ? [o.event] : [])));
  for (const e of events) {
    e.row.id = ids.event++;
    e.row.orderId = e.order.row.id;
  }
  const codes = new Set<string>();
  const newCode = () => {
    for (;;) {
      const code = Array.from({ length: 8 }, () => CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)]).join('');
      if (!codes.has(code)) return codes.add(code), code;
    }
  };
  const reservations = byTime(events.flatMap((e) => e.reservations));
  for (const r of reservations) {
    r.row.id = ids.reservation++;
    r.row.eventId = r.event.row.id;
    r.row.code = newCode();
    const live = r.row.status === 'reserved' || r.row.status === 'waitlisted';
    r.row.holderKey = live ? (r.row.userId !== null ? `u${r.row.userId}@${r.row.eventId}` : r.row.guestPhone ? `p${r.row.guestPhone}@${r.row.eventId}` : null) : null;
  }
  const sortedNeeds = byTime(needs);
  for (const n of sortedNeeds) {
    n.row.id = ids.need++;
    n.row.matchedOrderId = n.order ? n.order.row.id : null;
  }
  for (const r of byTime(responses)) {
    r.row.id = ids.needResponse++;
    r.row.needId = r.need.row.id;
    r.row.orderId = r.order ? r.order.row.id : null;
  }
  for (const o of orders) {
    if (o.fromResponse) o.row.idempotencyKey = `need-${o.fromResponse.need.row.id}-response-${o.fromResponse.response.row.id}`;
  }

  // ----- ratings: villagers who were checked in rate the event; both sides rate a confirmed order
  const eventRatings: EventRatingRow[] = [];
  const orderRatings: OrderRatingRow[] = [];
  const textFor = (stars: number, category: Category) => (chance(0.2) ? '' : stars === 5 && chance(0.6) ? pick(PRAISE[category]) : pick(STARS_TEXT[stars]));
  for (const e of events) {
    if (!e.order.steps.some((s) => s.event === 'complete')) continue;
    for (const r of e.reservations) {
      if (r.row.status !== 'checked_in' || r.row.userId === null) continue;
      if (!chance(demoVillagers.has(r.row.userId) ? 0.75 : 0.45)) continue;
      const created = plus(e.row.endsAt, between(60, 96 * 60) * MINUTE);
      if (created.getTime() >= cutoff.getTime()) continue;
      const stars = clampStars(e.order.quality + 0.75 * gaussian());
      eventRatings.push({
        id: 0,
        eventId: e.row.id,
        projectId: e.row.projectId,
        userId: r.row.userId,
        stars,
        text: textFor(stars, e.row.category),
        photo: null,
        hidden: false,
        hiddenReason: null,
        createdAt: created,
        updatedAt: created,
      });
    }
  }
  for (const o of sortedOrders) {
    if (o.row.status !== 'confirmed') continue;
    const confirmedAt = o.steps[o.steps.length - 1].at;
    const hallSide = plus(confirmedAt, between(30, 72 * 60) * MINUTE);
    if (chance(0.85) && hallSide.getTime() < cutoff.getTime()) {
      const scores = { content: clampStars(o.quality + 0.6 * gaussian()), punctuality: clampStars(o.quality + 0.3 + 0.6 * gaussian()), audience: clampStars(o.quality + 0.6 * gaussian()) };
      const stars = round2((scores.content + scores.punctuality + scores.audience) / 3);
      orderRatings.push({ id: 0, orderId: o.row.id, side: 'hall', raterId: o.row.orderedBy, scores, stars, text: chance(0.25) ? '' : pick(HALL_RATES_PROVIDER[clampStars(stars)]), hidden: false, hiddenReason: null, createdAt: hallSide });
    }
    const providerSide = plus(confirmedAt, between(30, 96 * 60) * MINUTE);
    if (chance(0.7) && providerSide.getTime() < cutoff.getTime()) {
      const q = hallQuality.get(o.hall.id)!;
      const scores = { organisation: clampStars(q + 0.6 * gaussian()), turnout: clampStars(q - 0.2 + 0.6 * gaussian()) };
      const stars = round2((scores.organisation + scores.turnout) / 2);
      orderRatings.push({
        id: 0,
        orderId: o.row.id,
        side: 'provider',
        raterId: memberOf.get(o.project.providerId)!,
        scores,
        stars,
        text: chance(0.3) ? '' : pick(PROVIDER_RATES_HALL[clampStars(stars)]),
        hidden: false,
        hiddenReason: null,
        createdAt: providerSide,
      });
    }
  }
  eventRatings.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).forEach((r) => (r.id = ids.eventRating++));
  orderRatings.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).forEach((r) => (r.id = ids.orderRating++));

  // ----- transition history, oldest first
  const history: (HistoryRow & { seq: number })[] = [];
  const record = (entityType: HistoryRow['entityType'], entityId: number, steps: Step[]) => {
    for (const s of steps) {
      history.push({ entityType, entityId, fromState: s.from, toState: s.to, event: s.event, actorId: s.actorId, actorRole: s.role, reason: s.reason, createdAt: s.at, seq: history.length });
    }
  };
  for (const o of sortedOrders) record('order', o.row.id, o.steps);
  for (const r of reservations) record('reservation', r.row.id, r.steps);
  for (const n of sortedNeeds) record('need', n.row.id, n.steps);
  history.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.seq - b.seq);

  // ----- what the counters on halls and projects say
  const hallQuotas = world.halls.map((h) => ({
    id: h.id,
    quotaYear: currentYear,
    quotaUsed: orders.filter((o) => o.hall.id === h.id && o.row.quotaYear === currentYear && !o.row.quotaReturned).length,
  }));
  const orderCounts = new Map<number, number>();
  for (const o of orders) orderCounts.set(o.project.id, (orderCounts.get(o.project.id) ?? 0) + 1);
  const byOrderId = new Map(orders.map((o) => [o.row.id, o]));

  return {
    users,
    userRoles,
    hallManagers,
    providerMembers,
    providerTeams,
    orders: sortedOrders.map((o) => o.row),
    events: events.map((e) => e.row),
    reservations: reservations.map((r) => r.row),
    eventRatings,
    orderRatings,
    needs: sortedNeeds.map((n) => n.row),
    needUpvotes: upvotes.map((u) => ({ needId: u.need.row.id, userId: u.userId, createdAt: u.createdAt })),
    needResponses: byTime(responses).map((r) => r.row),
    history: history.map(({ seq: _seq, ...row }) => row),
    hallQuotas,
    projectOrderCounts: [...orderCounts.entries()].map(([id, orderCount]) => ({ id, orderCount })),
    ratedProjectIds: [...new Set([...eventRatings.map((r) => r.projectId), ...orderRatings.filter((r) => r.side === 'hall').map((r) => byOrderId.get(r.orderId)!.project.id)])].sort((a, b) => a - b),
    ratedHallIds: [...new Set(orderRatings.filter((r) => r.side === 'provider').map((r) => byOrderId.get(r.orderId)!.hall.id))].sort((a, b) => a - b),
    brandProjectIds: brand.map((p) => p.id),
    lowScoreProjectId: lowScore?.id ?? null,
  };
}
