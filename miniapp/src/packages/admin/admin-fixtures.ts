/** Test data for the admin workspace's specs (not part of any page). */
import type { AdminHallDto, AdminUserDto, HallImportDto, HallImportRowDto, InviteDto, MeResponse, RuleDto } from '@hall-menu/shared';
import { noScopes } from '../../../test/fixtures';

export const cityAdmin: MeResponse = { id: 90, nickname: '林海', roles: ['admin'], scopes: { ...noScopes, region: { code: '3303', name: '温州市' } } };

export const countyReviewer: MeResponse = { id: 91, nickname: '吴敏', roles: ['reviewer'], scopes: { ...noScopes, region: { code: '330381', name: '瑞安市' } } };

export const adminHall = (overrides: Partial<AdminHallDto> = {}): AdminHallDto => ({
  id: 11,
  name: '鲍田村文化礼堂',
  villageCode: '330381102201',
  villageName: '鲍田村',
  regionPath: '瑞安市 塘下镇 鲍田村',
  address: '村委会东侧',
  latitude: null,
  longitude: null,
  seats: 200,
  facilities: ['stage', 'sound'],
  annualQuota: 12,
  quotaUsed: 3,
  starLevel: 3,
  active: true,
  quotaYear: 2026,
  quotaLeft: 9,
  blackouts: [],
  managers: [{ id: 2, nickname: '李建国' }],
  ...overrides,
});

export const adminUser = (overrides: Partial<AdminUserDto> = {}): AdminUserDto => ({
  id: 5,
  nickname: '陈小平',
  phone: '138****1234',
  village: { code: '330381102201', name: '瑞安市 塘下镇 鲍田村' },
  disabled: false,
  createdAt: '2026-01-05T02:00:00.000Z',
  roles: [{ role: 'villager', label: '村民', region: null, halls: [], provider: null }],
  ...overrides,
});

export const importRow = (overrides: Partial<HallImportRowDto> = {}): HallImportRowDto => ({
  line: 2,
  result: 'create',
  hallId: null,
  writtenHallId: null,
  name: '新塘村文化礼堂',
  villageCode: '330381102202',
  villagePath: '瑞安市 塘下镇 新塘村',
  errors: [],
  changes: [],
  ...overrides,
});

export const hallImport = (rows: HallImportRowDto[], overrides: Partial<HallImportDto> = {}): HallImportDto => {
  const count = (result: HallImportRowDto['result']) => rows.filter((row) => row.result === result).length;
  return {
    id: 7,
    fileName: '瑞安礼堂.xlsx',
    status: 'previewed',
    mode: null,
    createdBy: { id: cityAdmin.id, nickname: cityAdmin.nickname },
    createdAt: '2026-03-01T02:00:00.000Z',
    expiresAt: '2026-03-02T02:00:00.000Z',
    confirmedAt: null,
    counts: { total: rows.length, create: count('create'), update: count('update'), unchanged: count('unchanged'), error: count('error') },
    rows: { items: rows, total: rows.length, page: 1, pageSize: 20 },
    ...overrides,
  };
};

export const invite = (overrides: Partial<InviteDto> = {}): InviteDto => ({
  id: 3,
  kind: 'hall_manager',
  code: null,
  hall: { id: 11, name: '鲍田村文化礼堂' },
  provider: null,
  status: 'pending',
  createdBy: { id: 90, nickname: '林海' },
  createdAt: '2026-03-01T02:00:00.000Z',
  expiresAt: '2026-03-08T02:00:00.000Z',
  redeemedBy: null,
  redeemedAt: null,
  ...overrides,
});

export const rule = (overrides: Partial<RuleDto> = {}): RuleDto => ({
  key: 'orderAnswerHours',
  label: '点单答复期限',
  description: '服务方须在礼堂点单后多少小时内答复，逾期点单自动失效并退回额度',
  unit: '小时',
  value: 72,
  defaultValue: 72,
  isDefault: true,
  updatedBy: null,
  updatedAt: null,
  ...overrides,
});
