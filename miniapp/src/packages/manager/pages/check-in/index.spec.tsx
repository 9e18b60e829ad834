import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@hall-menu/shared';
import { fail, fakeApi, ok } from '../../../../../test/fake-api';
import { eventDetail, liveSystem, managerAndVillager, reservation, tokens } from '../../../../../test/fixtures';
import { typeInto } from '../../../../../test/interact';
import { useRouter } from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import CheckInPage from './index';

beforeEach(() => {
  useAuthStore.getState().signOut();
  useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
  useRouter.mockImplementation(() => ({ params: { eventId: '51' } }));
});

const base = { 'GET /system': () => ok(liveSystem), 'GET /events/51': () => ok(eventDetail()) };

describe('活动签到', () => {
  it('checks the code’s format before calling the server', async () => {
    const api = fakeApi(base);
    const { container } = render(<CheckInPage />);
    await typeInto(container, 'input[placeholder="例如 AB12CD34"]', 'ab12');
    fireEvent.click(screen.getByText('签到'));
    expect(screen.getByText('预约码是 8 位字母或数字')).toBeTruthy();
    expect(api.callsTo('POST /events/51/check-ins')).toHaveLength(0);
  });

  it('shows the server’s message when the code cannot be used, and the holder when it can', async () => {
    let tries = 0;
    const api = fakeApi({
      ...base,
      'POST /events/51/check-ins': () =>
        ++tries === 1
          ? fail(409, ErrorCode.InvalidTransition, '这个预约码已经签到过了')
          : ok({ reservation: reservation({ status: 'checked_in', seats: 2 }), holderName: '王阿婆' }),
    });
    const { container } = render(<CheckInPage />);
    await typeInto(container, 'input[placeholder="例如 AB12CD34"]', 'ab12cd34');
    fireEvent.click(screen.getByText('签到'));
    expect(await screen.findByText('这个预约码已经签到过了')).toBeTruthy();
    // Typed in lower case, sent in upper case.
    expect(api.callsTo('POST /events/51/check-ins')[0].data).toEqual({ code: 'AB12CD34' });

    fireEvent.click(screen.getByText('签到'));
    expect(await screen.findByText('签到成功：王阿婆，2 个座位')).toBeTruthy();
    expect(screen.queryByText('这个预约码已经签到过了')).toBeNull();
  });

  it('records walk-ins and reserves for a villager without a phone', async () => {
    const api = fakeApi({
      ...base,
      'POST /events/51/walk-ins': () => ok(eventDetail({ walkIns: 5 })),
      'POST /events/51/proxy-reservations': () => ok(reservation({ guestName: '王阿婆', code: 'ZX98YU76' })),
    });
    const { container } = render(<CheckInPage />);
    fireEvent.click(await screen.findByText('登记人数'));
    expect(screen.getByText('请填写人数')).toBeTruthy();
    expect(api.callsTo('POST /events/51/walk-ins')).toHaveLength(0);
    await typeInto(container, 'input[placeholder="例如 5"]', '5');
    fireEvent.click(screen.getByText('登记人数'));
    expect(await screen.findByText('已登记 5 人，现场登记共 5 人')).toBeTruthy();
    expect(screen.queryByText('请填写人数')).toBeNull();
    fireEvent.click(screen.getByText('登记人数'));
    expect(screen.getByText('请填写人数')).toBeTruthy();
    expect(screen.queryByText('已登记 5 人，现场登记共 5 人')).toBeNull();

    fireEvent.click(screen.getByText('代为预约'));
    expect(screen.getByText('请填写村民姓名')).toBeTruthy();
    await typeInto(container, 'input[placeholder="例如 王阿婆"]', '王阿婆');
    fireEvent.click(screen.getByText('2 个'));
    fireEvent.click(screen.getByText('代为预约'));
    expect(await screen.findByText('已代为预约，预约码 ZX98YU76')).toBeTruthy();
    await waitFor(() => expect(api.callsTo('POST /events/51/proxy-reservations')[0].data).toEqual({ seats: 2, guestName: '王阿婆' }));
  });
});

describe('开放座位', () => {
  it('lowers the seats open to villagers, and shows the server’s refusal when more are reserved already', async () => {
    let tries = 0;
    const api = fakeApi({
      ...base,
      'PUT /events/51/seats': () =>
        ++tries === 1 ? fail(409, ErrorCode.Conflict, '已经有 20 个座位被预约，不能少于这个数') : ok(eventDetail({ seats: 150, seatsLeft: 130 })),
    });
    const { container } = render(<CheckInPage />);
    const seatsInput = 'input[placeholder="例如 150"]';
    await typeInto(container, seatsInput, '');
    fireEvent.click(screen.getByText('保存座位数'));
    expect(screen.getByText('请填写开放的座位数')).toBeTruthy();
    expect(api.callsTo('PUT /events/51/seats')).toHaveLength(0);

    await typeInto(container, seatsInput, '10');
    fireEvent.click(screen.getByText('保存座位数'));
    expect(await screen.findByText('已经有 20 个座位被预约，不能少于这个数')).toBeTruthy();
    expect(api.callsTo('PUT /events/51/seats')[0].data).toEqual({ seats: 10 });

    await typeInto(container, seatsInput, '150');
    fireEvent.click(screen.getByText('保存座位数'));
    expect(await screen.findByText('已改为开放 150 个座位')).toBeTruthy();
    expect(screen.queryByText('已经有 20 个座位被预约，不能少于这个数')).toBeNull();
  });
});
