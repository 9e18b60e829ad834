import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SuggestionDto } from '@hall-menu/shared';
import { fakeApi, networkFailure, ok } from '../../../test/fake-api';
import { liveSystem, managerAndVillager, menuItem, need, order, tokens, villager } from '../../../test/fixtures';
import Taro, { useRouter } from '../../../test/taro-mock';
import { useAuthStore } from '../../stores/auth';
import NeedPage from './index';

beforeEach(() => {
  useAuthStore.getState().signOut();
  useRouter.mockImplementation(() => ({ params: { id: '81' } }));
});

const suggestion: SuggestionDto = {
  project: menuItem(7, '越剧经典折子戏专场'),
  score: 0.92,
  reasons: ['类别相符', '覆盖本村', '该时段有空', '评分4.8(32条)'],
};

describe('需求详情', () => {
  it('lets a villager say 我也想看 once', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /needs/81': () => ok(need()),
      'POST /needs/81/upvote': () => ok(need({ upvotes: 4, upvotedByMe: true })),
    });
    render(<NeedPage />);
    expect(await screen.findByText('3 位村民也想看')).toBeTruthy();
    fireEvent.click(screen.getByText('我也想看'));
    expect(await screen.findByText('4 位村民也想看')).toBeTruthy();
    expect(screen.queryByText('我也想看')).toBeNull();
    fireEvent.click(screen.getByText('您已表示想看'));
    expect(api.callsTo('POST /needs/81/upvote')).toHaveLength(1);
    // Villagers see no suggestions.
    expect(screen.queryByText('推荐项目')).toBeNull();
  });

  it('shows suggestions with their reasons and orders one in one step with an idempotency key kept for the retry', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    let tries = 0;
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /needs/81': () => ok(need({ allowedActions: ['match', 'close'] })),
      'GET /needs/81/suggestions': () => ok([suggestion]),
      'POST /needs/81/order': (request) => (++tries === 1 ? networkFailure(request) : ok(order({ id: 32 }))),
    });
    render(<NeedPage />);
    expect(await screen.findByText('类别相符')).toBeTruthy();
    expect(screen.getByText('评分4.8(32条)')).toBeTruthy();
    fireEvent.click(screen.getByText('一键点单'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/order/index?id=32' }), { timeout: 3000 });
    const posts = api.callsTo('POST /needs/81/order');
    expect(posts).toHaveLength(2);
    expect(posts[0].data).toEqual({ projectId: 7 });
    expect(posts[0].header['Idempotency-Key']).toMatch(/^[\w-]{8,64}$/);
    expect(posts[1].header['Idempotency-Key']).toBe(posts[0].header['Idempotency-Key']);
  });

  it('lets the manager talk with, accept or decline a provider’s response', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    const response = {
      id: 5,
      needId: 81,
      provider: { id: 2, name: '瑞安市文化馆' },
      project: { id: 7, title: '越剧经典折子戏专场' },
      proposedStart: '2026-12-12T06:00:00.000Z',
      proposedEnd: '2026-12-12T08:00:00.000Z',
      message: '可以带上互动教唱环节',
      status: 'pending' as const,
      orderId: null,
      createdAt: '2026-11-02T02:00:00.000Z',
    };
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /needs/81': () => ok(need({ allowedActions: ['match', 'close'], responses: [response] })),
      'GET /needs/81/suggestions': () => ok([]),
      'POST /needs/81/responses/5/accept': () => ok(order({ id: 33 })),
    });
    render(<NeedPage />);
    expect(await screen.findByText('可以来的时间：2026年12月12日 周六 14:00–16:00')).toBeTruthy();
    fireEvent.click(screen.getByText('联系服务方'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/chat/index?kind=need_response&subjectId=5' });
    expect(screen.getByText('婉拒')).toBeTruthy();
    fireEvent.click(screen.getByText('接受'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/order/index?id=33' }));
    expect(api.callsTo('POST /needs/81/responses/5/accept')).toHaveLength(1);
  });
});
