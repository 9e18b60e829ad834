import { fakeApi, ok } from '../../test/fake-api';
import Taro from '../../test/taro-mock';
import { applyTabBadge, badgeText, MESSAGES_TAB_INDEX, useUnreadStore } from './unread';

const tabBadge = { setTabBarBadge: jest.fn(() => Promise.resolve()), removeTabBarBadge: jest.fn(() => Promise.resolve()) };
Object.assign(Taro, tabBadge);

beforeEach(() => useUnreadStore.getState().clear());

describe('unread store', () => {
  it('takes the counts from GET /conversations/unread', async () => {
    fakeApi({ 'GET /conversations/unread': () => ok({ conversations: 4, notifications: 2, total: 6 }) });
    await useUnreadStore.getState().refresh();
    expect(useUnreadStore.getState()).toMatchObject({ conversations: 4, notifications: 2 });
  });

  it('keeps one count per conversation, and the total when one comes with it', () => {
    useUnreadStore.getState().setConversation(5, 3, 7);
    useUnreadStore.getState().setConversation(6, 1);
    expect(useUnreadStore.getState()).toMatchObject({ conversations: 7, byConversation: { 5: 3, 6: 1 } });
  });
});

describe('tab badge', () => {
  it('says nothing for 0, the number up to 99, then 99+', () => {
    expect([0, 1, 99, 100, 4321].map(badgeText)).toEqual([null, '1', '99', '99+', '99+']);
  });

  it('puts chat and inbox together on the 消息 tab, and removes the badge at 0', () => {
    useUnreadStore.getState().setCounts({ conversations: 120, notifications: 3, total: 123 });
    applyTabBadge();
    expect(tabBadge.setTabBarBadge).toHaveBeenLastCalledWith({ index: MESSAGES_TAB_INDEX, text: '99+' });
    useUnreadStore.getState().setCounts({ conversations: 0, notifications: 0, total: 0 });
    applyTabBadge();
    expect(tabBadge.removeTabBarBadge).toHaveBeenLastCalledWith({ index: MESSAGES_TAB_INDEX });
  });

  it('shrugs off a refusal (the weapp refuses while a non-tab page is on top)', async () => {
    tabBadge.setTabBarBadge.mockImplementationOnce(() => Promise.reject({ errMsg: 'setTabBarBadge:fail not TabBar page' }));
    useUnreadStore.getState().setCounts({ conversations: 1, notifications: 0, total: 1 });
    expect(() => applyTabBadge()).not.toThrow();
    await Promise.resolve();
  });
});
