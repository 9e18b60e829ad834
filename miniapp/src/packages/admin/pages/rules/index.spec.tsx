import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok } from '../../../../../test/fake-api';
import { liveSystem, tokens } from '../../../../../test/fixtures';
import { typeInto } from '../../../../../test/interact';
import { useAuthStore } from '../../../../stores/auth';
import { cityAdmin, countyReviewer, rule } from '../../admin-fixtures';
import AdminRulesPage from './index';

const weights = rule({
  key: 'matchWeights',
  label: '推荐匹配权重',
  unit: '',
  value: { category: 30, coverage: 20, availability: 20, rating: 10, fairness: 10, proximity: 10 },
  defaultValue: { category: 30, coverage: 20, availability: 20, rating: 10, fairness: 10, proximity: 10 },
});

describe('平台规则', () => {
  it('lets an admin change a rule within its limits, recorded with the reason', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: cityAdmin });
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /me': () => ok(cityAdmin),
      'GET /admin/rules': () => ok([rule(), weights]),
      'PUT /admin/rules/orderAnswerHours': () => ok(rule({ value: 48, isDefault: false, updatedBy: { id: 90, nickname: '林海' }, updatedAt: '2026-03-01T02:00:00.000Z' })),
      'GET /admin/rules/orderAnswerHours/changes': () =>
        ok([{ id: 1, key: 'orderAnswerHours', oldValue: 72, newValue: 48, reason: '加快答复', changedBy: { id: 90, nickname: '林海' }, changedAt: '2026-03-01T02:00:00.000Z' }]),
    });
    const { container } = render(<AdminRulesPage />);
    expect(await screen.findByText('72 小时')).toBeTruthy();

    fireEvent.click(screen.getAllByText('修改')[0]);
    await typeInto(container, 'input[placeholder="默认 72"]', '1000');
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('最大为 720 小时')).toBeTruthy();
    expect(api.callsTo('PUT /admin/rules/orderAnswerHours')).toHaveLength(0);

    await typeInto(container, 'input[placeholder="默认 72"]', '48');
    await typeInto(container, 'input[placeholder="例如：农忙季节延长答复时间"]', '加快答复');
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(api.callsTo('PUT /admin/rules/orderAnswerHours')).toHaveLength(1));
    expect(api.callsTo('PUT /admin/rules/orderAnswerHours')[0].data).toEqual({ value: 48, reason: '加快答复' });
    expect(await screen.findByText('48 小时')).toBeTruthy();
    expect(screen.getByText('默认：72 小时')).toBeTruthy();

    fireEvent.click(screen.getAllByText('修改记录')[0]);
    expect(await screen.findByText('72 小时 → 48 小时')).toBeTruthy();
    expect(screen.getByText('原因：加快答复')).toBeTruthy();
  });

  it('refuses matching weights that are all zero', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: cityAdmin });
    const api = fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(cityAdmin), 'GET /admin/rules': () => ok([weights]) });
    const { container } = render(<AdminRulesPage />);
    await screen.findByText('推荐匹配权重');
    fireEvent.click(screen.getByText('修改'));
    await waitFor(() => expect(container.querySelectorAll('input[placeholder="0 到 100"]')).toHaveLength(6));
    for (const input of Array.from(container.querySelectorAll('input[placeholder="0 到 100"]'))) fireEvent.input(input, { target: { value: '0' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('至少要有一项权重大于 0')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it('shows a reviewer the rules without edit buttons', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: countyReviewer });
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(countyReviewer), 'GET /admin/rules': () => ok([rule()]) });
    render(<AdminRulesPage />);
    expect(await screen.findByText('72 小时')).toBeTruthy();
    expect(screen.getByText('平台规则由平台管理员修改，您可以查看当前取值和修改记录。')).toBeTruthy();
    expect(screen.queryByText('修改')).toBeNull();
  });
});
