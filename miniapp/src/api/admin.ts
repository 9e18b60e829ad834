import Taro from '@tarojs/taro';
import {
  type AdminHallDto,
  type AdminHallQuery,
  type AdminUserDto,
  type AdminUserQuery,
  type AuditPage,
  type AuditQuery,
  type HallBlackoutPeriod,
  type HallDto,
  type HallImportDto,
  type HallImportListQuery,
  type HallImportRowsQuery,
  type HallImportSummaryDto,
  type HallInput,
  type HallQuotaInput,
  type HallUpdateInput,
  type ImportMode,
  type InviteCreateInput,
  type InviteDto,
  type InviteQuery,
  type Paged,
  type ProviderDto,
  type ProviderQuery,
  type RoleGrantInput,
  type RuleChangeDto,
  type RuleDto,
  type RuleKey,
  type UserRole,
} from '@hall-menu/shared';
import { newIdempotencyKey } from '../utils/idempotency';
import { ApiError } from './api-error';
import { downloadFile, parseJson } from './download';
import { apiUrl, request, withSession } from './request';

// ---------------------------------------------------------------- halls

export const listAdminHalls = (query: Partial<AdminHallQuery>) => request<Paged<AdminHallDto>>('/admin/halls', { query });

export const getAdminHall = (id: number) => request<AdminHallDto>(`/admin/halls/${id}`);

export const createHall = (input: HallInput) => request<HallDto>('/halls', { method: 'POST', body: input });

/** Optional fields left out keep their value on the server. */
export const updateHall = (id: number, input: HallUpdateInput) => request<HallDto>(`/halls/${id}`, { method: 'PUT', body: input });

export const setHallQuota = (id: number, input: HallQuotaInput) => request<AdminHallDto>(`/admin/halls/${id}/quota`, { method: 'PUT', body: input });

/**
 * Replaces the whole list of periods. Newly covered days with services scheduled are refused (409 with
 * `BlackoutConflictDetails`) unless `force`, which sets them anyway and notifies the managers and providers.
 */
export const setHallBlackouts = (id: number, periods: HallBlackoutPeriod[], force = false) =>
  request<AdminHallDto>(`/admin/halls/${id}/blackouts`, { method: 'PUT', body: force ? { periods, force } : { periods } });

export const closeHall = (id: number, reason: string) => request<AdminHallDto>(`/admin/halls/${id}/close`, { method: 'POST', body: { reason } });

export const reopenHall = (id: number) => request<AdminHallDto>(`/admin/halls/${id}/reopen`, { method: 'POST' });

export const addHallManager = (id: number, userId: number) => request<AdminHallDto>(`/admin/halls/${id}/managers`, { method: 'POST', body: { userId } });

export const removeHallManager = (id: number, userId: number) => request<AdminHallDto>(`/admin/halls/${id}/managers/${userId}`, { method: 'DELETE' });

// ---------------------------------------------------------------- bulk import

const UPLOAD_TIMEOUT_MS = 60_000;

/** A sheet the person picked: a browser `File` in H5, a temporary path from `chooseMessageFile` in the weapp. */
export type PickedSheet = { kind: 'browser'; file: File } | { kind: 'weapp'; path: string; name: string };

async function postSheet(sheet: PickedSheet, accessToken: string | undefined): Promise<HallImportDto> {
  const url = apiUrl('/admin/hall-imports');
  const authorization: Record<string, string> = accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
  let status: number;
  let body: unknown;
  if (sheet.kind === 'browser') {
    const form = new FormData();
    form.append('file', sheet.file, sheet.file.name);
    try {
      const response = await fetch(url, { method: 'POST', headers: authorization, body: form });
      status = response.status;
      body = parseJson(await response.text());
    } catch {
      throw ApiError.network();
    }
  } else {
    try {
      const response = await Taro.uploadFile({ url, filePath: sheet.path, name: 'file', fileName: sheet.name, header: authorization, timeout: UPLOAD_TIMEOUT_MS });
      status = response.statusCode;
      body = parseJson(response.data);
    } catch {
      throw ApiError.network();
    }
  }
  if (status >= 200 && status < 300) return body as HallImportDto;
  throw ApiError.fromResponse(status, body);
}

