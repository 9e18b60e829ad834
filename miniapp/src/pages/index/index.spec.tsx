import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CATEGORY_LABELS, ErrorCode, type MenuItemDto } from '@hall-menu/shared';
import { fail, fakeApi, networkFailure, ok, type FakeRequest } from '../../../test/fake-api';
import { liveSystem, managerAndVillager, menuItem, paged, tokens } from '../../../test/fixtures';
import { pick, typeInto } from '../../../test/interact';
import Taro from '../../../test/taro-mock';
import { useAuthStore } from '../../stores/auth';
import HomePage from './index';

beforeEach(() => useAuthStore.getState().signOut());

const items = (from: number, count: number) => Array.from({ length: count }, (_, i) => menuItem(from + i, `项目${from + i}`));

/** Answers the menu like the server: 25 projects, pages of the requested size. */
function menuOf(all: MenuItemDto[]) {
  return (req: FakeRequest) => {
    const page = Number(req.query.get('page'));
    const size = Number(req.query.get('pageSize'));
    return ok({ items: all.slice((page - 1) * size, page * size), total: all.length, page, pageSize: size });
  };
}

const lastMenuQuery = (api: ReturnType<typeof fakeApi>) => {
  const calls = api.callsTo('GET /menu');
  return Object.fromEntries(calls[calls.length - 1].query.entries());
};

