/** Words for the admin workspace: values, scopes, import results and audit entries as an official reads them. */
import {
  HALL_FACILITY_LABELS,
  NEED_STATE_LABELS,
  NOMINATION_EVENT_LABELS,
  ORDER_STATE_LABELS,
  PROJECT_STATE_LABELS,
  RESERVATION_STATE_LABELS,
  ROLE_LABELS,
  type AdminUserRoleDto,
  type AuditEntryDto,
  type HallBlackoutPeriod,
  type HallFacility,
  type ImportMode,
  type ImportRowResult,
  type RuleKey,
  type UserRole,
} from '@hall-menu/shared';
import { formatDate, formatDateTime } from '../../utils/format';

/** Tone of the status tag (app.scss `status-tag--*`) for each import row result. */
export const IMPORT_RESULT_TONES: Record<ImportRowResult, 'ok' | 'waiting' | 'ended' | 'alert'> = {
  create: 'ok',
  update: 'waiting',
  unchanged: 'ended',
  error: 'alert',
};

export const IMPORT_MODE_LABELS: Record<ImportMode, string> = { 'only-if-clean': '全部无误才导入', 'skip-errors': '跳过错误行' };

export const MATCH_WEIGHT_LABELS = {
  category: '类别相符',
  coverage: '区域覆盖',
  availability: '档期可用',
  rating: '评分',
  fairness: '公平性',
  proximity: '距离远近',
} as const;
export type MatchWeightKey = keyof typeof MATCH_WEIGHT_LABELS;
export const MATCH_WEIGHT_KEYS = Object.keys(MATCH_WEIGHT_LABELS) as MatchWeightKey[];

/** A rule's value with its unit: "48 小时"; the matching weights as "类别相符 30、区域覆盖 20…". */
export function formatRuleValue(key: RuleKey, unit: string, value: unknown): string {
  if (key === 'matchWeights' && value && typeof value === 'object') {
    const weights = value as Record<string, unknown>;
    return MATCH_WEIGHT_KEYS.map((k) => `${MATCH_WEIGHT_LABELS[k]} ${String(weights[k] ?? 0)}`).join('、');
  }
  return unit ? `${String(value)} ${unit}` : String(value);
}

/** What a role reaches: "审核员 · 瑞安市", "礼堂管理员 · 鲍田村文化礼堂、…", "平台管理员 · 全平台". */
export function roleScopeText(role: AdminUserRoleDto): string {
  if (role.role === 'hall_manager') return role.halls.length ? role.halls.map((hall) => hall.name).join('、') : '尚未分配礼堂';
  if (role.role === 'provider') return role.provider?.name ?? '尚未加入服务方';
  if (role.role === 'reviewer' || role.role === 'admin') return role.region?.name ?? '全平台';
  return '';
}

export const roleWithScope = (role: AdminUserRoleDto) => {
  const scope = roleScopeText(role);
  return scope ? `${role.label} · ${scope}` : role.label;
};

export const formatBlackout = (period: HallBlackoutPeriod) =>
  `${period.from === period.to ? formatDate(period.from) : `${formatDate(period.from)} 至 ${formatDate(period.to)}`}${period.note ? `（${period.note}）` : ''}`;

export const formatFacilities = (facilities: HallFacility[]) => (facilities.length ? facilities.map((f) => HALL_FACILITY_LABELS[f]).join('、') : '未填写');

/** Names of the fields an admin change records, in the audit trail and in import changes. */
const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  villageCode: '村（社区）代码',
  address: '地址',
  latitude: '纬度',
  longitude: '经度',
  seats: '座位数',
  facilities: '设施',
  starLevel: '星级',
  annualQuota: '年度点单额度',
  quotaYear: '额度年份',
  quotaUsed: '已用额度',
  active: '开放',
  blackouts: '暂停接待日期',
  role: '角色',
  hallIds: '礼堂编号',
  providerId: '服务方编号',
  providerIds: '服务方编号',
  regionCode: '地区代码',
  previousRegionCode: '原地区代码',
  disabled: '已停用',
  userId: '用户编号',
  nickname: '昵称',
  value: '取值',
  kind: '类型',
  hallId: '礼堂编号',
  mode: '导入方式',
  created: '新建',
  updated: '更新',
  skippedErrors: '跳过的错误行',
  importId: '导入批次',
  fileName: '文件名',
  expiresAt: '有效期至',
  inviteId: '邀请码编号',
};

function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (field === 'role' && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as UserRole];
  if (field === 'facilities' && Array.isArray(value)) return formatFacilities(value as HallFacility[]);
  if (field === 'blackouts' && Array.isArray(value)) return value.length ? (value as HallBlackoutPeriod[]).map(formatBlackout).join('；') : '无';
  if (field === 'kind') return value === 'hall_manager' ? '礼堂管理员' : value === 'provider' ? '服务方成员' : String(value);
  if (field === 'expiresAt' && typeof value === 'string') return formatDateTime(value);
  if (field === 'mode') return IMPORT_MODE_LABELS[value as ImportMode] ?? String(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** An admin change as lines a person reads: "年度点单额度：12 → 20"; a field only set or only removed shows one side. */
export function describeChange(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => {
    const label = fieldLabel(field);
    const had = before !== null && field in before;
    const has = after !== null && field in after;
    if (had && has) return `${label}：${formatValue(field, before[field])} → ${formatValue(field, after[field])}`;
    return `${label}：${formatValue(field, had ? before![field] : after![field])}`;
  });
}

const STATE_LABELS: Record<string, Record<string, string>> = {
  order: ORDER_STATE_LABELS,
  project: PROJECT_STATE_LABELS,
  revision: { pending_review: '审核中', approved: '已通过', rejected: '未通过', withdrawn: '已撤回' },
  need: NEED_STATE_LABELS,
  reservation: RESERVATION_STATE_LABELS,
};

/** A workflow state in words, or the state's own name for an object this page does not know. */
export const stateLabel = (objectType: string, state: string | null) => (state === null ? '' : (STATE_LABELS[objectType]?.[state] ?? state));

/** "待服务方答复 → 已确定时间" for a transition; the change lines for an admin change. */
export function auditDetails(entry: AuditEntryDto): string[] {
  if (entry.source === 'transition') {
    const from = stateLabel(entry.objectType, entry.fromState);
    const to = stateLabel(entry.objectType, entry.toState);
    return from || to ? [from ? `${from} → ${to}` : `→ ${to}`] : [];
  }
  return describeChange(entry.before, entry.after);
}

/** Events the server names only by key (it labels orders and projects); said in Chinese here. */
const EVENT_LABELS: Record<string, Record<string, string>> = {
  reservation: { check_in: '签到', cancel: '取消预约', mark_no_show: '记为未到场', promote: '候补转为预约', lapse: '候补未成功' },
  need: { match: '对接成功', close: '关闭需求', expire: '需求过期' },
  revision: { approve: '修改审核通过', reject: '修改被退回', withdraw: '撤回修改' },
  nomination: NOMINATION_EVENT_LABELS,
};

/** The action in words: the server's label, unless it is only the event's key. */
export function actionText(entry: AuditEntryDto): string {
  if (!/^[a-z_]+$/.test(entry.actionLabel)) return entry.actionLabel;
  return EVENT_LABELS[entry.objectType]?.[entry.action] ?? entry.actionLabel;
}
