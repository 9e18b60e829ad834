import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AdminUserDto } from '@hall-menu/shared';
import { fakeApi, ok } from '../../../../../test/fake-api';
import { liveSystem, paged, region, tokens } from '../../../../../test/fixtures';
import { pick, typeInto } from '../../../../../test/interact';
import Taro, { useRouter } from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import { resetRegionCache } from '../../../../stores/regions';
import { adminHall, adminUser, cityAdmin, countyReviewer } from '../../admin-fixtures';
import AdminUserPage from './index';

const managerRole = (halls: { id: number; name: string }[]): AdminUserDto['roles'][number] => ({
  role: 'hall_manager',
  label: '礼堂管理员',
  region: null,
  halls: halls.map((hall) => ({ ...hall, villageCode: '330381102201' })),
  provider: null,
});

beforeEach(() => {
  resetRegionCache();
  useAuthStore.getState().signIn({ tokens: tokens(), me: cityAdmin });
  useRouter.mockImplementation(() => ({ params: { id: '5' } }));
});

const routes = (me = cityAdmin) => ({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(me) });

describe('账号详情', () => {
  it('gives a person a hall to manage, then takes that one hall back', async () => {
    const villagerOnly = adminUser();
    const withHall = adminUser({ roles: [...villagerOnly.roles, managerRole([{ id: 11, name: '鲍田村文化礼堂' }])] });
    const api = fakeApi({
      ...routes(),
      'GET /admin/users/5': () => ok(villagerOnly),
      'GET /admin/halls': () => ok(paged([adminHall()])),
      'POST /admin/users/5/roles': () => ok(withHall),
      'DELETE /admin/users/5/roles/hall_manager': () => ok(villagerOnly),
    });
    const { container } = render(<AdminUserPage />);
    expect(await screen.findByText('陈小平')).toBeTruthy();

    await typeInto(container, 'input[placeholder="礼堂名称、村名或编号"]', '鲍田');
    fireEvent.click(screen.getByText('搜索'));
    fireEvent.click(await screen.findByText('交给此人管理'));
    await waitFor(() => expect(api.callsTo('POST /admin/users/5/roles')).toHaveLength(1));
    expect(api.callsTo('POST /admin/users/5/roles')[0].data).toEqual({ role: 'hall_manager', hallIds: [11] });
    expect(api.callsTo('GET /admin/halls')[0].query.get('status')).toBe('open');

    fireEvent.click(await screen.findByText('不再管理'));
    await waitFor(() => expect(api.callsTo('DELETE /admin/users/5/roles/hall_manager')).toHaveLength(1));
    expect(api.callsTo('DELETE /admin/users/5/roles/hall_manager')[0].query.get('hallId')).toBe('11');
  });

  it('makes a reviewer of a county picked below the official’s region', async () => {
    const api = fakeApi({
      ...routes(),
      'GET /admin/users/5': () => ok(adminUser()),
      'GET /regions': () => ok([region('330381', '瑞安市')]),
      'GET /regions/330381': () => ok(region('330381', '瑞安市')),
      'POST /admin/users/5/roles': () => ok(adminUser({ roles: [{ role: 'reviewer', label: '审核员', region: { code: '330381', name: '瑞安市' }, halls: [], provider: null }] })),
    });
    const { container } = render(<AdminUserPage />);
    await screen.findByText('陈小平');
    fireEvent.click(screen.getByText('审核员', { selector: '.chip' }));
    await screen.findByText('县（市、区）：不再细分（点此选择）');
    pick(container.querySelector('.region-steps taro-picker-core')!, 1);
    fireEvent.click(await screen.findByText('授予审核员'));
    await waitFor(() => expect(api.callsTo('POST /admin/users/5/roles')).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '让「陈小平」成为审核员，负责瑞安市？' }));
    expect(api.callsTo('POST /admin/users/5/roles')[0].data).toEqual({ role: 'reviewer', regionCode: '330381' });
    expect(await screen.findByText('范围：瑞安市')).toBeTruthy();
  });

  it('disables an account only with a reason', async () => {
    const api = fakeApi({
      ...routes(),
      'GET /admin/users/5': () => ok(adminUser()),
      'POST /admin/users/5/disable': () => ok(adminUser({ disabled: true })),
    });
    const { container } = render(<AdminUserPage />);
    await screen.findByText('陈小平');
    fireEvent.click(screen.getByText('停用账号', { selector: 'taro-button-core' }));
    fireEvent.click(screen.getByText('确认停用账号'));
    expect(await screen.findByText('请填写停用原因')).toBeTruthy();
    await typeInto(container, 'textarea[placeholder="例如：人员离职"]', '人员离职');
    fireEvent.click(screen.getByText('确认停用账号'));
    await waitFor(() => expect(api.callsTo('POST /admin/users/5/disable')).toHaveLength(1));
    expect(api.callsTo('POST /admin/users/5/disable')[0].data).toEqual({ reason: '人员离职' });
    expect(await screen.findByText('启用账号', { selector: 'taro-button-core' })).toBeTruthy();
  });

  it('offers a reviewer no admin role and no way to take an admin’s role', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: countyReviewer });
    const admin = adminUser({ roles: [{ role: 'admin', label: '平台管理员', region: { code: '3303', name: '温州市' }, halls: [], provider: null }] });
    fakeApi({ ...routes(countyReviewer), 'GET /admin/users/5': () => ok(admin) });
    render(<AdminUserPage />);
    await screen.findByText('陈小平');
    expect(screen.queryByText('平台管理员', { selector: '.chip' })).toBeNull();
    expect(screen.queryByText('撤销角色')).toBeNull();
  });

  it('does not let an official disable their own account', async () => {
    useRouter.mockImplementation(() => ({ params: { id: String(cityAdmin.id) } }));
    fakeApi({ ...routes(), [`GET /admin/users/${cityAdmin.id}`]: () => ok(adminUser({ id: cityAdmin.id, nickname: '林海' })) });
    render(<AdminUserPage />);
    await screen.findByText('林海');
    expect(screen.queryByText('停用账号')).toBeNull();
  });
});