describe('首页: 服务菜单', () => {
  it('shows the published projects as cards, without being logged in', async () => {
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /menu': () =>
        ok({
          ...paged([
            menuItem(1, '越剧经典折子戏专场', { ratingAverage: 4.56, ratingCount: 12 }),
            menuItem(2, '老年人防诈骗宣讲', { category: 'lecture', cost: 'subsidised', targetAudience: 'all', durationMinutes: 60, cover: '/uploads/2026/03/a.jpg' }),
          ]),
          total: 2,
        }),
    });
    const { container } = render(<HomePage />);

    for (const label of Object.values(CATEGORY_LABELS)) expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    expect(await screen.findByText('越剧经典折子戏专场')).toBeTruthy();
    expect(screen.getByText('老年人防诈骗宣讲')).toBeTruthy();
    expect(screen.getAllByText('瑞安市文化馆')).toHaveLength(2);
    expect(screen.getByText('1小时30分钟 · 适合老年人')).toBeTruthy();
    expect(screen.getByText('1小时 · 适合所有人')).toBeTruthy();
    expect(screen.getByText('免费')).toBeTruthy();
    expect(screen.getByText('补贴')).toBeTruthy();
    expect(screen.getByText('4.6分（12人评价）')).toBeTruthy();
    expect(screen.getByText('暂无评分')).toBeTruthy();
    // No photo: a block in the category's colour with its name, not a broken image.
    expect(container.querySelector('.cover--placeholder.cover--performance')?.textContent).toBe('文艺演出');
    expect(container.querySelector('taro-image-core')?.getAttribute('src')).toBe('/uploads/2026/03/a.jpg');

    expect(lastMenuQuery(api)).toEqual({ sort: 'newest', page: '1', pageSize: '10' });
    expect(api.callsTo('GET /menu')[0].header.Authorization).toBeUndefined();
  });

  it('opens the detail page when a card is tapped', async () => {
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /menu': () => ok(paged([menuItem(42, '越剧经典折子戏专场')])) });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('越剧经典折子戏专场'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=42' });
  });

  it('filters by the tapped category, and 全部 clears it', async () => {
    const api = fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /menu': () => ok(paged([menuItem(1, '露天电影')])) });
    render(<HomePage />);
    await screen.findByText('露天电影');

    fireEvent.click(screen.getByText('电影放映'));
    await waitFor(() => expect(lastMenuQuery(api)).toMatchObject({ category: 'film', page: '1' }));
    expect(screen.getByText('已筛选：电影放映')).toBeTruthy();

    fireEvent.click(screen.getByText('全部'));
    await waitFor(() => expect(lastMenuQuery(api).category).toBeUndefined());
    expect(screen.queryByText(/^已筛选/)).toBeNull();
  });

  it('searches by keyword with the 搜索 button', async () => {
    const api = fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /menu': () => ok(paged([menuItem(1, '越剧专场')])) });
    const { container } = render(<HomePage />);
    await screen.findByText('越剧专场');

    await typeInto(container, '.search-row__input input', ' 越剧 ');
    fireEvent.click(screen.getByText('搜索'));

    await waitFor(() => expect(lastMenuQuery(api)).toMatchObject({ keyword: '越剧', page: '1' }));
  });

  it('changes the sort order and the audience filter', async () => {
    const api = fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /menu': () => ok(paged([menuItem(1, '越剧专场')])) });
    const { container } = render(<HomePage />);
    await screen.findByText('越剧专场');

    fireEvent.click(screen.getByText('评分最高'));
    await waitFor(() => expect(lastMenuQuery(api).sort).toBe('rating'));

    // The audience picker's options: 全部人群, 老年人, 少年儿童, 青年.
    pick(container.querySelector('taro-picker-core')!, 2);
    await waitFor(() => expect(lastMenuQuery(api)).toMatchObject({ audience: 'children', sort: 'rating' }));
    expect(screen.getByText('人群：少年儿童')).toBeTruthy();
  });

  it('加载更多 appends the next page and disappears at the end', async () => {
    const api = fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /menu': menuOf(items(1, 25)) });
    const { container } = render(<HomePage />);

    expect(await screen.findByText('项目1')).toBeTruthy();
    expect(container.querySelectorAll('.project-card')).toHaveLength(10);
    expect(screen.getByText('已显示 10 个，共 25 个')).toBeTruthy();

    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('项目20')).toBeTruthy();
    expect(screen.getByText('项目1')).toBeTruthy();
    expect(container.querySelectorAll('.project-card')).toHaveLength(20);
    expect(lastMenuQuery(api).page).toBe('2');

    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('项目25')).toBeTruthy();
    expect(container.querySelectorAll('.project-card')).toHaveLength(25);
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(screen.getByText('已全部显示，共 25 个')).toBeTruthy();
  });

  it('keeps the list when 加载更多 fails, and says why', async () => {
    let failNext = false;
    const all = items(1, 15);
    fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /menu': (req) => (failNext ? fail(500, ErrorCode.Internal, '服务器开小差了，请稍后再试') : menuOf(all)(req)),
    });
    const { container } = render(<HomePage />);
    await screen.findByText('项目1');
    failNext = true;
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('服务器开小差了，请稍后再试')).toBeTruthy();
    expect(container.querySelectorAll('.project-card')).toHaveLength(10);
    failNext = false;
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('项目15')).toBeTruthy();
  });

  it('says so when nothing matches, with a way to clear the filters', async () => {
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /menu': (req) => ok(paged(req.query.get('category') ? [] : [menuItem(1, '越剧专场')])),
    });
    render(<HomePage />);
    await screen.findByText('越剧专场');
    fireEvent.click(screen.getByText('科普活动'));
    expect(await screen.findByText('没有符合条件的项目')).toBeTruthy();

    fireEvent.click(screen.getAllByText('清除筛选')[1]);
    expect(await screen.findByText('越剧专场')).toBeTruthy();
    expect(lastMenuQuery(api).category).toBeUndefined();
  });

  it('says the menu is empty when there is nothing published yet', async () => {
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /menu': () => ok(paged([])) });
    render(<HomePage />);
    expect(await screen.findByText('菜单里还没有项目')).toBeTruthy();
  });

  it('shows the error in Chinese with 重试, and 重试 loads again', async () => {
    let fails = true;
    fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /menu': () => (fails ? fail(500, ErrorCode.Internal, '服务器开小差了，请稍后再试') : ok(paged([menuItem(1, '越剧专场')]))),
    });
    render(<HomePage />);

    expect(await screen.findByText('服务器开小差了，请稍后再试')).toBeTruthy();
    expect(screen.getByText('加载失败')).toBeTruthy();
    fails = false;
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('越剧专场')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('shows the network message when the server cannot be reached', async () => {
    jest.useFakeTimers();
    fakeApi({ 'GET /system': networkFailure, 'GET /menu': networkFailure });
    render(<HomePage />);
    await act(() => jest.runAllTimersAsync());
    jest.useRealTimers();
    expect(screen.getByText('网络不太好，请检查网络后重试')).toBeTruthy();
  });

  it('offers a hall manager 适合我的礼堂, which filters by their hall', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    const api = fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /menu': () => ok(paged([menuItem(1, '越剧专场')])) });
    render(<HomePage />);
    await screen.findByText('越剧专场');

    expect(screen.queryByText('为本礼堂推荐')).toBeNull();
    fireEvent.click(screen.getByText('适合我的礼堂'));
    await waitFor(() => expect(lastMenuQuery(api).hallId).toBe('11'));
    expect(screen.getByText('只看能到鲍田村文化礼堂服务的项目')).toBeTruthy();

    // Ranking for this hall is offered only while the hall filter is on, and goes with it.
    fireEvent.click(screen.getByText('为本礼堂推荐'));
    await waitFor(() => expect(lastMenuQuery(api).sort).toBe('recommended'));
    fireEvent.click(screen.getByText('适合我的礼堂'));
    await waitFor(() => expect(lastMenuQuery(api).hallId).toBeUndefined());
    expect(lastMenuQuery(api).sort).toBe('newest');
    expect(screen.queryByText('为本礼堂推荐')).toBeNull();
  });

  it('does not offer 适合我的礼堂 to a visitor', async () => {
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /menu': () => ok(paged([menuItem(1, '越剧专场')])) });
    render(<HomePage />);
    await screen.findByText('越剧专场');
    expect(screen.queryByText('适合我的礼堂')).toBeNull();
  });
});
