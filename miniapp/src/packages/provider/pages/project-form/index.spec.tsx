import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode, type ProjectContent } from '@hall-menu/shared';
import { fail, fakeApi, ok, type FakeRequest } from '../../../../../test/fake-api';
import { content, liveSystem, projectDetail, provider, providerMember, region, tokens, wenzhouCounties } from '../../../../../test/fixtures';
import { pick, typeInto } from '../../../../../test/interact';
import Taro, { useRouter } from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import { resetRegionCache } from '../../../../stores/regions';
import ProjectFormPage from './index';

beforeEach(() => {
  resetRegionCache();
  useAuthStore.getState().signIn({ tokens: tokens(), me: providerMember });
});

const baseRoutes = {
  'GET /system': () => ok(liveSystem),
  'GET /me': () => ok(providerMember),
  'GET /providers/2': () => ok(provider({ serviceArea: ['330381'] })),
  'GET /regions': (req: FakeRequest) => ok(req.query.get('parent') === '3303' ? wenzhouCounties : []),
  'GET /regions/3303': () => ok(region('3303', '温州市', 'city')),
};

/** The field whose label starts with `label`. */
function field(container: HTMLElement, label: string): Element {
  const found = Array.from(container.querySelectorAll('.field')).find((f) => f.querySelector('.field__label')?.textContent?.startsWith(label));
  if (!found) throw new Error(`no field ${label}`);
  return found;
}

const errorUnder = (container: HTMLElement, label: string) => field(container, label).querySelector(':scope > .form-error')?.textContent ?? null;

const chip = (container: HTMLElement, label: string, text: string) => {
  const found = Array.from(field(container, label).querySelectorAll('.chip')).find((c) => c.textContent === text);
  if (!found) throw new Error(`no chip ${text} in ${label}`);
  return found;
};

async function fillValidForm(container: HTMLElement) {
  await screen.findByText('保存草稿');
  fireEvent.click(chip(container, '服务类别', '文艺演出'));
  await typeInto(container, 'input[placeholder="例如：越剧经典折子戏专场"]', '越剧经典折子戏专场');
  await typeInto(container, 'textarea[placeholder="介绍节目内容、演员阵容、互动环节等"]', '由瑞安市文化馆越剧队演出《五女拜寿》《梁祝》等经典折子戏，演出后有互动教唱环节。');
  await typeInto(container, 'input[placeholder="例如 90"]', '90');
  await typeInto(container, 'input[placeholder="最少"]', '50');
  await typeInto(container, 'input[placeholder="最多"]', '300');
  fireEvent.click(chip(container, '适合人群', '老年人'));
  fireEvent.click(chip(container, '可服务日', '周六'));
  fireEvent.click(chip(container, '可服务日', '周日'));
}

const expectedContent: ProjectContent = {
  category: 'performance',
  title: '越剧经典折子戏专场',
  description: '由瑞安市文化馆越剧队演出《五女拜寿》《梁祝》等经典折子戏，演出后有互动教唱环节。',
  photos: [],
  durationMinutes: 90,
  audienceMin: 50,
  audienceMax: 300,
  targetAudience: 'elderly',
  requirements: '',
  serviceArea: ['330381'],
  weekdays: [6, 7],
  timeWindows: [{ start: '14:00', end: '16:00' }],
  leadDays: 7,
  blackoutDates: [],
  cost: 'free',
  costNote: '',
};

