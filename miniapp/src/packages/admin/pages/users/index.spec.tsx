import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok } from '../../../../../test/fake-api';
import { liveSystem, paged, tokens } from '../../../../../test/fixtures';
import Taro from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import { adminUser, cityAdmin } from '../../admin-fixtures';
import AdminUsersPage from './index';

beforeEach(() => useAuthStore.getState().signIn({ tokens: tokens(), me: cityAdmin }));

describe('账号与角色', () => {
  it('lists people with their roles and scope, filters by role and status, and opens one', async () => {
    const manager = adminUser({
      id: 2,
      nickname: '李建国',
      roles: [{ role: 'hall_manager', label: '礼堂管理员', region: null, halls: [{ id: 11, name: '鲍田村文化礼堂', villageCode: '330381102201' }], provider: null }],
    });
    const api = fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(cityAdmin), 'GET /admin/users': () => ok(paged([manager, adminUser({ disabled: true })])) });
    render(<AdminUsersPage />);

    expect(await screen.findByText('礼堂管理员 · 鲍田村文化礼堂')).toBeTruthy();
    expect(screen.getByText('已停用', { selector: '.status-tag' })).toBeTruthy();

    fireEvent.click(screen.getByText('礼堂管理员', { selector: '.chip' }));
    await waitFor(() => expect(api.callsTo('GET /admin/users').pop()!.query.get('role')).toBe('hall_manager'));
    fireEvent.click(screen.getByText('已停用', { selector: '.chip' }));
    await waitFor(() => expect(api.callsTo('GET /admin/users').pop()!.query.get('disabled')).toBe('true'));
    fireEvent.click(screen.getByText('全部角色'));
    await waitFor(() => expect(api.callsTo('GET /admin/users').pop()!.query.get('role')).toBeNull());

    fireEvent.click(await screen.findByText('李建国'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/user/index?id=2' });
  });
});
