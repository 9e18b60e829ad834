import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode, type EventRatingDto } from '@hall-menu/shared';
import { fail, fakeApi, ok } from '../../../test/fake-api';
import { eventDetail, eventRating, liveSystem, managerAndVillager, reservation, tokens, villager } from '../../../test/fixtures';
import { typeInto } from '../../../test/interact';
import Taro, { useRouter } from '../../../test/taro-mock';
import { useAuthStore } from '../../stores/auth';
import EventPage from './index';

beforeEach(() => {
  useAuthStore.getState().signOut();
  useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
  useRouter.mockImplementation(() => ({ params: { id: '51' } }));
});

describe('活动详情', () => {
  it('shows time, place and seats, and reserves the chosen number of seats onto the waitlist when full', async () => {
    let reserved = false;
    const waitlisted = reservation({ status: 'waitlisted', seats: 3, waitlistPosition: 2 });
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /events/51': () => ok(eventDetail({ seatsLeft: 0, waitlistCount: 1, myReservation: reserved ? waitlisted : null })),
      'POST /events/51/reservations': () => {
        reserved = true;
        return ok(waitlisted);
      },
    });
    render(<EventPage />);
    expect(await screen.findByText('2026年12月5日 周六 14:00–16:00')).toBeTruthy();
    expect(screen.getByText('鲍田村文化礼堂')).toBeTruthy();
    expect(screen.getByText('剩余 0 个，共 200 个，候补 1 人')).toBeTruthy();
    expect(screen.getByText('座位已满，现在预约会加入候补，有人取消时按顺序补上。')).toBeTruthy();
    // Chips from 1 to maxSeatsPerPerson.
    expect(screen.getByText('4 个座位')).toBeTruthy();
    expect(screen.queryByText('5 个座位')).toBeNull();

    fireEvent.click(screen.getByText('3 个座位'));
    fireEvent.click(screen.getByText('预约（加入候补）'));
    expect(await screen.findByText('已加入候补，第 2 位')).toBeTruthy();
    expect(api.callsTo('POST /events/51/reservations')[0].data).toEqual({ seats: 3 });
    // The reservation with its code, and the way to cancel.
    expect(await screen.findByText('AB12CD34')).toBeTruthy();
    expect(screen.getByText('取消预约')).toBeTruthy();
  });

  it('says plainly why a suspended villager cannot reserve', async () => {
    fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /events/51': () => ok(eventDetail()),
      'POST /events/51/reservations': () =>
        fail(403, ErrorCode.ReservationSuspended, '近 90 天内 3 次预约未到场，预约资格暂停至 2026年12月20日 00:00', { until: '2026-12-19T16:00:00.000Z' }),
    });
    render(<EventPage />);
    fireEvent.click(await screen.findByText('预约'));
    expect(await screen.findByText('暂时不能预约：近 90 天内 3 次预约未到场，预约资格暂停至 2026年12月20日 00:00')).toBeTruthy();
  });

  it('shows my reservation with its code and cancels it after asking', async () => {
    let cancelled = false;
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /events/51': () => ok(eventDetail({ myReservation: cancelled ? reservation({ status: 'cancelled', allowedActions: [] }) : reservation() })),
      'POST /reservations/71/cancel': () => {
        cancelled = true;
        return ok(reservation({ status: 'cancelled' }));
      },
    });
    render(<EventPage />);
    expect(await screen.findByText('AB12CD34')).toBeTruthy();
    expect(screen.getByText('入场时把这个页面出示给管理员')).toBeTruthy();
    expect(document.querySelector('.qr')).not.toBeNull();
    fireEvent.click(screen.getByText('取消预约'));
    await waitFor(() => expect(api.callsTo('POST /reservations/71/cancel')).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalled();
    // Cancelled: the seat chips come back.
    expect(await screen.findByText('1 个座位')).toBeTruthy();
  });

  it('offers the hall’s manager the check-in screen', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /events/51': () => ok(eventDetail({ checkedIn: 12, walkIns: 3 })) });
    render(<EventPage />);
    fireEvent.click(await screen.findByText('签到管理'));
    expect(screen.getByText('已签到 12 人 · 现场登记 3 人')).toBeTruthy();
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/manager/pages/check-in/index?eventId=51' });
  });
});

