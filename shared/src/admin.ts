/**
 * Administration (平台管理): halls, bulk import, accounts and roles, invite codes, rules, audit trail.
 * Schemas validate at the edge on both sides; types are the response shapes of `/api/admin/*`.
 */
import { z } from 'zod';
import type { HallFacility } from './types/catalog';
import { USER_ROLES, type UserRole } from './types/roles';
import type { HallDto } from './types/api';
import { pageQuerySchema, regionCodeSchema } from './schemas/common';

/** An id in a JSON body. */
const idField = (label: string) =>
  z.number({ required_error: `请选择${label}`, invalid_type_error: `${label}编号必须是数字` }).int(`${label}编号必须是整数`).positive(`${label}编号必须是正数`);
/** An id in a query string, where everything arrives as text. */
const idQuery = (label: string) =>
  z.coerce.number({ invalid_type_error: `${label}编号必须是数字` }).int(`${label}编号必须是整数`).positive(`${label}编号必须是正数`);
const isoDay = z
  .string({ required_error: '请选择日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-05-01')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), '不是有效的日期');
const reasonText = z.string().trim().max(200, '原因最多 200 个字');

// ---------------------------------------------------------------- rules

export const matchWeightsSchema = z
  .object({
    category: z.number({ required_error: '请填写类别相符的权重', invalid_type_error: '权重必须是数字' }).min(0, '权重不能为负').max(100, '权重最大 100'),
    coverage: z.number({ required_error: '请填写服务区域覆盖的权重', invalid_type_error: '权重必须是数字' }).min(0, '权重不能为负').max(100, '权重最大 100'),
    availability: z.number({ required_error: '请填写档期可用的权重', invalid_type_error: '权重必须是数字' }).min(0, '权重不能为负').max(100, '权重最大 100'),
    rating: z.number({ required_error: '请填写评分的权重', invalid_type_error: '权重必须是数字' }).min(0, '权重不能为负').max(100, '权重最大 100'),
    fairness: z.number({ required_error: '请填写公平性的权重', invalid_type_error: '权重必须是数字' }).min(0, '权重不能为负').max(100, '权重最大 100'),
    proximity: z.number({ required_error: '请填写距离远近的权重', invalid_type_error: '权重必须是数字' }).min(0, '权重不能为负').max(100, '权重最大 100'),
  })
  .strict()
  .refine((w) => Object.values(w).some((v) => v > 0), { message: '至少要有一项权重大于 0' });

const wholeNumber = (min: number, max: number, unit: string) =>
  z
    .number({ required_error: '请填写数值', invalid_type_error: '请填写数字' })
    .int('请填写整数')
    .min(min, `最小为 ${min} ${unit}`)
    .max(max, `最大为 ${max} ${unit}`);

/** Every configurable rule with its validation. Defaults come from the server's start-up configuration. */
export const RULE_SCHEMAS = {
  orderAnswerHours: wholeNumber(1, 720, '小时'),
  orderConfirmHours: wholeNumber(1, 720, '小时'),
  cancelNoticeHours: wholeNumber(0, 720, '小时'),
  reservationMaxSeats: wholeNumber(1, 10, '个'),
  reservationCancelCutoffMinutes: wholeNumber(0, 10080, '分钟'),
  noShowLimit: wholeNumber(1, 100, '次'),
  noShowWindowMonths: wholeNumber(1, 60, '个月'),
  noShowSuspendMonths: wholeNumber(0, 60, '个月'),
  ratingEditWindowDays: wholeNumber(0, 90, '天'),
  matchWeights: matchWeightsSchema,
} as const;

export type RuleKey = keyof typeof RULE_SCHEMAS;
export const RULE_KEYS = Object.keys(RULE_SCHEMAS) as RuleKey[];
export type RuleValues = { [K in RuleKey]: z.infer<(typeof RULE_SCHEMAS)[K]> };

