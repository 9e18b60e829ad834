import type { ProjectEvent, ProjectState } from '../machines/project';
import type { RevisionEvent } from '../machines/revision';
import type { Audience, Category, ProviderKind } from './catalog';
import type { HonourBadge } from './rankings';
import type { ScoreSummary } from './ratings';

export const COST_TYPES = ['free', 'subsidised'] as const;
export type CostType = (typeof COST_TYPES)[number];
export const COST_LABELS: Record<CostType, string> = { free: '免费', subsidised: '礼堂承担部分费用' };

export const PROJECT_SOURCES = ['declared', 'village_gala'] as const;
export type ProjectSource = (typeof PROJECT_SOURCES)[number];
export const PROJECT_SOURCE_LABELS: Record<ProjectSource, string> = { declared: '服务方申报', village_gala: '村晚优秀节目' };

export const PROJECT_STATE_LABELS: Record<ProjectState, string> = {
  draft: '草稿',
  pending_review: '审核中',
  published: '已上架',
  rejected: '未通过',
  offline: '已下架',
  archived: '已归档',
};

export const PROJECT_EVENT_LABELS: Record<ProjectEvent, string> = {
  submit: '提交审核',
  approve: '审核通过',
  reject: '退回修改',
  resubmit: '重新提交',
  withdraw: '撤下',
  suspend: '暂停上架',
  archive: '归档',
};

/** Weekdays as ISO numbers: 1 = Monday … 7 = Sunday. */
export const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export const MENU_SORTS = ['newest', 'rating', 'popular', 'recommended'] as const;
export type MenuSort = (typeof MENU_SORTS)[number];
export const MENU_SORT_LABELS: Record<MenuSort, string> = { newest: '最新上架', rating: '评分最高', popular: '最受欢迎', recommended: '为本礼堂推荐' };

export interface TimeWindow {
  /** 'HH:MM', 24-hour. */
  start: string;
  end: string;
}

export interface DateRange {
  /** 'YYYY-MM-DD', inclusive. */
  from: string;
  to: string;
}

/** Everything a provider declares about a service project (申报内容). */
export interface ProjectContent {
  category: Category;
  title: string;
  description: string;
  /** URLs of uploaded photos, first one is the cover. */
  photos: string[];
  durationMinutes: number;
  audienceMin: number;
  audienceMax: number;
  targetAudience: Audience;
  /** On-site requirements (场地要求): stage, power, screen... in words. */
  requirements: string;
  /** Region codes the project can be delivered to; a county covers its villages. */
  serviceArea: string[];
  weekdays: number[];
  timeWindows: TimeWindow[];
  /** Days of notice the provider needs before a service date. */
  leadDays: number;
  blackoutDates: DateRange[];
  cost: CostType;
  costNote: string;
}

export interface ProjectProviderRef {
  id: number;
  name: string;
  kind: ProviderKind;
  verified: boolean;
}

/** A pending edit of a published project: reviewed while the published version stays on the menu. */
export interface RevisionSummary {
  id: number;
  status: 'pending_review' | 'rejected';
  reason: string | null;
  createdAt: string;
  content: ProjectContent;
  /** What the viewer may do with this edit (approve/reject for the region's reviewers, withdraw for the provider). */
  allowedActions: RevisionEvent[];
}

export interface ProjectDto extends ProjectContent {
  id: number;
  status: ProjectState;
  source: ProjectSource;
  revision: number;
  provider: ProjectProviderRef;
  ratingAverage: number | null;
  ratingCount: number;
  orderCount: number;
  createdAt: string;
  publishedAt: string | null;
  pendingRevision: RevisionSummary | null;
  /** What the viewer may do now, from the state machine and their scope: buttons are drawn from this. */
  allowedActions: ProjectEvent[];
  /** Whether the viewer may edit the content now (a published project's edit becomes a revision). */
  editable: boolean;
}

export interface MenuItemDto {
  id: number;
  title: string;
  category: Category;
  cover: string | null;
  summary: string;
  provider: ProjectProviderRef;
  durationMinutes: number;
  targetAudience: Audience;
  cost: CostType;
  ratingAverage: number | null;
  ratingCount: number;
  orderCount: number;
  publishedAt: string;
  /** 'village_gala': a 村晚 programme nominated into the menu. */
  source: ProjectSource;
  /** The provider's score from all its projects' ratings. */
  providerRating: ScoreSummary;
  /** 品牌项目 marks of the project, newest year first. */
  honours: HonourBadge[];
}

export interface ProjectDetailDto extends ProjectDto {
  /** The provider's other published projects, for a manager deciding. */
  otherProjects: MenuItemDto[];
  providerDescription: string;
  providerRating: ScoreSummary;
  /** 品牌项目 marks of the project, newest year first. */
  honours: HonourBadge[];
  /** 表彰 of the provider, newest year first. */
  providerHonours: HonourBadge[];
}

export interface HistoryEntryDto {
  id: number;
  event: string;
  fromState: string | null;
  toState: string;
  actorName: string | null;
  actorRole: string;
  reason: string | null;
  createdAt: string;
}

export interface ReviewQueueItemDto {
  kind: 'project' | 'revision';
  /** Project id (for a revision: the project it edits). */
  projectId: number;
  revisionId: number | null;
  title: string;
  category: Category;
  provider: ProjectProviderRef;
  serviceArea: string[];
  submittedAt: string;
}

export interface UploadDto {
  url: string;
  bytes: number;
  contentType: string;
}
