import { fireEvent, render, screen } from '@testing-library/react';
import { fakeApi, ok } from '../../../../../test/fake-api';
import { liveSystem, tokens } from '../../../../../test/fixtures';
import Taro from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import { countyReviewer } from '../../admin-fixtures';
import AdminHomePage from './index';

describe('管理工作台', () => {
  it('shows a reviewer the totals of their region and every section', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: countyReviewer });
    const total = (n: number) => () => ok({ items: [], total: n, page: 1, pageSize: 1 });
    fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /me': () => ok(countyReviewer),
      'GET /admin/halls': (request) => total(request.query.get('status') === 'open' ? 42 : 3)(),
      'GET /admin/users': total(120),
      'GET /admin/invites': total(5),
    });
    render(<AdminHomePage />);
    expect(screen.getByText('审核员 · 负责地区：瑞安市')).toBeTruthy();
    expect(await screen.findByText('42')).toBeTruthy();
    expect(screen.getByText('120')).toBeTruthy();
    expect(screen.getByText('查看平台规则和修改记录（由平台管理员修改）')).toBeTruthy();
    fireEvent.click(screen.getByText('批量导入礼堂'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/import/index' });
  });
});
