import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@hall-menu/shared';
import { fail, fakeApi, ok } from '../../../test/fake-api';
import { demoSystem, demoUsers, liveSystem, managerAndVillager, tokens } from '../../../test/fixtures';
import Taro, { useRouter } from '../../../test/taro-mock';
import { useAuthStore } from '../../stores/auth';
import { useSystemStore } from '../../stores/system';
import LoginPage from './index';

beforeEach(() => {
  useAuthStore.getState().signOut();
  useSystemStore.setState({ info: null });
});

describe('登录页 (H5)', () => {
  it('lists the demo users with role and scope, and logs in as the one picked', async () => {
    const api = fakeApi({
      'GET /system': () => ok(demoSystem),
      'GET /auth/demo-users': () => ok(demoUsers),
      'POST /auth/demo': () => ok({ tokens: tokens(), me: managerAndVillager }),
    });
    render(<LoginPage />);

    expect(await screen.findByText('王阿婆（村民）')).toBeTruthy();
    expect(screen.getByText('鲍田村')).toBeTruthy();
    expect(screen.getByText('演示环境，所有数据均为演示数据')).toBeTruthy();
    fireEvent.click(screen.getByText('李建国（礼堂管理员）'));

    await waitFor(() => expect(useAuthStore.getState().tokens).toEqual(tokens()));
    expect(api.callsTo('POST /auth/demo')[0].data).toEqual({ role: 'hall_manager', userId: 2 });
    expect(useAuthStore.getState()).toMatchObject({ me: managerAndVillager, activeRole: 'hall_manager' });
    // Login was the first page: go to 我的.
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' });
  });

  it('goes back to the page that asked for login', async () => {
    Taro.getCurrentPages.mockImplementation(() => [{ route: 'pages/mine/index' }, { route: 'pages/login/index' }]);
    fakeApi({
      'GET /system': () => ok(demoSystem),
      'GET /auth/demo-users': () => ok(demoUsers),
      'POST /auth/demo': () => ok({ tokens: tokens(), me: managerAndVillager }),
    });
    render(<LoginPage />);
    fireEvent.click(await screen.findByText('王阿婆（村民）'));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });

  it('shows why a login failed and stays logged out', async () => {
    fakeApi({
      'GET /system': () => ok(demoSystem),
      'GET /auth/demo-users': () => ok(demoUsers),
      'POST /auth/demo': () => fail(403, ErrorCode.DemoLoginDisabled, '演示登录未开启'),
    });
    render(<LoginPage />);
    fireEvent.click(await screen.findByText('王阿婆（村民）'));
    expect(await screen.findByText('演示登录未开启')).toBeTruthy();
    expect(useAuthStore.getState().tokens).toBeNull();
  });

  it('shows the reason the previous session ended', async () => {
    useRouter.mockImplementation(() => ({ params: { notice: encodeURIComponent('登录已失效，请重新登录') } }));
    fakeApi({ 'GET /system': () => ok(demoSystem), 'GET /auth/demo-users': () => ok(demoUsers) });
    render(<LoginPage />);
    expect(screen.getByText('登录已失效，请重新登录')).toBeTruthy();
    await screen.findByText('王阿婆（村民）');
  });

  it('offers no demo login and no WeChat login in H5 on a live server', async () => {
    const api = fakeApi({ 'GET /system': () => ok(liveSystem) });
    render(<LoginPage />);
    expect(await screen.findByText('暂时无法登录')).toBeTruthy();
    expect(api.callsTo('GET /auth/demo-users')).toHaveLength(0);
    expect(screen.queryByText('演示环境，所有数据均为演示数据')).toBeNull();
  });
});

describe('登录页 (weapp)', () => {
  beforeEach(() => (process.env.TARO_ENV = 'weapp'));
  afterEach(() => (process.env.TARO_ENV = 'h5'));

  it('logs in with the code from Taro.login', async () => {
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'POST /auth/wechat': () => ok({ tokens: tokens(), me: managerAndVillager }),
    });
    render(<LoginPage />);

    fireEvent.click(await screen.findByText('微信一键登录'));

    await waitFor(() => expect(useAuthStore.getState().tokens).toEqual(tokens()));
    expect(Taro.login).toHaveBeenCalledTimes(1);
    expect(api.callsTo('POST /auth/wechat')[0].data).toEqual({ code: 'wx-login-code' });
    expect(api.callsTo('GET /auth/demo-users')).toHaveLength(0);
  });
});
