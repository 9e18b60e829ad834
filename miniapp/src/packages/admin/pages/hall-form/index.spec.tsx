import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, ok } from '../../../../../test/fake-api';
import { liveSystem, region, tokens } from '../../../../../test/fixtures';
import { pick, typeInto } from '../../../../../test/interact';
import Taro from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import { adminHall, cityAdmin } from '../../admin-fixtures';
import { emptyHallDraft, validateHallDraft } from './hall-draft';
import AdminHallFormPage from './index';

describe('礼堂信息 form rules', () => {
  it('asks for a village, a name and seats, in Chinese', () => {
    const checked = validateHallDraft(emptyHallDraft());
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toMatchObject({ name: '礼堂名称至少 2 个字', villageCode: '请选择礼堂所在的村(社区)', seats: '请填写座位数' });
  });

  it('says what is wrong with coordinates and whole numbers', () => {
    const draft = { ...emptyHallDraft(), name: '新塘村文化礼堂', villageCode: '330381102202', seats: '120.5', latitude: '127', longitude: '', annualQuota: '1.5' };
    const checked = validateHallDraft(draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toMatchObject({ seats: '座位数必须是整数', latitude: '纬度应为 -90 到 90 之间的数字，例如 27.78', annualQuota: '年度点单额度必须是整数' });
  });

  it('builds the request the server expects', () => {
    const draft = { ...emptyHallDraft(), name: ' 新塘村文化礼堂 ', villageCode: '330381102202', seats: '120', latitude: '27.78', longitude: '120.65', facilities: ['stage' as const] };
    expect(validateHallDraft(draft)).toEqual({
      ok: true,
      input: { name: '新塘村文化礼堂', villageCode: '330381102202', address: '', latitude: 27.78, longitude: 120.65, seats: 120, facilities: ['stage'], starLevel: 3, annualQuota: 12 },
    });
  });
});

describe('新建礼堂', () => {
  beforeEach(() => useAuthStore.getState().signIn({ tokens: tokens(), me: cityAdmin }));

  it('picks the village level by level inside the official’s region and creates the hall', async () => {
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /me': () => ok(cityAdmin),
      'GET /regions': (request) => {
        const parent = request.query.get('parent');
        if (parent === '3303') return ok([region('330381', '瑞安市')]);
        if (parent === '330381') return ok([region('330381102', '塘下镇')]);
        return ok([region('330381102202', '新塘村')]);
      },
      'POST /halls': () => ok(adminHall({ id: 31, name: '新塘村文化礼堂' })),
    });
    const { container } = render(<AdminHallFormPage />);
    await typeInto(container, 'input[placeholder="例如：鲍田村文化礼堂"]', '新塘村文化礼堂');
    await screen.findByText('请选择县（市、区）');
    pick(container.querySelectorAll('.region-steps taro-picker-core')[0], 0);
    await screen.findByText('请选择乡镇（街道）');
    pick(container.querySelectorAll('.region-steps taro-picker-core')[1], 0);
    await screen.findByText('请选择村（社区）');
    pick(container.querySelectorAll('.region-steps taro-picker-core')[2], 0);
    expect(await screen.findByText('村（社区）：新塘村')).toBeTruthy();
    await typeInto(container, 'input[placeholder="例如 200"]', '150');
    fireEvent.click(screen.getByText('舞台'));
    fireEvent.click(screen.getByText('新建礼堂', { selector: 'taro-button-core' }));

    await waitFor(() => expect(api.callsTo('POST /halls')).toHaveLength(1));
    expect(api.callsTo('POST /halls')[0].data).toEqual({
      name: '新塘村文化礼堂',
      villageCode: '330381102202',
      address: '',
      latitude: null,
      longitude: null,
      seats: 150,
      facilities: ['stage'],
      starLevel: 3,
      annualQuota: 12,
    });
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/hall/index?id=31' }));
  });
});
