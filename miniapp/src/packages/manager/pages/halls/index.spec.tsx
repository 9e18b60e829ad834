import { render, screen } from '@testing-library/react';
import { fakeApi, ok } from '../../../../../test/fake-api';
import { hall, liveSystem, managerAndVillager, tokens, villager } from '../../../../../test/fixtures';
import { useAuthStore } from '../../../../stores/auth';
import ManagerHallsPage from './index';

beforeEach(() => useAuthStore.getState().signOut());

describe('我管理的礼堂', () => {
  it('lists the halls in the manager’s scope with their remaining quota', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /me': () => ok(managerAndVillager),
      'GET /halls/11': () => ok(hall(11, '鲍田村文化礼堂')),
    });
    render(<ManagerHallsPage />);

    expect(await screen.findByText('鲍田村文化礼堂')).toBeTruthy();
    expect(screen.getByText('本年度点单额度：剩余 9 次，共 12 次')).toBeTruthy();
    expect(api.callsTo('GET /halls/11')[0].header.Authorization).toBe('Bearer access-1');
  });

  it('asks a visitor to log in', () => {
    fakeApi({ 'GET /system': () => ok(liveSystem) });
    render(<ManagerHallsPage />);
    expect(screen.getByText('您还没有登录')).toBeTruthy();
  });

  it('tells someone without the role whose workspace this is', () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(villager) });
    render(<ManagerHallsPage />);
    expect(screen.getByText('这里是礼堂管理员的工作台')).toBeTruthy();
  });
});
