import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fail, fakeApi, ok } from '../../../../../test/fake-api';
import { liveSystem, paged, tokens } from '../../../../../test/fixtures';
import { typeInto } from '../../../../../test/interact';
import Taro, { useRouter } from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import { adminHall, adminUser, cityAdmin } from '../../admin-fixtures';
import AdminHallPage from './index';

const routes = { 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(cityAdmin) };

beforeEach(() => {
  useAuthStore.getState().signIn({ tokens: tokens(), me: cityAdmin });
  useRouter.mockImplementation(() => ({ params: { id: '11' } }));
});

describe('礼堂详情', () => {
  it('shows the hall with its quota, managers and status', async () => {
    fakeApi({ ...routes, 'GET /admin/halls/11': () => ok(adminHall()) });
    render(<AdminHallPage />);
    expect(await screen.findByText('鲍田村文化礼堂')).toBeTruthy();
    expect(screen.getByText('2026 年已用 3 个，剩余 9 个')).toBeTruthy();
    expect(screen.getByText('李建国')).toBeTruthy();
    expect(screen.getByText('舞台、音响')).toBeTruthy();
    expect(screen.getByText('开放中')).toBeTruthy();
  });

  it('checks the quota with the shared rules before saving, then saves it with the reason', async () => {
    const api = fakeApi({
      ...routes,
      'GET /admin/halls/11': () => ok(adminHall()),
      'PUT /admin/halls/11/quota': () => ok(adminHall({ annualQuota: 20, quotaLeft: 17 })),
    });
    const { container } = render(<AdminHallPage />);
    await screen.findByText('鲍田村文化礼堂');

    await typeInto(container, 'input[placeholder="例如 12"]', '300');
    fireEvent.click(screen.getByText('保存额度'));
    expect(await screen.findByText('年度点单额度最多 200')).toBeTruthy();
    expect(api.callsTo('PUT /admin/halls/11/quota')).toHaveLength(0);

    await typeInto(container, 'input[placeholder="例如 12"]', '20');
    await typeInto(container, 'input[placeholder="例如：年中追加额度"]', '年中追加');
    fireEvent.click(screen.getByText('保存额度'));
    await waitFor(() => expect(api.callsTo('PUT /admin/halls/11/quota')).toHaveLength(1));
    expect(api.callsTo('PUT /admin/halls/11/quota')[0].data).toEqual({ annualQuota: 20, reason: '年中追加' });
    expect(await screen.findByText('2026 年已用 3 个，剩余 17 个')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '额度已保存', icon: 'success' });
  });

  it('finds a person and makes them a manager; removes a manager after confirming', async () => {
    const candidate = adminUser({ id: 5, nickname: '陈小平' });
    const api = fakeApi({
      ...routes,
      'GET /admin/halls/11': () => ok(adminHall()),
      'GET /admin/users': () => ok(paged([candidate, adminUser({ id: 2, nickname: '李建国' })])),
      'POST /admin/halls/11/managers': () => ok(adminHall({ managers: [{ id: 2, nickname: '李建国' }, { id: 5, nickname: '陈小平' }] })),
      'DELETE /admin/halls/11/managers/2': () => ok(adminHall({ managers: [{ id: 5, nickname: '陈小平' }] })),
    });
    const { container } = render(<AdminHallPage />);
    await screen.findByText('鲍田村文化礼堂');

    await typeInto(container, 'input[placeholder="昵称、手机号或编号"]', '陈');
    fireEvent.click(screen.getAllByText('搜索')[0]);
    expect(await screen.findByText('陈小平（编号 5）')).toBeTruthy();
    expect(api.callsTo('GET /admin/users')[0].query.get('q')).toBe('陈');
    // Someone who already manages the hall cannot be added twice.
    expect(screen.getByText('已是管理员')).toBeTruthy();
    fireEvent.click(screen.getByText('设为管理员'));
    await waitFor(() => expect(api.callsTo('POST /admin/halls/11/managers')).toHaveLength(1));
    expect(api.callsTo('POST /admin/halls/11/managers')[0].data).toEqual({ userId: 5 });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已添加管理员', icon: 'success' });

    fireEvent.click(screen.getAllByText('移除')[0]);
    await waitFor(() => expect(api.callsTo('DELETE /admin/halls/11/managers/2')).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '移除管理员' }));
  });

  it('closes the hall only with a reason and after confirming, and shows why the server refused', async () => {
    let refuse = true;
    const api = fakeApi({
      ...routes,
      'GET /admin/halls/11': () => ok(adminHall()),
      'POST /admin/halls/11/close': () =>
        refuse ? fail(409, 'CONFLICT', '该礼堂还有 2 个进行中的点单，请先处理完（完成或取消）再关闭') : ok(adminHall({ active: false })),
    });
    const { container } = render(<AdminHallPage />);
    await screen.findByText('鲍田村文化礼堂');

    fireEvent.click(screen.getByText('关闭礼堂', { selector: 'taro-button-core' }));
    fireEvent.click(screen.getByText('确认关闭礼堂'));
    expect(await screen.findByText('请填写关闭原因')).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();

    await typeInto(container, 'textarea[placeholder="例如：礼堂拆除重建"]', '礼堂拆除重建');
    fireEvent.click(screen.getByText('确认关闭礼堂'));
    expect(await screen.findByText('该礼堂还有 2 个进行中的点单，请先处理完（完成或取消）再关闭')).toBeTruthy();
    expect(api.callsTo('POST /admin/halls/11/close')[0].data).toEqual({ reason: '礼堂拆除重建' });

    refuse = false;
    fireEvent.click(screen.getByText('确认关闭礼堂'));
    expect(await screen.findByText('已关闭')).toBeTruthy();
    expect(screen.getByText('重新开放', { selector: 'taro-button-core' })).toBeTruthy();
  });

  it('saves blackout periods and refuses an end before the start', async () => {
    const api = fakeApi({
      ...routes,
      'GET /admin/halls/11': () => ok(adminHall()),
      'PUT /admin/halls/11/blackouts': (request) => ok(adminHall({ blackouts: (request.data as { periods: never[] }).periods })),
    });
    const { container } = render(<AdminHallPage />);
    await screen.findByText('鲍田村文化礼堂');
    fireEvent.click(screen.getByText('添加一段'));
    const pickers = container.querySelectorAll('.row-item taro-picker-core');
    fireEvent(pickers[0], new CustomEvent('change', { detail: { value: '2026-07-10' } }));
    fireEvent(pickers[1], new CustomEvent('change', { detail: { value: '2026-07-01' } }));
    fireEvent.click(screen.getByText('保存暂停日期'));
    expect(await screen.findByText('结束日期不能早于开始日期')).toBeTruthy();
    expect(api.callsTo('PUT /admin/halls/11/blackouts')).toHaveLength(0);

    fireEvent(pickers[1], new CustomEvent('change', { detail: { value: '2026-07-20' } }));
    await typeInto(container, 'input[placeholder="说明，例如：礼堂维修"]', '礼堂维修');
    fireEvent.click(screen.getByText('保存暂停日期'));
    await waitFor(() => expect(api.callsTo('PUT /admin/halls/11/blackouts')).toHaveLength(1));
    expect(api.callsTo('PUT /admin/halls/11/blackouts')[0].data).toEqual({ periods: [{ from: '2026-07-10', to: '2026-07-20', note: '礼堂维修' }] });
    expect(await screen.findByText('已保存：2026年7月10日 至 2026年7月20日（礼堂维修）')).toBeTruthy();
  });

  it('lists the scheduled services a new blackout would cover, and sets it anyway only when asked', async () => {
    const repair = { from: '2026-07-10', to: '2026-07-20', note: '' };
    const service = {
      orderId: 41,
      eventId: 52,
      date: '2026-07-12',
      startsAt: '2026-07-12T06:00:00.000Z',
      endsAt: '2026-07-12T08:00:00.000Z',
      title: '越剧《五女拜寿》',
      provider: { id: 3, name: '瑞安越剧团', contactName: '王芳', contactPhone: '13800001111' },
    };
    const api = fakeApi({
      ...routes,
      'GET /admin/halls/11': () => ok(adminHall()),
      'PUT /admin/halls/11/blackouts': (request) =>
        (request.data as { force?: boolean }).force
          ? ok(adminHall({ blackouts: [repair] }))
          : fail(409, 'CONFLICT', '新的暂停接待日期内已经安排了 1 场服务', { scheduledServices: [service] }),
    });
    const { container } = render(<AdminHallPage />);
    await screen.findByText('鲍田村文化礼堂');
    fireEvent.click(screen.getByText('添加一段'));
    const pickers = container.querySelectorAll('.row-item taro-picker-core');
    fireEvent(pickers[0], new CustomEvent('change', { detail: { value: repair.from } }));
    fireEvent(pickers[1], new CustomEvent('change', { detail: { value: repair.to } }));
    fireEvent.click(screen.getByText('保存暂停日期'));

    expect(await screen.findByText('新的暂停接待日期内已经安排了 1 场服务，请先与服务方商量改期或取消：')).toBeTruthy();
    expect(screen.getByText(/2026年7月12日 周日 14:00–16:00「越剧《五女拜寿》」/)).toBeTruthy();
    expect(screen.getByText('瑞安越剧团 · 联系人 王芳 13800001111')).toBeTruthy();
    expect(api.callsTo('PUT /admin/halls/11/blackouts')[0].data).toEqual({ periods: [repair] });
    expect(screen.queryByText(/^已保存：/)).toBeNull();

    fireEvent.click(screen.getByText('仍然设置'));
    await waitFor(() => expect(api.callsTo('PUT /admin/halls/11/blackouts')).toHaveLength(2));
    expect(api.callsTo('PUT /admin/halls/11/blackouts')[1].data).toEqual({ periods: [repair], force: true });
    expect(await screen.findByText('已保存：2026年7月10日 至 2026年7月20日')).toBeTruthy();
    expect(screen.queryByText('仍然设置')).toBeNull();
  });

  it('tells a reviewer when the hall is outside their region', async () => {
    fakeApi({ ...routes, 'GET /admin/halls/11': () => fail(403, 'OUT_OF_SCOPE', '只能管理您负责地区内的礼堂') });
    render(<AdminHallPage />);
    expect(await screen.findByText('只能管理您负责地区内的礼堂')).toBeTruthy();
    expect(screen.getByText('没有权限')).toBeTruthy();
  });
});
