import { act, fireEvent, render, screen } from '@testing-library/react';
import { CATEGORY_LABELS, ErrorCode } from '@hall-menu/shared';
import { fail, fakeApi, networkFailure, ok } from '../../../test/fake-api';
import { hall, liveSystem, paged } from '../../../test/fixtures';
import HomePage from './index';

describe('首页', () => {
  it('shows the ten service categories and the halls from the API, without being logged in', async () => {
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /halls': () => ok({ ...paged([hall(1, '鲍田村文化礼堂'), hall(2, '上村文化礼堂')]), total: 35 }),
    });
    render(<HomePage />);

    for (const label of Object.values(CATEGORY_LABELS)) expect(screen.getByText(label)).toBeTruthy();
    expect(await screen.findByText('鲍田村文化礼堂')).toBeTruthy();
    expect(screen.getByText('上村文化礼堂')).toBeTruthy();
    expect(screen.getAllByText('瑞安市 塘下镇 鲍田村')).toHaveLength(2);
    expect(screen.getAllByText('座位 200 个')).toHaveLength(2);
    expect(screen.getByText('共 35 个')).toBeTruthy();

    const [halls] = api.callsTo('GET /halls');
    expect(halls.query.get('page')).toBe('1');
    expect(halls.query.get('pageSize')).toBe('20');
    expect(halls.header.Authorization).toBeUndefined();
  });

  it('says so when there are no halls yet', async () => {
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /halls': () => ok(paged([])) });
    render(<HomePage />);
    expect(await screen.findByText('还没有礼堂')).toBeTruthy();
  });

  it('shows the error in Chinese with 重试, and 重试 loads again', async () => {
    let fails = true;
    fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /halls': () => (fails ? fail(500, ErrorCode.Internal, '服务器开小差了，请稍后再试') : ok(paged([hall(1, '鲍田村文化礼堂')]))),
    });
    render(<HomePage />);

    expect(await screen.findByText('服务器开小差了，请稍后再试')).toBeTruthy();
    expect(screen.getByText('加载失败')).toBeTruthy();
    fails = false;
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('鲍田村文化礼堂')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('shows the network message when the server cannot be reached', async () => {
    jest.useFakeTimers();
    fakeApi({ 'GET /system': networkFailure, 'GET /halls': networkFailure });
    render(<HomePage />);
    await act(() => jest.runAllTimersAsync());
    jest.useRealTimers();
    expect(screen.getByText('网络不太好，请检查网络后重试')).toBeTruthy();
  });
});