export const RULE_INFO: Record<RuleKey, { label: string; description: string; unit: string }> = {
  orderAnswerHours: { label: '点单答复期限', description: '服务方须在礼堂点单后多少小时内答复，逾期点单自动失效并退回额度', unit: '小时' },
  orderConfirmHours: { label: '自动确认期限', description: '服务方报告完成后，礼堂在多少小时内未确认即自动确认', unit: '小时' },
  cancelNoticeHours: { label: '取消提前量', description: '已约定的服务，礼堂至少提前多少小时取消才退回点单额度', unit: '小时' },
  reservationMaxSeats: { label: '每人可预约座位', description: '村民每场活动最多可预约的座位数（对之后新安排的活动生效）', unit: '个' },
  reservationCancelCutoffMinutes: { label: '预约取消截止', description: '活动开始前多少分钟内不能再取消预约', unit: '分钟' },
  noShowLimit: { label: '爽约次数上限', description: '统计期内预约后未到场达到这个次数，暂停预约资格', unit: '次' },
  noShowWindowMonths: { label: '爽约统计期', description: '统计爽约次数的时间范围', unit: '个月' },
  noShowSuspendMonths: { label: '暂停预约时长', description: '达到爽约上限后暂停预约的时长，0 表示不暂停', unit: '个月' },
  ratingEditWindowDays: { label: '评价修改期限', description: '村民评价后多少天内可以修改', unit: '天' },
  matchWeights: { label: '推荐匹配权重', description: '为礼堂推荐项目、为服务方推荐需求时各因素的权重：类别、区域覆盖、档期、评分、公平性、距离', unit: '' },
};

export const ruleUpdateSchema = z.object({
  /** Checked against the rule's own schema on the server (the key is in the path). */
  value: z.unknown().refine((v) => v !== undefined, { message: '请填写新的取值' }),
  reason: reasonText.optional(),
});
export type RuleUpdateInput = z.infer<typeof ruleUpdateSchema>;

export const ruleKeyParamSchema = z.enum(RULE_KEYS as [RuleKey, ...RuleKey[]], { errorMap: () => ({ message: '没有这条规则' }) });

export interface PersonRef {
  id: number;
  nickname: string;
}

export interface RuleDto {
  key: RuleKey;
  label: string;
  description: string;
  unit: string;
  value: unknown;
  defaultValue: unknown;
  isDefault: boolean;
  updatedBy: PersonRef | null;
  updatedAt: string | null;
}

export interface RuleChangeDto {
  id: number;
  key: RuleKey;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  changedBy: PersonRef | null;
  changedAt: string;
}

// ---------------------------------------------------------------- audit

/** Kinds of objects an admin change is about. Workflow objects (order, project…) come from transition history. */
export const ADMIN_OBJECT_TYPES = ['hall', 'user', 'invite', 'rule', 'hall_import'] as const;
export type AdminObjectType = (typeof ADMIN_OBJECT_TYPES)[number];

export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  hall: '礼堂',
  user: '账号',
  invite: '邀请码',
  rule: '规则',
  hall_import: '礼堂导入',
  order: '点单',
  project: '服务项目',
  revision: '项目修改',
  need: '需求',
  reservation: '预约',
};

export const ADMIN_ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  set_quota: '设置点单额度',
  set_blackouts: '设置暂停接待日期',
  close: '关闭',
  reopen: '重新开放',
  add_manager: '添加管理员',
  remove_manager: '移除管理员',
  import_create: '批量导入新建',
  import_update: '批量导入修改',
  confirm: '确认导入',
  grant_role: '授予角色',
  revoke_role: '撤销角色',
  disable: '停用账号',
  enable: '启用账号',
  redeem_invite: '使用邀请码',
  revoke: '作废',
};

