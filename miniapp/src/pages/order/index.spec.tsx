import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@hall-menu/shared';
import { fail, fakeApi, ok } from '../../../test/fake-api';
import { liveSystem, order, providerMember, tokens } from '../../../test/fixtures';
import { pick, typeInto } from '../../../test/interact';
import Taro, { useRouter } from '../../../test/taro-mock';
import { useAuthStore } from '../../stores/auth';
import OrderPage from './index';

const buttonLabels = (container: HTMLElement) => Array.from(container.querySelectorAll('.action-list taro-button-core')).map((b) => b.textContent);

beforeEach(() => {
  useAuthStore.getState().signOut();
  useAuthStore.getState().signIn({ tokens: tokens(), me: providerMember });
  useRouter.mockImplementation(() => ({ params: { id: '31' } }));
});

const base = {
  'GET /system': () => ok(liveSystem),
  'GET /orders/31/timeline': () =>
    ok([{ id: 1, event: 'create', fromState: null, toState: 'pending', actorName: '李建国', actorRole: 'hall_manager', reason: null, createdAt: '2026-11-13T02:00:00.000Z' }]),
};

describe('点单详情', () => {
  it('draws buttons only from allowedActions, with the shared labels', async () => {
    fakeApi({ ...base, 'GET /orders/31': () => ok(order({ allowedActions: ['accept', 'propose', 'decline'] })) });
    const { container } = render(<OrderPage />);
    expect(await screen.findByText('越剧经典折子戏专场')).toBeTruthy();
    expect(screen.getByText('待服务方答复')).toBeTruthy();
    expect(screen.getByText('2026年12月5日 至 2026年12月6日')).toBeTruthy();
    expect(buttonLabels(container)).toEqual(['接单并确定时间', '建议其他时间', '婉拒', '查看项目']);
    expect(await screen.findByText('李建国（礼堂管理员）', { exact: false })).toBeTruthy();
  });

  it('shows no action buttons when the viewer may do nothing', async () => {
    fakeApi({ ...base, 'GET /orders/31': () => ok(order({ status: 'declined', allowedActions: [] })) });
    const { container } = render(<OrderPage />);
    expect(await screen.findByText('服务方已婉拒')).toBeTruthy();
    expect(buttonLabels(container)).toEqual(['查看项目']);
  });

  it('refuses to decline without a reason, then sends the reason', async () => {
    const api = fakeApi({
      ...base,
      'GET /orders/31': () => ok(order({ allowedActions: ['accept', 'decline'] })),
      'POST /orders/31/actions/decline': () => ok(order({ status: 'declined' })),
    });
    const { container } = render(<OrderPage />);
    fireEvent.click(await screen.findByText('婉拒'));
    fireEvent.click(screen.getByText('确认婉拒'));
    expect(screen.getByText('请填写原因')).toBeTruthy();
    expect(api.callsTo('POST /orders/31/actions/decline')).toHaveLength(0);

    await typeInto(container, '.reason-form textarea', '这段时间演员都有演出');
    fireEvent.click(screen.getByText('确认婉拒'));
    await waitFor(() => expect(api.callsTo('POST /orders/31/actions/decline')).toHaveLength(1));
    expect(api.callsTo('POST /orders/31/actions/decline')[0].data).toEqual({ reason: '这段时间演员都有演出' });
  });

  it('accepts with a date and times sent as Beijing instants (+08:00), and shows the server’s refusal', async () => {
    let accepted = 0;
    const api = fakeApi({
      ...base,
      'GET /orders/31': () => ok(order({ allowedActions: ['accept', 'propose', 'decline'] })),
      'POST /orders/31/actions/accept': () =>
        ++accepted === 1
          ? fail(409, ErrorCode.ScheduleConflict, '该时段已有其他安排，请换个时间')
          : ok(order({ status: 'accepted', scheduledStart: '2026-12-06T06:30:00.000Z', scheduledEnd: '2026-12-06T08:00:00.000Z' })),
    });
    const { container } = render(<OrderPage />);
    fireEvent.click(await screen.findByText('接单并确定时间'));
    // The picker starts on the first day the hall asked for.
    expect(screen.getByText('日期：2026年12月5日')).toBeTruthy();
    const [date, start, end] = Array.from(container.querySelectorAll('.slot-picker taro-picker-core'));
    pick(date, '2026-12-06');
    pick(start, '14:30');
    pick(end, '16:00');
    fireEvent.click(screen.getByText('确认接单并确定时间'));
    expect(await screen.findByText('该时段已有其他安排，请换个时间')).toBeTruthy();
    fireEvent.click(screen.getByText('确认接单并确定时间'));
    await waitFor(() => expect(api.callsTo('POST /orders/31/actions/accept')).toHaveLength(2));
    expect(api.callsTo('POST /orders/31/actions/accept')[1].data).toEqual({ start: '2026-12-06T14:30:00+08:00', end: '2026-12-06T16:00:00+08:00' });
  });

  it('will not accept an end before the start', async () => {
    const api = fakeApi({ ...base, 'GET /orders/31': () => ok(order({ allowedActions: ['accept'] })) });
    const { container } = render(<OrderPage />);
    fireEvent.click(await screen.findByText('接单并确定时间'));
    const [, start, end] = Array.from(container.querySelectorAll('.slot-picker taro-picker-core'));
    pick(start, '16:00');
    pick(end, '15:00');
    fireEvent.click(screen.getByText('确认接单并确定时间'));
    expect(screen.getByText('结束时间要晚于开始时间')).toBeTruthy();
    expect(api.callsTo('POST /orders/31/actions/accept')).toHaveLength(0);
  });

  it('reports completion with the head count and a note', async () => {
    const api = fakeApi({
      ...base,
      'GET /orders/31': () => ok(order({ status: 'in_service', allowedActions: ['complete'] })),
      'POST /orders/31/actions/complete': () => ok(order({ status: 'completed' })),
    });
    const { container } = render(<OrderPage />);
    fireEvent.click(await screen.findByText('报告完成'));
    fireEvent.click(screen.getByText('确认报告完成'));
    expect(screen.getByText('请填写到场人数')).toBeTruthy();
    await typeInto(container, 'input[placeholder="例如 120"]', '130');
    await typeInto(container, '.reason-form textarea', '演出顺利');
    fireEvent.click(screen.getByText('确认报告完成'));
    await waitFor(() => expect(api.callsTo('POST /orders/31/actions/complete')).toHaveLength(1));
    expect(api.callsTo('POST /orders/31/actions/complete')[0].data).toEqual({ headCount: 130, photos: [], note: '演出顺利' });
  });

  it('offers the provider 联系礼堂, which opens the order’s conversation', async () => {
    fakeApi({ ...base, 'GET /orders/31': () => ok(order({ allowedActions: [] })) });
    render(<OrderPage />);
    fireEvent.click(await screen.findByText('联系礼堂'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/chat/index?kind=order&subjectId=31' });
  });

  it('offers no conversation to someone outside the order', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: { ...providerMember, scopes: { ...providerMember.scopes, provider: { id: 99, name: '别的剧团' } } } });
    fakeApi({ ...base, 'GET /orders/31': () => ok(order({ allowedActions: [] })) });
    render(<OrderPage />);
    await screen.findByText('越剧经典折子戏专场');
    expect(screen.queryByText('联系礼堂')).toBeNull();
    expect(screen.queryByText('联系服务方')).toBeNull();
  });
});

describe('服务评价', () => {
  it('asks for every score before sending, then sends the provider’s rating of the hall', async () => {
    const api = fakeApi({
      ...base,
      'GET /orders/31': () => ok(order({ status: 'confirmed', allowedActions: [] })),
      'GET /orders/31/ratings': () => ok([]),
      'POST /orders/31/ratings/provider': () => ok({}),
    });
    const { container } = render(<OrderPage />);
    fireEvent.click(await screen.findByText('提交评价'));
    expect(screen.getByText('每一项都要打分')).toBeTruthy();
    expect(container.querySelectorAll('[data-rating-form="provider"] .field--invalid')).toHaveLength(2);
    expect(api.callsTo('POST /orders/31/ratings/provider')).toHaveLength(0);

    const stars = container.querySelectorAll('[data-rating-form="provider"] [data-stars="4"]');
    stars.forEach((star) => fireEvent.click(star));
    fireEvent.click(screen.getByText('提交评价'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '评价已提交', icon: 'none' }));
    expect(api.callsTo('POST /orders/31/ratings/provider')[0].data).toMatchObject({ scores: { organisation: 4, turnout: 4 } });
  });
});
