import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { HallDto, RegionDto } from '@hall-menu/shared';
import { fakeApi, ok } from '../../../test/fake-api';
import { liveSystem, managerAndVillager, tokens } from '../../../test/fixtures';
import { typeInto } from '../../../test/interact';
import { useAuthStore } from '../../stores/auth';
import VillagePage from './index';

const hall = (id: number, name: string, villageCode: string): HallDto => ({
  id,
  name,
  villageCode,
  villageName: name.replace('文化礼堂', ''),
  regionPath: `瑞安市 塘下镇 ${name.replace('文化礼堂', '')}`,
  address: '',
  latitude: null,
  longitude: null,
  seats: 200,
  facilities: ['power'],
  annualQuota: 12,
  quotaUsed: 0,
  starLevel: 3,
  active: true,
});
const baotian: RegionDto = { code: '330381102201', name: '鲍田村', level: 'village', parentCode: '330381102', fullName: '瑞安市 塘下镇 鲍田村' };

beforeEach(() => useAuthStore.getState().signOut());

describe('我的村和礼堂', () => {
  it('asks a visitor to log in', () => {
    fakeApi({ 'GET /system': () => ok(liveSystem) });
    render(<VillagePage />);
    expect(screen.getByText('去登录')).toBeTruthy();
  });

  it('finds a village by name, makes it mine, and follows a hall', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    let mine = { villageHallIds: [1], followedHallIds: [] as number[] };
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /me/halls': () => ok(mine),
      'GET /halls/1': () => ok(hall(1, '西垟村文化礼堂', '330381125305')),
      'GET /halls/2': () => ok(hall(2, '鲍田村文化礼堂', baotian.code)),
      'GET /regions': () => ok([baotian]),
      'GET /halls': () => ok({ items: [hall(2, '鲍田村文化礼堂', baotian.code), hall(3, '鲍田新村文化礼堂', '330381102202')], total: 2, page: 1, pageSize: 10 }),
      'PUT /me/village': (req) => {
        mine = { villageHallIds: [2], followedHallIds: [] };
        expect(req.data).toEqual({ villageCode: baotian.code });
        return ok(mine);
      },
      'GET /me': () => ok({ ...managerAndVillager, scopes: { ...managerAndVillager.scopes, village: { code: baotian.code, name: '瑞安市 塘下镇 鲍田村' } } }),
      'GET /halls/3': () => ok(hall(3, '鲍田新村文化礼堂', '330381102202')),
      'POST /halls/3/follow': () => {
        mine = { ...mine, followedHallIds: [3] };
        return ok([2, 3]);
      },
    });
    const { container } = render(<VillagePage />);
    expect(await screen.findByText('西垟村文化礼堂')).toBeTruthy();

    fireEvent.click(screen.getByText('搜索'));
    expect(await screen.findByText('请输入村名或礼堂名')).toBeTruthy();
    await typeInto(container, '.search-row__input input', '鲍田');
    fireEvent.click(screen.getByText('搜索'));
    fireEvent.click(await screen.findByText('设为我的村'));
    await waitFor(() => expect(container.querySelector('.card__title')?.textContent).toBe('瑞安市 塘下镇 鲍田村'));
    expect(api.callsTo('PUT /me/village')).toHaveLength(1);
    expect(useAuthStore.getState().me?.scopes.village?.code).toBe(baotian.code);

    // The new village's own hall needs no following; another one does.
    fireEvent.click(screen.getByText('搜索'));
    expect(await screen.findByText('这是本村礼堂')).toBeTruthy();
    fireEvent.click(screen.getByText('关注这个礼堂'));
    await waitFor(() => expect(api.callsTo('POST /halls/3/follow')).toHaveLength(1));
    expect(await screen.findByText('已关注')).toBeTruthy();
  });
});