export const auditQuerySchema = z
  .object({
    objectType: z.string().trim().regex(/^[a-z_]{2,20}$/, '对象类型格式不对').optional(),
    objectId: z.string().trim().min(1).max(40, '对象编号最多 40 个字').optional(),
    actorId: idQuery('操作人').optional(),
    /** Beijing calendar days, inclusive. */
    from: isoDay.optional(),
    to: isoDay.optional(),
    cursor: z.string().max(200, '分页标记无效').optional(),
    limit: z.coerce.number({ invalid_type_error: '条数必须是数字' }).int().min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(30),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntryDto {
  /** Unique across sources: `t<id>` for transition history, `a<id>` for admin changes. */
  id: string;
  source: 'transition' | 'admin';
  objectType: string;
  objectLabel: string;
  objectId: string;
  action: string;
  actionLabel: string;
  /** Workflow transitions only. */
  fromState: string | null;
  toState: string | null;
  /** Admin changes only: the changed fields before and after. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  actor: { id: number | null; nickname: string | null; role: string };
  at: string;
}

export interface AuditPage {
  items: AuditEntryDto[];
  /** Pass back as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

// ---------------------------------------------------------------- halls

export const HALL_STATUS_FILTERS = ['open', 'closed', 'all'] as const;

export const adminHallQuerySchema = pageQuerySchema.extend({
  region: regionCodeSchema.optional(),
  q: z.string().trim().max(30, '搜索词最多 30 个字').optional(),
  status: z.enum(HALL_STATUS_FILTERS, { errorMap: () => ({ message: '状态只能是 open、closed 或 all' }) }).default('all'),
});
export type AdminHallQuery = z.infer<typeof adminHallQuerySchema>;

export interface HallBlackoutPeriod {
  from: string;
  to: string;
  note: string;
}

export interface AdminHallDto extends HallDto {
  quotaYear: number;
  /** What is left of this year's quota. */
  quotaLeft: number;
  blackouts: HallBlackoutPeriod[];
  managers: PersonRef[];
}

export const hallQuotaSchema = z.object({
  annualQuota: z
    .number({ required_error: '请填写年度点单额度', invalid_type_error: '年度点单额度必须是数字' })
    .int('年度点单额度必须是整数')
    .min(0, '年度点单额度不能为负')
    .max(200, '年度点单额度最多 200'),
  reason: reasonText.optional(),
});
export type HallQuotaInput = z.infer<typeof hallQuotaSchema>;

export const hallBlackoutsSchema = z.object({
  periods: z
    .array(
      z
        .object({ from: isoDay, to: isoDay, note: z.string().trim().max(40, '说明最多 40 个字').default('') })
        .refine((p) => p.from <= p.to, { message: '结束日期不能早于开始日期', path: ['to'] }),
    )
    .max(20, '暂停接待日期最多 20 段'),
  /**
   * Without it, newly covered days that already have services scheduled (accepted orders, their events) are refused
   * with 409 and `details.scheduledServices`; with it the periods are set anyway and the hall's managers and those
   * services' providers are notified.
   */
  force: z.boolean({ invalid_type_error: 'force 只能是 true 或 false' }).default(false),
});
export type HallBlackoutsInput = z.infer<typeof hallBlackoutsSchema>;

/** A service already scheduled on a day a new blackout period covers: what the admin talks to the provider about. */
export interface BlackoutScheduledService {
  orderId: number;
  /** The villagers' event of the order, when it has one. */
  eventId: number | null;
  /** Beijing day the service starts, 'YYYY-MM-DD'. */
  date: string;
  startsAt: string;
  endsAt: string;
  /** The project's title as the event shows it. */
  title: string;
  provider: { id: number; name: string; contactName: string; contactPhone: string };
}

/** `details` of the 409 answer to a blackout change that covers scheduled services. */
export interface BlackoutConflictDetails {
  scheduledServices: BlackoutScheduledService[];
}

export const hallCloseSchema = z.object({
  reason: z.string({ required_error: '请填写关闭原因' }).trim().min(2, '请填写关闭原因').max(200, '原因最多 200 个字'),
});
export type HallCloseInput = z.infer<typeof hallCloseSchema>;

export const hallManagerSchema = z.object({ userId: idField('用户') });
export type HallManagerInput = z.infer<typeof hallManagerSchema>;

// ---------------------------------------------------------------- bulk import

/** Columns of the import/export sheet, in order. `key` is the field, `header` what the sheet says. */
export const HALL_SHEET_COLUMNS = [
  { key: 'id', header: '礼堂编号' },
  { key: 'county', header: '区县' },
  { key: 'villageCode', header: '村/社区代码' },
  { key: 'villageName', header: '村/社区' },
  { key: 'name', header: '礼堂名称' },
  { key: 'address', header: '地址' },
  { key: 'latitude', header: '纬度' },
  { key: 'longitude', header: '经度' },
  { key: 'seats', header: '座位数' },
  { key: 'facilities', header: '设施' },
  { key: 'starLevel', header: '星级' },
  { key: 'annualQuota', header: '年度点单额度' },
] as const;
export type HallSheetKey = (typeof HALL_SHEET_COLUMNS)[number]['key'];

export const hallExportQuerySchema = z.object({ region: regionCodeSchema.optional() });
export type HallExportQuery = z.infer<typeof hallExportQuerySchema>;

export const IMPORT_ROW_RESULTS = ['create', 'update', 'unchanged', 'error'] as const;
export type ImportRowResult = (typeof IMPORT_ROW_RESULTS)[number];
export const IMPORT_ROW_RESULT_LABELS: Record<ImportRowResult, string> = { create: '新建', update: '更新', unchanged: '无变化', error: '有错误' };

export const IMPORT_MODES = ['only-if-clean', 'skip-errors'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const hallImportConfirmSchema = z.object({
  mode: z.enum(IMPORT_MODES, { errorMap: () => ({ message: '导入方式只能是 only-if-clean（全部无误才导入）或 skip-errors（跳过错误行）' }) }).default('only-if-clean'),
});
export type HallImportConfirmInput = z.infer<typeof hallImportConfirmSchema>;

export const hallImportRowsQuerySchema = pageQuerySchema.extend({
  pageSize: pageQuerySchema.shape.pageSize.removeDefault().default(100),
  result: z.enum(IMPORT_ROW_RESULTS, { errorMap: () => ({ message: '结果只能是 create、update、unchanged 或 error' }) }).optional(),
});
export type HallImportRowsQuery = z.infer<typeof hallImportRowsQuerySchema>;

/** The hall a row describes, normalised (what will be written). */
export interface HallImportValues {
  name: string;
  villageCode: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  seats: number;
  facilities: HallFacility[];
  starLevel: number;
  annualQuota: number;
}

export interface HallImportChange {
  field: keyof HallImportValues;
  label: string;
  from: unknown;
  to: unknown;
}

export interface HallImportRowDto {
  /** Row number in the sheet (the header is row 1 when it is the first row). */
  line: number;
  result: ImportRowResult;
  /** The existing hall the row matched at preview (updates and unchanged rows). */
  hallId: number | null;
  /** After confirmation: the hall this row created or updated; null before, and for rows not written. */
  writtenHallId: number | null;
  name: string;
  villageCode: string | null;
  /** County-down path of the village, when it was found. */
  villagePath: string | null;
  /** Why the row cannot be imported, one sentence per problem. */
  errors: string[];
  /** For updates: what changes. */
  changes: HallImportChange[];
}

/** One upload as the list of past imports shows it. */
export interface HallImportSummaryDto {
  id: number;
  fileName: string;
  status: 'previewed' | 'confirmed';
  mode: ImportMode | null;
  /** Who uploaded it (null if the account is gone). Only they may confirm it. */
  createdBy: PersonRef | null;
  createdAt: string;
  /** A preview must be confirmed before this time. */
  expiresAt: string;
  confirmedAt: string | null;
  counts: Record<ImportRowResult, number> & { total: number };
}

export interface HallImportDto extends HallImportSummaryDto {
  rows: { items: HallImportRowDto[]; total: number; page: number; pageSize: number };
}

/** `GET /admin/hall-imports`: newest first; an admin sees every upload, a reviewer their own. */
export const hallImportListQuerySchema = pageQuerySchema;
export type HallImportListQuery = z.infer<typeof hallImportListQuerySchema>;

// ---------------------------------------------------------------- accounts and roles

export const adminUserQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(30, '搜索词最多 30 个字').optional(),
  role: z.enum(USER_ROLES, { errorMap: () => ({ message: '不是可选的角色' }) }).optional(),
  disabled: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'disabled 只能是 true 或 false' }) })
    .transform((v) => v === 'true')
    .optional(),
});
export type AdminUserQuery = z.infer<typeof adminUserQuerySchema>;

