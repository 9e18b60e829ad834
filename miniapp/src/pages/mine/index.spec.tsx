import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MeResponse } from '@hall-menu/shared';
import { fail, fakeApi, ok } from '../../../test/fake-api';
import { cityReviewer, liveSystem, managerAndVillager, providerMember, tokens, villager } from '../../../test/fixtures';
import { typeInto } from '../../../test/interact';
import Taro from '../../../test/taro-mock';
import { useAuthStore } from '../../stores/auth';
import { PREFS_STORAGE_KEY, usePrefsStore } from '../../stores/prefs';
import MinePage from './index';

beforeEach(() => {
  useAuthStore.getState().signOut();
  usePrefsStore.getState().setElderMode(false);
});

const shellOf = (container: HTMLElement) => container.querySelector('.page-shell');

describe('我的', () => {
  it('asks a visitor to log in', () => {
    fakeApi({ 'GET /system': () => ok(liveSystem) });
    render(<MinePage />);
    fireEvent.click(screen.getByText('去登录'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('长辈模式 enlarges the page and is remembered', () => {
    fakeApi({ 'GET /system': () => ok(liveSystem) });
    const { container } = render(<MinePage />);
    expect(shellOf(container)?.classList.contains('page-shell--elder')).toBe(false);

    fireEvent.click(screen.getByText('长辈模式'));

    expect(shellOf(container)?.classList.contains('page-shell--elder')).toBe(true);
    expect(screen.getByText('已开启：文字和按钮更大')).toBeTruthy();
    expect(JSON.parse(Taro.getStorageSync(PREFS_STORAGE_KEY) as string).state).toEqual({ elderMode: true });

    fireEvent.click(screen.getByText('长辈模式'));
    expect(shellOf(container)?.classList.contains('page-shell--elder')).toBe(false);
    expect(JSON.parse(Taro.getStorageSync(PREFS_STORAGE_KEY) as string).state).toEqual({ elderMode: false });
  });

  it('shows name and roles, switches the active role and opens that role’s workspace', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    const renamed = { ...managerAndVillager, nickname: '李建国（新）' };
    const api = fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(renamed) });
    render(<MinePage />);

    // The profile is read again when the page shows.
    expect(await screen.findByText('李建国（新）')).toBeTruthy();
    expect(api.callsTo('GET /me')).toHaveLength(1);
    expect(screen.getByText('当前：礼堂管理员')).toBeTruthy();
    fireEvent.click(screen.getByText('进入我管理的礼堂'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/manager/pages/halls/index' });

    fireEvent.click(screen.getAllByText('村民')[1]);
    expect(useAuthStore.getState().activeRole).toBe('villager');
    expect(screen.getByText('当前：村民')).toBeTruthy();
    // Villagers use the tab pages; there is no separate workspace.
    expect(screen.queryByText(/^进入/)).toBeNull();
  });

  it.each([
    [providerMember, '进入服务方工作台', ['我的项目', '申报新项目'], '/packages/provider/pages/projects/index'],
    [cityReviewer, '进入审核工作台', ['待审核的项目', '已暂停的项目'], '/packages/reviewer/pages/queue/index'],
  ])('leads %#: a provider or reviewer straight to their workspace pages', async (me, entry, links, firstUrl) => {
    useAuthStore.getState().signIn({ tokens: tokens(), me });
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(me) });
    render(<MinePage />);
    expect(await screen.findByText(entry)).toBeTruthy();
    for (const link of links) expect(screen.getByText(link)).toBeTruthy();
    fireEvent.click(screen.getByText(links[0]));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: firstUrl });
  });

  it('has no role switch for a single-role person', () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(villager) });
    render(<MinePage />);
    expect(screen.queryByText('切换身份')).toBeNull();
  });

  it('logs out after confirming, ending the server session too', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
    const api = fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(villager), 'POST /auth/logout': () => ({ status: 204 }) });
    render(<MinePage />);

    fireEvent.click(screen.getByText('退出登录'));

    await waitFor(() => expect(useAuthStore.getState().tokens).toBeNull());
    expect(api.callsTo('POST /auth/logout')[0].data).toEqual({ refreshToken: tokens().refreshToken });
    expect(await screen.findByText('您还没有登录')).toBeTruthy();
  });

  it('stays logged in when logout is cancelled', async () => {
    Taro.showModal.mockImplementation(() => Promise.resolve({ confirm: false, cancel: true }));
    useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(villager) });
    render(<MinePage />);
    fireEvent.click(screen.getByText('退出登录'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the answer to the dialog arrive
    expect(useAuthStore.getState().tokens).toEqual(tokens());
  });

  it('leads an admin to the admin workspace and its sections', async () => {
    const admin: MeResponse = { id: 9, nickname: '林海', roles: ['admin'], scopes: { ...villager.scopes, region: { code: '3303', name: '温州市' } } };
    useAuthStore.getState().signIn({ tokens: tokens(), me: admin });
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(admin) });
    render(<MinePage />);
    fireEvent.click(await screen.findByText('进入管理工作台'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/home/index' });
    fireEvent.click(screen.getByText('批量导入礼堂'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/import/index' });
  });

  it('offers a reviewer the admin workspace of their region next to the review pages', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: cityReviewer });
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(cityReviewer) });
    render(<MinePage />);
    fireEvent.click(await screen.findByText('管理工作台'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/home/index' });
  });

  it('redeems an invite code and opens the new role', async () => {
    const asManager: MeResponse = { ...managerAndVillager, id: villager.id, nickname: villager.nickname };
    useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
    let answer = fail(400, 'INVITE_INVALID', '这个邀请码已经用过了，请向发放人重新索取', { reason: 'used' });
    const api = fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(villager), 'POST /me/invites/redeem': () => answer });
    const { container } = render(<MinePage />);

    fireEvent.click(await screen.findByText('输入邀请码'));
    await typeInto(container, 'input[placeholder="请输入邀请码"]', 'ab');
    fireEvent.click(screen.getByText('确认'));
    expect(await screen.findByText('邀请码由字母和数字组成，请核对后重新输入')).toBeTruthy();
    expect(api.callsTo('POST /me/invites/redeem')).toHaveLength(0);

    await typeInto(container, 'input[placeholder="请输入邀请码"]', 'k7px-2q9m');
    fireEvent.click(screen.getByText('确认'));
    expect(await screen.findByText('这个邀请码已经用过了，请向发放人重新索取')).toBeTruthy();
    expect(api.callsTo('POST /me/invites/redeem')[0].data).toEqual({ code: 'K7PX2Q9M' });

    answer = ok(asManager);
    fireEvent.click(screen.getByText('确认'));
    await waitFor(() => expect(useAuthStore.getState().me?.roles).toEqual(['villager', 'hall_manager']));
    expect(useAuthStore.getState().activeRole).toBe('hall_manager');
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '加入成功', content: '您已成为礼堂管理员，可以在「我的」进入工作台。' }));
    expect(await screen.findByText('进入我管理的礼堂')).toBeTruthy();
  });
});
