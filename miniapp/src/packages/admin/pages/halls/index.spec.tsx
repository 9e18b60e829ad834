import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok } from '../../../../../test/fake-api';
import { liveSystem, region, tokens } from '../../../../../test/fixtures';
import { pick, typeInto } from '../../../../../test/interact';
import Taro from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import { adminHall, cityAdmin } from '../../admin-fixtures';
import AdminHallsPage from './index';

beforeEach(() => useAuthStore.getState().signIn({ tokens: tokens(), me: cityAdmin }));

const lastQuery = (api: ReturnType<typeof fakeApi>) => Object.fromEntries(api.callsTo('GET /admin/halls').pop()!.query.entries());

describe('礼堂管理', () => {
  it('lists halls page by page with search and filters, and opens one', async () => {
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /me': () => ok(cityAdmin),
      'GET /regions': () => ok([region('330302', '鹿城区'), region('330381', '瑞安市')]),
      'GET /admin/halls': (request) => {
        const page = Number(request.query.get('page'));
        const hall = adminHall({ id: page === 1 ? 11 : 12, name: page === 1 ? '鲍田村文化礼堂' : '新塘村文化礼堂', managers: page === 1 ? [{ id: 2, nickname: '李建国' }] : [] });
        return ok({ items: [hall], total: 45, page, pageSize: 20 });
      },
    });
    const { container } = render(<AdminHallsPage />);

    expect(await screen.findByText('鲍田村文化礼堂')).toBeTruthy();
    // Each value carries its column's name (the card on a phone; the heading row on a PC).
    expect(screen.getAllByText('今年额度').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('剩 9 / 共 12')).toBeTruthy();
    expect(screen.getByText('第 1 / 3 页，共 45 个')).toBeTruthy();
    expect(lastQuery(api)).toEqual({ status: 'all', page: '1', pageSize: '20' });

    fireEvent.click(screen.getByText('下一页'));
    expect(await screen.findByText('新塘村文化礼堂')).toBeTruthy();
    expect(screen.getByText('未指定')).toBeTruthy();
    expect(lastQuery(api)).toMatchObject({ page: '2' });

    await typeInto(container, 'input[placeholder="礼堂名称、村名或编号"]', '鲍田');
    fireEvent.click(screen.getByText('搜索'));
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ q: '鲍田', page: '1' }));

    fireEvent.click(screen.getByText('已关闭'));
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ q: '鲍田', status: 'closed' }));
    await screen.findByText('地区：全部（温州市）');
    pick(container.querySelector('taro-picker-core')!, 2);
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ region: '330381', status: 'closed' }));

    fireEvent.click(await screen.findByText('鲍田村文化礼堂'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/hall/index?id=11' });
  });

  it('is closed to people who are neither admin nor reviewer', async () => {
    const villager = { ...cityAdmin, roles: ['villager' as const] };
    useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(villager) });
    render(<AdminHallsPage />);
    expect(screen.getByText('这里是管理工作台')).toBeTruthy();
  });
});