describe('我的评价 on the event page', () => {
  const attended = reservation({ status: 'checked_in', allowedActions: [] });

  it('shows the rating the server knows is mine instead of 去评价, even on a phone that never rated here', async () => {
    const mine = eventRating({ stars: 4 });
    fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /events/51': () => ok(eventDetail({ myReservation: attended, myRating: mine })),
      'GET /events/51/ratings': () => ok([mine]),
    });
    render(<EventPage />);
    expect(await screen.findByText('我的评价')).toBeTruthy();
    expect(document.querySelector('[data-my-rating="91"]')?.textContent).toContain('★★★★☆');
    expect(screen.queryByText('去评价')).toBeNull();
    expect(screen.getByText('修改评价')).toBeTruthy();
  });

  it('offers 去评价 to a villager who came and has not rated, and shows 我的评价 once they have', async () => {
    let rated: EventRatingDto | null = null;
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /events/51': () => ok(eventDetail({ myReservation: attended, myRating: rated })),
      'GET /events/51/ratings': () => ok(rated ? [rated] : []),
      'POST /events/51/rating': () => {
        rated = eventRating({ stars: 5, text: '' });
        return ok(rated);
      },
    });
    render(<EventPage />);
    fireEvent.click(await screen.findByText('去评价'));
    expect(screen.queryByText('我的评价')).toBeNull();
    fireEvent.click(document.querySelector('[data-stars="5"]')!);
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('我的评价')).toBeTruthy();
    expect(api.callsTo('POST /events/51/rating')[0].data).toMatchObject({ stars: 5 });
    expect(document.querySelector('[data-my-rating="91"]')?.textContent).toContain('★★★★★');
    expect(screen.queryByText('去评价')).toBeNull();
  });

  it('asks for stars first, keeps the words after a blocked word, and turns into 保存修改 when rated on another phone', async () => {
    let posts = 0;
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /events/51': () => ok(eventDetail({ myReservation: attended, myRating: null })),
      'GET /events/51/ratings': () => ok([]),
      'POST /events/51/rating': () =>
        ++posts === 1
          ? fail(400, ErrorCode.SensitiveContent, '内容含有不当用语“某词”，请修改后再提交', { fields: [{ field: 'text', message: '含有不当用语“某词”' }] })
          : fail(409, ErrorCode.AlreadyRated, '您已经评价过了'),
      'PUT /events/51/rating': () => ok(eventRating({ stars: 4, text: '节目精彩' })),
    });
    const { container } = render(<EventPage />);
    fireEvent.click(await screen.findByText('去评价'));
    fireEvent.click(screen.getByText('提交评价'));
    expect(container.querySelector('.field--invalid .form-error')?.textContent).toBe('请打分');
    expect(container.querySelector('.notice--error')).toBeNull();
    expect(api.callsTo('POST /events/51/rating')).toHaveLength(0);

    fireEvent.click(document.querySelector('[data-stars="4"]')!);
    await typeInto(container, 'textarea', '节目精彩');
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('内容含有不当用语“某词”，请修改后再提交')).toBeTruthy();
    expect(screen.getByText('含有不当用语“某词”')).toBeTruthy();
    expect((container.querySelector('textarea') as HTMLTextAreaElement).value).toBe('节目精彩');

    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText(/您已经评价过这场活动了/)).toBeTruthy();
    expect(screen.queryByText('内容含有不当用语“某词”，请修改后再提交')).toBeNull();
    fireEvent.click(screen.getByText('保存修改'));
    await waitFor(() => expect(api.callsTo('PUT /events/51/rating')).toHaveLength(1));
    expect(api.callsTo('PUT /events/51/rating')[0].data).toMatchObject({ stars: 4, text: '节目精彩' });
  });

  it('says when my rating was hidden by a reviewer, without offering to change it', async () => {
    fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /events/51': () => ok(eventDetail({ myReservation: attended, myRating: eventRating({ hidden: true }) })),
      'GET /events/51/ratings': () => ok([]),
    });
    render(<EventPage />);
    expect(await screen.findByText('这条评价已被审核员隐藏，不再计分，也不能修改了')).toBeTruthy();
    expect(screen.queryByText('修改评价')).toBeNull();
    expect(screen.queryByText('去评价')).toBeNull();
  });
});
