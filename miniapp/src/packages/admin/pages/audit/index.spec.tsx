import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AuditEntryDto } from '@hall-menu/shared';
import { fakeApi, ok } from '../../../../../test/fake-api';
import { liveSystem, tokens } from '../../../../../test/fixtures';
import { pick } from '../../../../../test/interact';
import { useRouter } from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import { cityAdmin } from '../../admin-fixtures';
import AdminAuditPage from './index';

const entry = (id: string, overrides: Partial<AuditEntryDto> = {}): AuditEntryDto => ({
  id,
  source: 'admin',
  objectType: 'hall',
  objectLabel: '礼堂',
  objectId: '11',
  action: 'set_quota',
  actionLabel: '设置点单额度',
  fromState: null,
  toState: null,
  before: { annualQuota: 12 },
  after: { annualQuota: 20 },
  reason: '年中追加',
  actor: { id: 90, nickname: '林海', role: 'admin' },
  at: '2026-03-01T02:00:00.000Z',
  ...overrides,
});

beforeEach(() => useAuthStore.getState().signIn({ tokens: tokens(), me: cityAdmin }));

describe('操作记录', () => {
  it('opens on the object it was sent from and pages back with the cursor', async () => {
    useRouter.mockImplementation(() => ({ params: { objectType: 'hall', objectId: '11' } }));
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /me': () => ok(cityAdmin),
      'GET /admin/audit': (request) =>
        request.query.get('cursor')
          ? ok({ items: [entry('t5', { source: 'transition', objectType: 'order', objectLabel: '点单', objectId: '4', action: 'accept', actionLabel: '接单', fromState: 'pending', toState: 'accepted', before: null, after: null, reason: null })], nextCursor: null })
          : ok({ items: [entry('a9')], nextCursor: 'c1' }),
    });
    render(<AdminAuditPage />);

    expect(await screen.findByText('年度点单额度：12 → 20')).toBeTruthy();
    expect(screen.getByText('原因：年中追加')).toBeTruthy();
    expect(screen.getByText('林海（平台管理员，编号 90）')).toBeTruthy();
    expect(Object.fromEntries(api.callsTo('GET /admin/audit')[0].query.entries())).toEqual({ objectType: 'hall', objectId: '11', limit: '30' });

    fireEvent.click(screen.getByText('加载更早的记录'));
    expect(await screen.findByText('待服务方答复 → 已确定时间')).toBeTruthy();
    expect(api.callsTo('GET /admin/audit')[1].query.get('cursor')).toBe('c1');
    expect(screen.getByText('已显示 2 条，已全部显示')).toBeTruthy();
  });

  it('refuses an end date before the start date', async () => {
    const api = fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(cityAdmin), 'GET /admin/audit': () => ok({ items: [], nextCursor: null }) });
    const { container } = render(<AdminAuditPage />);
    expect(await screen.findByText('没有找到记录')).toBeTruthy();
    const pickers = container.querySelectorAll('.region-steps taro-picker-core');
    pick(pickers[0], '2026-03-10');
    pick(pickers[1], '2026-03-01');
    fireEvent.click(screen.getByText('查询'));
    expect(await screen.findByText('结束日期不能早于开始日期')).toBeTruthy();
    expect(api.callsTo('GET /admin/audit')).toHaveLength(1);

    pick(container.querySelectorAll('.region-steps taro-picker-core')[1], '2026-03-31');
    fireEvent.click(screen.getByText('查询'));
    await waitFor(() => expect(api.callsTo('GET /admin/audit')).toHaveLength(2));
    expect(api.callsTo('GET /admin/audit')[1].query.get('from')).toBe('2026-03-10');
    expect(api.callsTo('GET /admin/audit')[1].query.get('to')).toBe('2026-03-31');
  });
});