/** Uploads a CSV or XLSX for a preview; nothing is written to the halls until it is confirmed. Posted once (no retry). */
export const uploadHallImport = (sheet: PickedSheet) => withSession(true, (accessToken) => postSheet(sheet, accessToken));

/** Past uploads, newest first (a reviewer sees their own). */
export const listHallImports = (query: Partial<HallImportListQuery> = {}) => request<Paged<HallImportSummaryDto>>('/admin/hall-imports', { query });

export const getHallImport = (id: number, query: Partial<HallImportRowsQuery> = {}) => request<HallImportDto>(`/admin/hall-imports/${id}`, { query });

/** The server answers a repeated confirm with the first result, so a lost answer may be retried. */
export const confirmHallImport = (id: number, mode: ImportMode) =>
  request<HallImportDto>(`/admin/hall-imports/${id}/confirm`, { method: 'POST', body: { mode }, idempotencyKey: newIdempotencyKey() });

export type SheetFileKind = 'template-xlsx' | 'template-csv' | 'export-xlsx' | 'export-csv';

const SHEET_FILES: Record<SheetFileKind, { path: string; name: string; type: 'xlsx' | 'csv' }> = {
  'template-xlsx': { path: '/admin/hall-imports/template.xlsx', name: '礼堂导入模板.xlsx', type: 'xlsx' },
  'template-csv': { path: '/admin/hall-imports/template.csv', name: '礼堂导入模板.csv', type: 'csv' },
  'export-xlsx': { path: '/admin/halls/export.xlsx', name: '礼堂名单.xlsx', type: 'xlsx' },
  'export-csv': { path: '/admin/halls/export.csv', name: '礼堂名单.csv', type: 'csv' },
};

/** The import template, or the halls of a region in the same format. */
export function downloadSheet(kind: SheetFileKind, region?: string): Promise<void> {
  const file = SHEET_FILES[kind];
  return downloadFile(apiUrl(file.path, kind.startsWith('export') ? { region } : undefined), file.name, file.type);
}

// ---------------------------------------------------------------- accounts and roles

export const listUsers = (query: Partial<Omit<AdminUserQuery, 'disabled'>> & { disabled?: 'true' | 'false' }) =>
  request<Paged<AdminUserDto>>('/admin/users', { query });

export const getUser = (id: number) => request<AdminUserDto>(`/admin/users/${id}`);

export const grantRole = (id: number, input: RoleGrantInput) => request<AdminUserDto>(`/admin/users/${id}/roles`, { method: 'POST', body: input });

/** `hallId` takes a single hall away from a hall manager; without it the whole role goes. */
export const revokeRole = (id: number, role: UserRole, hallId?: number) =>
  request<AdminUserDto>(`/admin/users/${id}/roles/${role}`, { method: 'DELETE', query: { hallId } });

export const disableUser = (id: number, reason: string) => request<AdminUserDto>(`/admin/users/${id}/disable`, { method: 'POST', body: { reason } });

export const enableUser = (id: number) => request<AdminUserDto>(`/admin/users/${id}/enable`, { method: 'POST' });

/** Organisations to pick for a provider role or invite. */
export const searchProviders = (query: Partial<ProviderQuery>) => request<Paged<ProviderDto>>('/providers', { query });

// ---------------------------------------------------------------- invites

export const createInvite = (input: InviteCreateInput) => request<InviteDto>('/admin/invites', { method: 'POST', body: input });

export const listInvites = (query: Partial<InviteQuery>) => request<Paged<InviteDto>>('/admin/invites', { query });

export const revokeInvite = (id: number) => request<InviteDto>(`/admin/invites/${id}/revoke`, { method: 'POST' });

// ---------------------------------------------------------------- rules

export const listRules = () => request<RuleDto[]>('/admin/rules');

export const ruleChanges = (key: RuleKey) => request<RuleChangeDto[]>(`/admin/rules/${key}/changes`);

export const updateRule = (key: RuleKey, value: unknown, reason?: string) => request<RuleDto>(`/admin/rules/${key}`, { method: 'PUT', body: { value, reason } });

// ---------------------------------------------------------------- audit

export const searchAudit = (query: Partial<AuditQuery>) => request<AuditPage>('/admin/audit', { query });