export interface AdminUserRoleDto {
  role: UserRole;
  label: string;
  /** reviewer/admin: the region overseen (null = whole platform). */
  region: { code: string; name: string } | null;
  /** hall_manager: the halls managed. */
  halls: { id: number; name: string; villageCode: string }[];
  /** provider: the organisation. */
  provider: { id: number; name: string } | null;
}

export interface AdminUserDto {
  id: number;
  nickname: string;
  /** Masked: 138****1234. */
  phone: string | null;
  village: { code: string; name: string } | null;
  disabled: boolean;
  createdAt: string;
  roles: AdminUserRoleDto[];
}

export const roleGrantSchema = z.discriminatedUnion(
  'role',
  [
    z.object({ role: z.literal('villager') }),
    z.object({
      role: z.literal('hall_manager'),
      hallIds: z.array(idField('礼堂'), { required_error: '请选择要管理的礼堂' }).min(1, '请至少选择一个礼堂').max(50, '一次最多 50 个礼堂'),
    }),
    z.object({ role: z.literal('provider'), providerId: idField('服务方') }),
    z.object({ role: z.literal('reviewer'), regionCode: regionCodeSchema }),
    /** Without a region the admin is platform-wide. */
    z.object({ role: z.literal('admin'), regionCode: regionCodeSchema.nullable().default(null) }),
  ],
  { errorMap: () => ({ message: '请选择角色：村民、礼堂管理员、服务方、审核员或平台管理员' }) },
);
export type RoleGrantInput = z.infer<typeof roleGrantSchema>;

