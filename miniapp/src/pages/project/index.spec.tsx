import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode, type HistoryEntryDto, type ProjectDetailDto } from '@hall-menu/shared';
import type { RevisionEvent } from '@hall-menu/shared';
import { fail, fakeApi, ok } from '../../../test/fake-api';
import { cityReviewer, content, liveSystem, menuItem, projectDetail, providerMember, region, tokens } from '../../../test/fixtures';
import { typeInto } from '../../../test/interact';
import Taro, { useRouter } from '../../../test/taro-mock';
import { useAuthStore } from '../../stores/auth';
import { resetRegionCache } from '../../stores/regions';
import ProjectPage from './index';

const regions = {
  'GET /regions/330381': () => ok(region('330381', '瑞安市')),
  'GET /regions/330326': () => ok(region('330326', '平阳县')),
};

const history = (entries: Partial<HistoryEntryDto>[]): HistoryEntryDto[] =>
  entries.map((entry, i) => ({
    id: i + 1,
    event: 'create',
    fromState: null,
    toState: 'draft',
    actorName: '陈丽娟',
    actorRole: 'provider',
    reason: null,
    createdAt: '2026-03-01T02:00:00.000Z',
    ...entry,
  }));

beforeEach(() => {
  useAuthStore.getState().signOut();
  resetRegionCache();
  useRouter.mockImplementation(() => ({ params: { id: '7' } }));
});

/** Every button label on the page, in order. */
const buttonLabels = (container: HTMLElement) => Array.from(container.querySelectorAll('taro-button-core')).map((b) => b.textContent);

