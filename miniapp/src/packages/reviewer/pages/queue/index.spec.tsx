import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok } from '../../../../../test/fake-api';
import { cityReviewer, liveSystem, paged, providerMember, queueItem, region, tokens } from '../../../../../test/fixtures';
import { pick } from '../../../../../test/interact';
import Taro from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import { resetRegionCache } from '../../../../stores/regions';
import ReviewQueuePage from './index';

beforeEach(() => {
  resetRegionCache();
  useAuthStore.getState().signIn({ tokens: tokens(), me: cityReviewer });
});

const routes = {
  'GET /system': () => ok(liveSystem),
  'GET /me': () => ok(cityReviewer),
  'GET /regions/330381': () => ok(region('330381', '瑞安市')),
};

const lastQuery = (api: ReturnType<typeof fakeApi>) => {
  const calls = api.callsTo('GET /reviews/queue');
  return Object.fromEntries(calls[calls.length - 1].query.entries());
};

describe('待审核的项目', () => {
  it('lists new projects and edits, oldest first as the server sends them, and opens one', async () => {
    const api = fakeApi({
      ...routes,
      'GET /reviews/queue': () =>
        ok(
          paged([
            queueItem({ projectId: 7, title: '越剧经典折子戏专场', submittedAt: '2026-03-01T02:00:00.000Z' }),
            queueItem({ kind: 'revision', projectId: 9, revisionId: 31, title: '防诈骗宣讲（修改）', category: 'lecture', submittedAt: '2026-03-02T06:30:00.000Z' }),
          ]),
        ),
    });
    const { container } = render(<ReviewQueuePage />);

    expect(await screen.findByText('越剧经典折子戏专场')).toBeTruthy();
    const titles = Array.from(container.querySelectorAll('.project-card__title')).map((t) => t.textContent);
    expect(titles).toEqual(['越剧经典折子戏专场', '防诈骗宣讲（修改）']);
    expect(screen.getByText('新项目', { selector: '.status-tag' })).toBeTruthy();
    expect(screen.getByText('修改申请', { selector: '.status-tag' })).toBeTruthy();
    expect(screen.getByText('2026年3月1日 10:00 提交')).toBeTruthy();
    expect(screen.getByText('宣讲讲座', { selector: '.tag' })).toBeTruthy();
    expect((await screen.findAllByText('瑞安市')).length).toBe(2);
    expect(api.callsTo('GET /regions/330381')).toHaveLength(1);
    expect(lastQuery(api)).toEqual({ page: '1', pageSize: '10' });

    fireEvent.click(screen.getByText('防诈骗宣讲（修改）'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=9' });
  });

  it('filters by 修改申请 and by category', async () => {
    const api = fakeApi({ ...routes, 'GET /reviews/queue': () => ok(paged([queueItem()])) });
    const { container } = render(<ReviewQueuePage />);
    await screen.findByText('越剧经典折子戏专场');

    fireEvent.click(screen.getByText('修改申请'));
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ kind: 'revision' }));

    pick(container.querySelector('taro-picker-core')!, 2); // 全部类别, 文艺演出, 电影放映…
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ kind: 'revision', category: 'film' }));
    expect(screen.getByText('类别：电影放映（点此选择）')).toBeTruthy();
  });

  it('says when nothing waits for review', async () => {
    fakeApi({ ...routes, 'GET /reviews/queue': () => ok(paged([])) });
    render(<ReviewQueuePage />);
    expect(await screen.findByText('没有待审核的项目')).toBeTruthy();
  });

  it('is only for reviewers', () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: providerMember });
    fakeApi({ ...routes, 'GET /me': () => ok(providerMember) });
    render(<ReviewQueuePage />);
    expect(screen.getByText('这里是审核员的工作台')).toBeTruthy();
  });
});
