import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode, type MeResponse } from '@hall-menu/shared';
import { fail, fakeApi, ok } from '../../../../../test/fake-api';
import { hall, liveSystem, managerAndVillager, order, projectDetail, tokens } from '../../../../../test/fixtures';
import { errorUnder, pick, typeInto } from '../../../../../test/interact';
import Taro, { useRouter } from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import OrderFormPage from './index';

const twoHalls: MeResponse = {
  ...managerAndVillager,
  scopes: {
    ...managerAndVillager.scopes,
    halls: [
      { id: 11, name: '鲍田村文化礼堂', villageCode: '330381102201' },
      { id: 12, name: '陶山村文化礼堂', villageCode: '330381103201' },
    ],
  },
};

const routes = {
  'GET /system': () => ok(liveSystem),
  'GET /projects/7': () => ok(projectDetail()),
  'GET /halls/11': () => ok(hall(11, '鲍田村文化礼堂')),
  'GET /halls/12': () => ok({ ...hall(12, '陶山村文化礼堂'), annualQuota: 6, quotaUsed: 6 }),
};

beforeEach(() => {
  useAuthStore.getState().signOut();
  useAuthStore.getState().signIn({ tokens: tokens(), me: twoHalls });
  useRouter.mockImplementation(() => ({ params: { projectId: '7' } }));
});

describe('点单预约', () => {
  it('checks the form with the shared schema before sending anything', async () => {
    const api = fakeApi(routes);
    const { container } = render(<OrderFormPage />);
    expect(await screen.findByText('越剧经典折子戏专场')).toBeTruthy();

    fireEvent.click(screen.getByText('提交点单'));
    expect(screen.getByText('还有 2 处需要修改，请看各项下面的红字提示')).toBeTruthy();
    expect(errorUnder(container, '为哪个礼堂点单')).toBe('请选择礼堂');
    expect(errorUnder(container, '预计观众人数')).toBe('请填写预计观众人数');

    await typeInto(container, 'input[placeholder="例如 150"]', '0');
    fireEvent.click(screen.getByText('提交点单'));
    expect(errorUnder(container, '预计观众人数')).toBe('预计观众至少 1 人');
    expect(api.callsTo('POST /orders')).toHaveLength(0);
  });

  it('shows the chosen hall’s quota left this year', async () => {
    fakeApi(routes);
    render(<OrderFormPage />);
    fireEvent.click(await screen.findByText('陶山村文化礼堂'));
    expect(screen.getByText('陶山村文化礼堂：今年剩余点单额度 0 次')).toBeTruthy();
    fireEvent.click(screen.getByText('鲍田村文化礼堂'));
    expect(screen.getByText('鲍田村文化礼堂：今年剩余点单额度 9 次')).toBeTruthy();
  });

  it('sends one idempotency key per form, the same on a retry, and opens the new order', async () => {
    let attempts = 0;
    const api = fakeApi({
      ...routes,
      'POST /orders': () =>
        ++attempts === 1
          ? fail(400, ErrorCode.ValidationFailed, '填写的内容有误，请检查后重试', {
              fields: [{ field: 'windows.0.from', message: '该项目需提前 7 天预约，最早可选 2026年12月1日' }],
            })
          : ok(order({ id: 31 })),
    });
    const { container } = render(<OrderFormPage />);
    fireEvent.click(await screen.findByText('鲍田村文化礼堂'));
    const [from, to] = Array.from(container.querySelectorAll('taro-picker-core'));
    pick(from, '2026-12-05');
    pick(to, '2026-12-06');
    await typeInto(container, 'input[placeholder="例如 150"]', '150');
    fireEvent.click(screen.getByText('提交点单'));

    expect(await screen.findByText('该项目需提前 7 天预约，最早可选 2026年12月1日')).toBeTruthy();
    expect(Taro.redirectTo).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('提交点单'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/order/index?id=31' }));

    const posts = api.callsTo('POST /orders');
    expect(posts).toHaveLength(2);
    const key = posts[0].header['Idempotency-Key'];
    expect(key).toMatch(/^[\w-]{8,64}$/);
    expect(posts[1].header['Idempotency-Key']).toBe(key);
    expect(posts[1].data).toEqual({
      projectId: 7,
      hallId: 11,
      windows: [{ from: '2026-12-05', to: '2026-12-06' }],
      expectedAudience: 150,
      notes: '',
    });
  });

  it('shows the server’s reason when the quota is used up', async () => {
    fakeApi({ ...routes, 'POST /orders': () => fail(409, ErrorCode.QuotaExhausted, '本礼堂今年的点单额度已用完') });
    const { container } = render(<OrderFormPage />);
    fireEvent.click(await screen.findByText('陶山村文化礼堂'));
    await typeInto(container, 'input[placeholder="例如 150"]', '80');
    fireEvent.click(screen.getByText('提交点单'));
    expect(await screen.findByText('本礼堂今年的点单额度已用完')).toBeTruthy();
  });
});
