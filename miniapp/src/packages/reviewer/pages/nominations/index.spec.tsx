import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode, type NominationDto } from '@hall-menu/shared';
import { fail, fakeApi, ok } from '../../../../../test/fake-api';
import { cityReviewer, liveSystem, paged, region, tokens } from '../../../../../test/fixtures';
import { errorUnder, typeInto } from '../../../../../test/interact';
import Taro from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import NominationsPage from './index';

beforeEach(() => {
  useAuthStore.getState().signOut();
  useAuthStore.getState().signIn({ tokens: tokens(), me: cityReviewer });
});

const village = { ...region('330381102201', '鲍田村', 'village'), fullName: '瑞安市飞云街道鲍田村' };

const routes = {
  'GET /system': () => ok(liveSystem),
  'GET /me': () => ok(cityReviewer),
  'GET /nominations': () => ok(paged([])),
  'GET /regions': () => ok([village]),
  'GET /halls': () => ok(paged([])),
};

async function fillIn(container: HTMLElement) {
  await typeInto(container, 'input[placeholder="例如：2026年鲍田村村晚"]', '2026年鲍田村村晚');
  await typeInto(container, 'input[placeholder="例如：腰鼓《红红火火过大年》"]', '腰鼓《红红火火过大年》');
  fireEvent.click(screen.getByText('文艺演出'));
  await typeInto(container, 'textarea[placeholder^="例如：二十位大姐"]', '二十位大姐自编自演的腰鼓表演，节奏欢快，在村晚上最受欢迎');
  await typeInto(container, 'textarea[placeholder="例如：鲍田村腰鼓队 20 人"]', '鲍田村腰鼓队 20 人');
  await typeInto(container, 'input[placeholder="例如 30"]', '30');
  await typeInto(container, 'input[placeholder="输入村名，例如 鲍田"]', '鲍田');
  fireEvent.click(screen.getAllByText('搜索')[0]);
  fireEvent.click(await screen.findByText('鲍田村'));
  fireEvent.click(screen.getByText('新的团队'));
  await typeInto(container, 'input[placeholder="例如：鲍田村老年腰鼓队"]', '鲍田村老年腰鼓队');
  await typeInto(container, 'input[placeholder="例如：王大姐"]', '王大姐');
  await typeInto(container, 'input[placeholder="11 位手机号"]', '13800001234');
}

describe('提名村晚节目', () => {
  it('marks every missing field, and asks for a provider to be chosen, before sending anything', async () => {
    const api = fakeApi(routes);
    const { container } = render(<NominationsPage />);
    fireEvent.click(await screen.findByText('提名村晚节目'));
    fireEvent.click(screen.getByText('提交提名'));

    expect(screen.getByText(/^还有 \d+ 处需要填写或修改$/)).toBeTruthy();
    expect(errorUnder(container, '村晚名称')).toBe('村晚名称至少 4 个字，如“2026年鲍田村村晚”');
    expect(errorUnder(container, '节目来自哪个村')).toBe('请选择节目来自哪个村');
    expect(errorUnder(container, '演出团队')).toBe('请搜索并选择一个服务方');
    expect(api.callsTo('POST /nominations')).toHaveLength(0);
  });

  it('shows the server’s refusal under the field it names, and a retry sends the same key', async () => {
    let tries = 0;
    const api = fakeApi({
      ...routes,
      'POST /nominations': () =>
        ++tries === 1
          ? fail(400, ErrorCode.SensitiveContent, '内容含有不当用语“某词”，请修改后再提交', { fields: [{ field: 'title', message: '含有不当用语“某词”' }] })
          : ok({ id: 1 } as NominationDto),
    });
    const { container } = render(<NominationsPage />);
    fireEvent.click(await screen.findByText('提名村晚节目'));
    await fillIn(container);

    fireEvent.click(screen.getByText('提交提名'));
    expect(await screen.findByText('内容含有不当用语“某词”，请修改后再提交')).toBeTruthy();
    expect(errorUnder(container, '节目名称')).toBe('含有不当用语“某词”');
    const [first] = api.callsTo('POST /nominations');
    expect(first.data).toMatchObject({ galaName: '2026年鲍田村村晚', sourceVillageCode: '330381102201', durationMinutes: 30, newProvider: { name: '鲍田村老年腰鼓队' } });

    fireEvent.click(screen.getByText('提交提名'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已提名，等待演出团队确认', icon: 'none' }));
    const posts = api.callsTo('POST /nominations');
    expect(posts).toHaveLength(2);
    expect(posts[1].header['Idempotency-Key']).toBe(first.header['Idempotency-Key']);
  });
});