describe('项目详情', () => {
  it('shows every fact in plain Chinese, the provider and its other projects, with no actions for a visitor', async () => {
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /projects/7': () =>
        ok(
          projectDetail({
            serviceArea: ['330381', '330326'],
            cost: 'subsidised',
            costNote: '交通费 300 元',
            otherProjects: [menuItem(8, '梁祝选段清唱')],
          }),
        ),
      ...regions,
    });
    const { container } = render(<ProjectPage />);

    expect(await screen.findByText('越剧经典折子戏专场')).toBeTruthy();
    expect(screen.getByText('约1小时30分钟')).toBeTruthy();
    expect(screen.getByText('50–300人')).toBeTruthy();
    expect(screen.getByText('老年人')).toBeTruthy();
    expect(screen.getByText('需要舞台和 220V 电源')).toBeTruthy();
    expect(screen.getByText('周六、周日')).toBeTruthy();
    expect(screen.getByText('14:00–16:30')).toBeTruthy();
    expect(screen.getByText('需提前 7 天预约')).toBeTruthy();
    expect(screen.getByText('2026年2月10日 至 2026年2月20日')).toBeTruthy();
    expect(screen.getByText('礼堂承担部分费用（交通费 300 元）')).toBeTruthy();
    expect(await screen.findByText('瑞安市、平阳县')).toBeTruthy();
    expect(screen.getByText('4.6分（12人评价） · 已被点单 5 次')).toBeTruthy();
    expect(screen.getByText('文化馆')).toBeTruthy();
    expect(screen.getByText('已认证')).toBeTruthy();
    expect(screen.getByText('承担瑞安市群众文化活动的组织和文艺骨干培训。')).toBeTruthy();
    expect(screen.getByText('该服务方的其他项目')).toBeTruthy();
    fireEvent.click(screen.getByText('梁祝选段清唱'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=8' });

    // No photos: the category placeholder. No actions, no status, no history for a visitor.
    expect(container.querySelector('.cover--banner.cover--placeholder')).not.toBeNull();
    expect(buttonLabels(container)).toEqual([]);
    expect(screen.queryByText('已上架')).toBeNull();
    expect(screen.queryByText('审核记录')).toBeNull();
    expect(api.callsTo('GET /projects/7/history')).toHaveLength(0);
  });

  it('looks each region up once, however many times it is shown', async () => {
    const api = fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /projects/7': () => ok(projectDetail()), ...regions });
    const first = render(<ProjectPage />);
    expect(await screen.findByText('瑞安市')).toBeTruthy();
    first.unmount();
    render(<ProjectPage />);
    expect(await screen.findByText('瑞安市')).toBeTruthy();
    expect(api.callsTo('GET /regions/330381')).toHaveLength(1);
  });

  it('draws a reviewer’s buttons from allowedActions only', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: cityReviewer });
    fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /projects/7': () => ok(projectDetail({ status: 'pending_review', allowedActions: ['approve', 'reject'] })),
      'GET /projects/7/history': () => ok(history([{}, { event: 'submit', fromState: 'draft', toState: 'pending_review' }])),
      ...regions,
    });
    const { container } = render(<ProjectPage />);
    await screen.findByText('审核通过');
    expect(buttonLabels(container)).toEqual(['审核通过', '退回修改']);
    expect(screen.getByText('审核中')).toBeTruthy();
    expect(await screen.findByText('提交审核')).toBeTruthy(); // in 审核记录
    expect(screen.getByText('创建草稿')).toBeTruthy();
  });

  it('退回修改 requires a reason before calling the API, then shows the new status', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: cityReviewer });
    let current: ProjectDetailDto = projectDetail({ status: 'pending_review', allowedActions: ['approve', 'reject'] });
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /projects/7': () => ok(current),
      'GET /projects/7/history': () => ok(history([{}])),
      'POST /projects/7/actions/reject': () => {
        current = { ...current, status: 'rejected', allowedActions: [] };
        return ok(current);
      },
      ...regions,
    });
    const { container } = render(<ProjectPage />);
    fireEvent.click(await screen.findByText('退回修改'));

    fireEvent.click(screen.getByText('确认退回修改'));
    expect(screen.getByText('请填写退回原因')).toBeTruthy();
    expect(api.callsTo('POST /projects/7/actions/reject')).toHaveLength(0);

    await typeInto(container, '.reason-form textarea', '   ');
    fireEvent.click(screen.getByText('确认退回修改'));
    expect(api.callsTo('POST /projects/7/actions/reject')).toHaveLength(0);

    await typeInto(container, '.reason-form textarea', '请补充节目单和演员人数');
    fireEvent.click(screen.getByText('确认退回修改'));

    await waitFor(() => expect(api.callsTo('POST /projects/7/actions/reject')).toHaveLength(1));
    expect(api.callsTo('POST /projects/7/actions/reject')[0].data).toEqual({ reason: '请补充节目单和演员人数' });
    expect(await screen.findByText('未通过')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已退回修改，状态：未通过', icon: 'none' });
    expect(api.callsTo('GET /projects/7')).toHaveLength(2);
    expect(buttonLabels(container)).toEqual([]);
  });

  it('asks before 审核通过 and does nothing when cancelled', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: cityReviewer });
    Taro.showModal.mockImplementation(() => Promise.resolve({ confirm: false, cancel: true }));
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /projects/7': () => ok(projectDetail({ status: 'pending_review', allowedActions: ['approve', 'reject'] })),
      'GET /projects/7/history': () => ok([]),
      ...regions,
    });
    render(<ProjectPage />);
    fireEvent.click(await screen.findByText('审核通过'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.callsTo('POST /projects/7/actions/approve')).toHaveLength(0);
  });

  it('gives the provider 提交审核, 归档 and 编辑 on a draft, and shows a refusal in Chinese', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: providerMember });
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /projects/7': () => ok(projectDetail({ status: 'draft', allowedActions: ['submit', 'archive'], editable: true, publishedAt: null })),
      'GET /projects/7/history': () => ok(history([{}])),
      'POST /projects/7/actions/submit': () =>
        fail(403, ErrorCode.Forbidden, '您的服务方组织尚未通过认证，认证通过后才能提交审核。请联系所在地宣传部门。'),
      ...regions,
    });
    const { container } = render(<ProjectPage />);
    await screen.findByText('提交审核');
    expect(buttonLabels(container)).toEqual(['提交审核', '归档', '编辑']);
    expect(screen.getByText('这是草稿，提交审核并通过后才会出现在服务菜单上。')).toBeTruthy();

    fireEvent.click(screen.getByText('提交审核'));
    expect(await screen.findByText('您的服务方组织尚未通过认证，认证通过后才能提交审核。请联系所在地宣传部门。')).toBeTruthy();
    expect(api.callsTo('POST /projects/7/actions/submit')[0].data).toEqual({});

    fireEvent.click(screen.getByText('编辑'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/provider/pages/project-form/index?id=7' });
  });

  it('shows why a rejected project was sent back', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: providerMember });
    fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /projects/7': () => ok(projectDetail({ status: 'rejected', allowedActions: ['resubmit', 'archive'], editable: true })),
      'GET /projects/7/history': () =>
        ok(
          history([
            {},
            { event: 'submit', fromState: 'draft', toState: 'pending_review' },
            { event: 'reject', fromState: 'pending_review', toState: 'rejected', reason: '请补充节目单', actorName: '周建平', actorRole: 'reviewer' },
          ]),
        ),
      ...regions,
    });
    render(<ProjectPage />);
    expect(await screen.findByText('审核未通过，原因：请补充节目单')).toBeTruthy();
    expect(screen.getByText('原因：请补充节目单')).toBeTruthy();
    expect(screen.getByText('2026年3月1日 10:00 周建平（审核员）')).toBeTruthy();
  });

  it('shows a reviewer the proposed edit and decides it through the revision endpoints', async () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: cityReviewer });
    const revision = {
      id: 31,
      status: 'pending_review' as const,
      reason: null,
      createdAt: '2026-03-02T02:00:00.000Z',
      content: content({ title: '越剧经典折子戏专场（新编）' }),
      allowedActions: ['approve', 'reject'] as RevisionEvent[],
    };
    let current = projectDetail({ allowedActions: ['suspend'], pendingRevision: revision });
    const api = fakeApi({
      'GET /system': () => ok(liveSystem),
      'GET /projects/7': () => ok(current),
      'GET /projects/7/history': () => ok(history([{}])),
      'POST /projects/7/revisions/31/reject': () => {
        current = { ...current, pendingRevision: { ...revision, status: 'rejected', reason: '新标题不妥' } };
        return ok(current);
      },
      ...regions,
    });
    const { container } = render(<ProjectPage />);

    expect(await screen.findByText('修改内容')).toBeTruthy();
    expect(screen.getByText('这次修改正在审核中，审核通过前菜单上仍显示原内容。')).toBeTruthy();
    const change = container.querySelector('.change')!;
    expect(change.querySelector('.change__label')?.textContent).toBe('项目名称');
    expect(change.querySelector('.change__before .change__text')?.textContent).toBe('越剧经典折子戏专场');
    expect(change.querySelector('.change__after .change__text')?.textContent).toBe('越剧经典折子戏专场（新编）');
    expect(container.querySelectorAll('.change')).toHaveLength(1);
    expect(buttonLabels(container)).toEqual(['通过修改', '退回修改', '暂停上架']);

    fireEvent.click(screen.getByText('退回修改'));
    fireEvent.click(screen.getByText('确认退回修改'));
    expect(screen.getByText('请填写退回修改的原因')).toBeTruthy();
    await typeInto(container, '.reason-form textarea', '新标题不妥');
    fireEvent.click(screen.getByText('确认退回修改'));

    await waitFor(() => expect(api.callsTo('POST /projects/7/revisions/31/reject')).toHaveLength(1));
    expect(api.callsTo('POST /projects/7/revisions/31/reject')[0].data).toEqual({ reason: '新标题不妥' });
    expect(await screen.findByText('这次修改未通过审核，原因：新标题不妥。菜单上仍是原内容，可以重新修改后再提交。')).toBeTruthy();
    expect(buttonLabels(container)).toEqual(['暂停上架']);
  });

  it('says so when the project is not there', async () => {
    fakeApi({ 'GET /system': () => ok(liveSystem), 'GET /projects/7': () => fail(404, ErrorCode.NotFound, '找不到该服务项目，可能已被删除') });
    render(<ProjectPage />);
    expect(await screen.findByText('找不到该服务项目，可能已被删除')).toBeTruthy();
  });
});
