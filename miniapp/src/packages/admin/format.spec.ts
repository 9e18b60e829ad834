import type { AuditEntryDto } from '@hall-menu/shared';
import { actionText, auditDetails, describeChange, formatRuleValue, roleWithScope } from './format';

const entry = (overrides: Partial<AuditEntryDto>): AuditEntryDto => ({
  id: 'a1',
  source: 'admin',
  objectType: 'hall',
  objectLabel: '礼堂',
  objectId: '11',
  action: 'set_quota',
  actionLabel: '设置点单额度',
  fromState: null,
  toState: null,
  before: null,
  after: null,
  reason: null,
  actor: { id: 90, nickname: '林海', role: 'admin' },
  at: '2026-03-01T02:00:00.000Z',
  ...overrides,
});

describe('admin words', () => {
  it('says a rule value with its unit, and the matching weights by name', () => {
    expect(formatRuleValue('orderAnswerHours', '小时', 48)).toBe('48 小时');
    expect(formatRuleValue('matchWeights', '', { category: 30, coverage: 20, availability: 20, rating: 10, fairness: 10, proximity: 10 })).toBe(
      '类别相符 30、区域覆盖 20、档期可用 20、评分 10、公平性 10、距离远近 10',
    );
  });

  it('names a role with what it reaches', () => {
    expect(roleWithScope({ role: 'reviewer', label: '审核员', region: { code: '330381', name: '瑞安市' }, halls: [], provider: null })).toBe('审核员 · 瑞安市');
    expect(
      roleWithScope({ role: 'hall_manager', label: '礼堂管理员', region: null, halls: [{ id: 1, name: '甲礼堂', villageCode: '1' }, { id: 2, name: '乙礼堂', villageCode: '2' }], provider: null }),
    ).toBe('礼堂管理员 · 甲礼堂、乙礼堂');
    expect(roleWithScope({ role: 'villager', label: '村民', region: null, halls: [], provider: null })).toBe('村民');
  });

  it('reads an admin change field by field in Chinese', () => {
    expect(describeChange({ annualQuota: 12, quotaYear: 2026 }, { annualQuota: 20, quotaYear: 2026 })).toEqual(['年度点单额度：12 → 20', '额度年份：2026 → 2026']);
    expect(describeChange(null, { role: 'hall_manager', hallIds: [3, 4] })).toEqual(['角色：礼堂管理员', '礼堂编号：3、4']);
    expect(describeChange({ active: true }, { active: false })).toEqual(['开放：是 → 否']);
    expect(describeChange(null, { blackouts: [{ from: '2026-07-01', to: '2026-07-03', note: '维修' }] })).toEqual(['暂停接待日期：2026年7月1日 至 2026年7月3日（维修）']);
  });

  it('reads a workflow transition with its states in words', () => {
    expect(auditDetails(entry({ source: 'transition', objectType: 'order', fromState: 'pending', toState: 'accepted' }))).toEqual(['待服务方答复 → 已确定时间']);
    expect(auditDetails(entry({ source: 'transition', objectType: 'order', fromState: null, toState: 'pending' }))).toEqual(['→ 待服务方答复']);
    expect(auditDetails(entry({ before: { disabled: false }, after: { disabled: true } }))).toEqual(['已停用：否 → 是']);
  });

  it('says an event the server left as its key in Chinese', () => {
    expect(actionText(entry({ source: 'transition', objectType: 'reservation', action: 'cancel', actionLabel: 'cancel' }))).toBe('取消预约');
    expect(actionText(entry({ actionLabel: '设置点单额度' }))).toBe('设置点单额度');
  });
});