describe('申报服务项目', () => {
  it('starts a new declaration with the organisation’s own service area', async () => {
    fakeApi(baseRoutes);
    const { container } = render(<ProjectFormPage />);
    await screen.findByText('保存草稿');
    expect(chip(container, '服务区域', '瑞安市').classList.contains('chip--on')).toBe(true);
    expect(chip(container, '服务区域', '鹿城区').classList.contains('chip--on')).toBe(false);
    expect(chip(container, '服务区域', '全市（温州市）')).toBeTruthy();
  });

  it('checks the form with the shared schema and shows each message under its field, sending nothing', async () => {
    const api = fakeApi(baseRoutes);
    const { container } = render(<ProjectFormPage />);
    fireEvent.click(await screen.findByText('保存草稿'));

    expect(errorUnder(container, '服务类别')).toBe('请选择服务类别');
    expect(errorUnder(container, '项目名称')).toBe('项目名称至少 4 个字');
    expect(errorUnder(container, '项目介绍')).toBe('项目介绍至少 20 个字，讲清楚演什么、讲什么');
    expect(errorUnder(container, '时长')).toBe('请填写时长');
    expect(errorUnder(container, '观众人数')).toBe('请填写最少观众人数');
    expect(errorUnder(container, '可服务日')).toBe('请至少选择一天可服务的日子');
    expect(errorUnder(container, '服务区域')).toBeNull();
    expect(screen.getByText(/^还有 \d+ 处需要修改/)).toBeTruthy();
    expect(api.callsTo('POST /projects')).toHaveLength(0);

    // Fixing a field clears its message; a wrong value gets the schema's own words.
    await typeInto(container, 'input[placeholder="例如 90"]', '10');
    expect(errorUnder(container, '时长')).toBeNull();
    fireEvent.click(screen.getByText('保存草稿'));
    expect(errorUnder(container, '时长')).toBe('时长至少 15 分钟');
    await typeInto(container, 'input[placeholder="例如 90"]', '9.5');
    fireEvent.click(screen.getByText('保存草稿'));
    expect(errorUnder(container, '时长')).toBe('时长填整数分钟');
  });

  it('shows the checks across fields once the fields themselves are right', async () => {
    const api = fakeApi(baseRoutes);
    const { container } = render(<ProjectFormPage />);
    await fillValidForm(container);
    await typeInto(container, 'input[placeholder="最少"]', '300');
    await typeInto(container, 'input[placeholder="最多"]', '50');
    fireEvent.click(chip(container, '费用', '礼堂承担部分费用'));
    fireEvent.click(screen.getByText('保存草稿'));
    expect(errorUnder(container, '观众人数')).toBe('最多观众人数不能少于最少人数');
    expect(errorUnder(container, '费用说明')).toBe('需要礼堂承担费用时，请写明费用说明');
    expect(api.callsTo('POST /projects')).toHaveLength(0);
  });

  it('checks each time window and blackout period in its own row', async () => {
    fakeApi(baseRoutes);
    const { container } = render(<ProjectFormPage />);
    await fillValidForm(container);
    const windowPickers = field(container, '可服务时段').querySelectorAll('taro-picker-core');
    pick(windowPickers[0], '18:00');
    pick(windowPickers[1], '17:00');
    fireEvent.click(screen.getByText('添加不可服务日期'));
    const datePickers = field(container, '不可服务日期').querySelectorAll('taro-picker-core');
    pick(datePickers[0], '2026-05-10');
    pick(datePickers[1], '2026-05-01');
    fireEvent.click(screen.getByText('保存草稿'));

    expect(field(container, '可服务时段').querySelector('.row-item .form-error')?.textContent).toBe('结束时间要晚于开始时间');
    expect(field(container, '不可服务日期').querySelector('.row-item .form-error')?.textContent).toBe('结束日期不能早于开始日期');
  });

  it('shows the server’s field messages under the fields', async () => {
    fakeApi({
      ...baseRoutes,
      'POST /projects': () =>
        fail(400, ErrorCode.ValidationFailed, '服务区域中有不存在的地区，请重新选择', { fields: [{ field: 'serviceArea', message: '有不存在的地区' }] }),
    });
    const { container } = render(<ProjectFormPage />);
    await fillValidForm(container);
    fireEvent.click(screen.getByText('保存草稿'));

    await waitFor(() => expect(errorUnder(container, '服务区域')).toBe('有不存在的地区'));
    expect(screen.getByText('服务区域中有不存在的地区，请重新选择')).toBeTruthy();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('保存并提交审核 creates the draft, then submits it, then opens the project', async () => {
    const api = fakeApi({
      ...baseRoutes,
      'POST /projects': (req) => ok(projectDetail({ ...(req.data as ProjectContent), id: 55, status: 'draft', allowedActions: ['submit', 'archive'], editable: true })),
      'POST /projects/55/actions/submit': () => ok(projectDetail({ id: 55, status: 'pending_review', allowedActions: [] })),
    });
    const { container } = render(<ProjectFormPage />);
    await fillValidForm(container);
    fireEvent.click(screen.getByText('保存并提交审核'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=55' }));
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual(['/projects', '/projects/55/actions/submit']);
    expect(api.callsTo('POST /projects')[0].data).toEqual(expectedContent);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已提交审核', icon: 'success' });
  });

  it('keeps the saved draft when submitting fails, and updates it on the next try instead of declaring it twice', async () => {
    let verified = false;
    const api = fakeApi({
      ...baseRoutes,
      'POST /projects': () => ok(projectDetail({ id: 55, status: 'draft', allowedActions: ['submit', 'archive'], editable: true })),
      'PUT /projects/55': () => ok(projectDetail({ id: 55, status: 'draft', allowedActions: ['submit', 'archive'], editable: true })),
      'POST /projects/55/actions/submit': () =>
        verified
          ? ok(projectDetail({ id: 55, status: 'pending_review' }))
          : fail(403, ErrorCode.Forbidden, '您的服务方组织尚未通过认证，认证通过后才能提交审核。请联系所在地宣传部门。'),
    });
    const { container } = render(<ProjectFormPage />);
    await fillValidForm(container);
    fireEvent.click(screen.getByText('保存并提交审核'));

    expect(
      await screen.findByText('内容已保存为草稿，但提交审核没有成功：您的服务方组织尚未通过认证，认证通过后才能提交审核。请联系所在地宣传部门。'),
    ).toBeTruthy();
    verified = true;
    fireEvent.click(screen.getByText('保存并提交审核'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.callsTo('POST /projects')).toHaveLength(1);
    expect(api.callsTo('PUT /projects/55')).toHaveLength(1);
  });

  it('保存草稿 only saves', async () => {
    const api = fakeApi({
      ...baseRoutes,
      'POST /projects': () => ok(projectDetail({ id: 56, status: 'draft', allowedActions: ['submit', 'archive'], editable: true })),
    });
    const { container } = render(<ProjectFormPage />);
    await fillValidForm(container);
    fireEvent.click(screen.getByText('保存草稿'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/project/index?id=56' }));
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual(['/projects']);
  });

  it('edits a published project as a revision, saying the menu keeps the old content until approved', async () => {
    useRouter.mockImplementation(() => ({ params: { id: '7' } }));
    Taro.getCurrentPages.mockImplementation(() => [{ route: 'pages/project/index' }, { route: 'packages/provider/pages/project-form/index' }]);
    const api = fakeApi({
      ...baseRoutes,
      'GET /projects/7': () => ok(projectDetail({ editable: true, allowedActions: ['withdraw'] })),
      'PUT /projects/7': (req) => ok(projectDetail({ editable: true, pendingRevision: { id: 9, status: 'pending_review', reason: null, createdAt: '', content: req.data as ProjectContent, allowedActions: ['withdraw'] } })),
    });
    const { container } = render(<ProjectFormPage />);

    expect(await screen.findByText('修改将提交审核，审核通过前菜单上仍显示原内容。')).toBeTruthy();
    expect(screen.queryByText('保存草稿')).toBeNull();
    await typeInto(container, 'input[placeholder="例如：越剧经典折子戏专场"]', '越剧经典折子戏专场（新编）');
    fireEvent.click(screen.getByText('提交修改'));

    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(api.callsTo('PUT /projects/7')[0].data).toEqual(content({ title: '越剧经典折子戏专场（新编）' }));
    expect(api.calls.some((call) => call.path.includes('/actions/'))).toBe(false);
  });

  it('continues an edit that was sent back, saying why', async () => {
    useRouter.mockImplementation(() => ({ params: { id: '7' } }));
    const rejected = { id: 9, status: 'rejected' as const, reason: '新标题不妥', createdAt: '', content: content({ title: '越剧专场（新编）' }), allowedActions: [] };
    fakeApi({ ...baseRoutes, 'GET /projects/7': () => ok(projectDetail({ editable: true, pendingRevision: rejected })) });
    const { container } = render(<ProjectFormPage />);
    expect(await screen.findByText(/上次的修改未通过（新标题不妥）/)).toBeTruthy();
    const title = () => container.querySelector<HTMLInputElement>('input[placeholder="例如：越剧经典折子戏专场"]')?.value;
    await waitFor(() => expect(title()).toBe('越剧专场（新编）'));
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '修改服务项目' });
  });

  it('does not offer to edit a project in review', async () => {
    useRouter.mockImplementation(() => ({ params: { id: '7' } }));
    fakeApi({ ...baseRoutes, 'GET /projects/7': () => ok(projectDetail({ status: 'pending_review', editable: false })) });
    render(<ProjectFormPage />);
    expect(await screen.findByText('项目正在审核中')).toBeTruthy();
    expect(screen.queryByText('保存草稿')).toBeNull();
  });

  it('uploads chosen photos, shows them, and removes one', async () => {
    Taro.chooseImage.mockImplementation(() => Promise.resolve({ tempFilePaths: ['blob:one', 'blob:two'] }));
    let n = 0;
    Taro.uploadFile.mockImplementation(async () => ({ statusCode: 200, data: JSON.stringify({ url: `/uploads/2026/03/p${++n}.jpg`, bytes: 10, contentType: 'image/jpeg' }) }));
    fakeApi(baseRoutes);
    const { container } = render(<ProjectFormPage />);
    fireEvent.click(await screen.findByText('添加照片'));

    await waitFor(() => expect(container.querySelectorAll('.photo-grid__item')).toHaveLength(2));
    expect(Taro.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/uploads', filePath: 'blob:one', name: 'file', header: { Authorization: 'Bearer access-1' } }),
    );
    expect(Array.from(container.querySelectorAll('.photo-grid__image')).map((img) => img.getAttribute('src'))).toEqual([
      '/uploads/2026/03/p1.jpg',
      '/uploads/2026/03/p2.jpg',
    ]);
    expect(screen.getByText('封面')).toBeTruthy();

    fireEvent.click(screen.getAllByText('删除')[0]);
    expect(Array.from(container.querySelectorAll('.photo-grid__image')).map((img) => img.getAttribute('src'))).toEqual(['/uploads/2026/03/p2.jpg']);
  });

  it('shows why a photo was refused', async () => {
    Taro.chooseImage.mockImplementation(() => Promise.resolve({ tempFilePaths: ['blob:big'] }));
    Taro.uploadFile.mockImplementation(async () => ({
      statusCode: 400,
      data: JSON.stringify({ code: ErrorCode.ValidationFailed, message: '照片不能超过 5 MB，请压缩后再上传' }),
    }));
    fakeApi(baseRoutes);
    const { container } = render(<ProjectFormPage />);
    fireEvent.click(await screen.findByText('添加照片'));
    await waitFor(() => expect(errorUnder(container, '照片')).toBe('照片不能超过 5 MB，请压缩后再上传'));
    expect(container.querySelectorAll('.photo-grid__item')).toHaveLength(0);
  });
});