export const roleParamSchema = z.enum(USER_ROLES, { errorMap: () => ({ message: '不是可选的角色' }) });

export const roleRevokeQuerySchema = z.object({
  /** hall_manager only: remove just this hall; without it every hall (and the role) goes. */
  hallId: idQuery('礼堂').optional(),
});
export type RoleRevokeQuery = z.infer<typeof roleRevokeQuerySchema>;

export const accountDisableSchema = z.object({
  reason: z.string({ required_error: '请填写停用原因' }).trim().min(2, '请填写停用原因').max(200, '原因最多 200 个字'),
});
export type AccountDisableInput = z.infer<typeof accountDisableSchema>;

// ---------------------------------------------------------------- invite codes

export const INVITE_KINDS = ['hall_manager', 'provider'] as const;
export type InviteKind = (typeof INVITE_KINDS)[number];
export const INVITE_STATUSES = ['pending', 'redeemed', 'expired', 'revoked'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];
export const INVITE_STATUS_LABELS: Record<InviteStatus, string> = { pending: '待使用', redeemed: '已使用', expired: '已过期', revoked: '已作废' };

const expiresInDays = z.number({ invalid_type_error: '有效天数必须是数字' }).int('有效天数必须是整数').min(1, '有效期至少 1 天').max(30, '有效期最多 30 天').default(7);

export const inviteCreateSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('hall_manager'), hallId: idField('礼堂'), expiresInDays }),
    z.object({ kind: z.literal('provider'), providerId: idField('服务方'), expiresInDays }),
  ],
  { errorMap: () => ({ message: '请选择邀请类型：礼堂管理员或服务方成员' }) },
);
export type InviteCreateInput = z.infer<typeof inviteCreateSchema>;

export const inviteQuerySchema = pageQuerySchema.extend({
  status: z.enum(INVITE_STATUSES, { errorMap: () => ({ message: '不是可选的状态' }) }).optional(),
});
export type InviteQuery = z.infer<typeof inviteQuerySchema>;

export const inviteRedeemSchema = z.object({
  code: z
    .string({ required_error: '请输入邀请码' })
    .transform((c) => c.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().min(1, '请输入邀请码').regex(/^[A-Z0-9]{6,16}$/, '邀请码由字母和数字组成，请核对后重新输入')),
});
export type InviteRedeemInput = z.infer<typeof inviteRedeemSchema>;

export interface InviteDto {
  id: number;
  kind: InviteKind;
  /** Shown once, in the response that created it; null afterwards (only its hash is kept). */
  code: string | null;
  hall: { id: number; name: string } | null;
  provider: { id: number; name: string } | null;
  status: InviteStatus;
  createdBy: PersonRef | null;
  createdAt: string;
  expiresAt: string;
  redeemedBy: PersonRef | null;
  redeemedAt: string | null;
}

