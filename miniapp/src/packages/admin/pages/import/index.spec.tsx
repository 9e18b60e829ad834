import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { HallImportRowDto, HallImportSummaryDto } from '@hall-menu/shared';
import { fail, fakeApi, ok, type FakeRequest } from '../../../../../test/fake-api';
import { liveSystem, paged, tokens } from '../../../../../test/fixtures';
import Taro from '../../../../../test/taro-mock';
import { useAuthStore } from '../../../../stores/auth';
import { adminHallUrl } from '../../../../routes';
import { cityAdmin, hallImport, importRow } from '../../admin-fixtures';
import AdminImportPage from './index';

const rows: HallImportRowDto[] = [
  importRow({ line: 2, name: '新塘村文化礼堂' }),
  importRow({ line: 3, name: '鲍田村文化礼堂', result: 'update', hallId: 11, changes: [{ field: 'seats', label: '座位数', from: 200, to: 260 }] }),
  importRow({ line: 4, name: '无名村礼堂', result: 'error', villageCode: null, villagePath: null, errors: ['找不到村/社区代码 330381999999，请核对'] }),
];
const preview = hallImport(rows);

/** The rows the server pages out of the preview, filtered by `result` like it does. */
const rowsAnswer = (status: 'previewed' | 'confirmed') => (request: FakeRequest) => {
  const result = request.query.get('result');
  // Once confirmed, each written row names its hall: the new one, or the one it updated.
  const written = (row: HallImportRowDto) => (row.result === 'create' ? { ...row, writtenHallId: 31 } : row.result === 'update' ? { ...row, writtenHallId: row.hallId } : row);
  const items = (status === 'confirmed' ? rows.map(written) : rows).filter((row) => !result || row.result === result);
  return ok({ ...preview, status, rows: { items, total: items.length, page: 1, pageSize: 20 } });
};

const fetchMock = jest.fn();
beforeEach(() => {
  useAuthStore.getState().signIn({ tokens: tokens(), me: cityAdmin });
  fetchMock.mockReset();
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
});

const pastImports: HallImportSummaryDto[] = [
  { ...preview, id: 9, fileName: '乐清礼堂.csv', createdBy: { id: 91, nickname: '吴敏' }, createdAt: '2026-03-05T02:00:00.000Z' },
  { ...preview, status: 'confirmed', mode: 'skip-errors', confirmedAt: '2026-03-01T03:00:00.000Z' },
];

const routes = { 'GET /system': () => ok(liveSystem), 'GET /me': () => ok(cityAdmin), 'GET /admin/hall-imports': () => ok(paged(pastImports)) };

async function pickFile(container: HTMLElement, name = '瑞安礼堂.xlsx') {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  expect(input.getAttribute('accept')).toBe('.xlsx,.csv');
  const file = new File(['xlsx bytes'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  fireEvent.change(input, { target: { files: [file] } });
  return file;
}

describe('批量导入礼堂', () => {
  it('uploads the picked file with the session token, previews every row, and imports skipping the bad row after confirming', async () => {
    fetchMock.mockResolvedValue({ status: 201, text: async () => JSON.stringify(preview) });
    let status: 'previewed' | 'confirmed' = 'previewed';
    const api = fakeApi({
      ...routes,
      'GET /admin/hall-imports/7': (request) => rowsAnswer(status)(request),
      'POST /admin/hall-imports/7/confirm': () => {
        status = 'confirmed';
        return ok({ ...preview, status: 'confirmed', mode: 'skip-errors' });
      },
    });
    const { container } = render(<AdminImportPage />);
    const file = await pickFile(container);

    expect(await screen.findByText('找不到村/社区代码 330381999999，请核对')).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/admin/hall-imports');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ Authorization: `Bearer ${tokens().accessToken}` });
    expect((init.body as FormData).get('file')).toEqual(file);

    // Counts, every row with its result, the update's change.
    expect(screen.getByText('新建 1')).toBeTruthy();
    expect(screen.getByText('有错误 1')).toBeTruthy();
    expect(screen.getByText('将新建这座礼堂')).toBeTruthy();
    expect(screen.getByText('第 4 行')).toBeTruthy();
    expect(container.querySelector('.change-line')?.textContent).toBe('座位数：200 → 260');
    expect(screen.getAllByText('有错误', { selector: '.status-tag' })).toHaveLength(1);
    // Only-if-clean is refused while a row has errors.
    expect(screen.getByText('全部无误才导入').closest('taro-button-core')?.hasAttribute('disabled')).toBe(true);

    // Filter by result.
    fireEvent.click(screen.getByText('有错误 1'));
    await waitFor(() => expect(screen.queryByText('将新建这座礼堂')).toBeNull());
    expect(api.callsTo('GET /admin/hall-imports/7').pop()?.query.get('result')).toBe('error');
    fireEvent.click(screen.getByText('全部 3'));
    await screen.findByText('将新建这座礼堂');

    fireEvent.click(screen.getByText('跳过错误行导入'));
    await waitFor(() => expect(api.callsTo('POST /admin/hall-imports/7/confirm')).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '将新建 1 座、更新 1 座礼堂，跳过 1 行有错误的行（不写入）。确定导入吗？' }));
    expect(api.callsTo('POST /admin/hall-imports/7/confirm')[0].data).toEqual({ mode: 'skip-errors' });
    expect(await screen.findByText('导入完成：新建 1 座，更新 1 座礼堂，跳过 1 行有错误的行。')).toBeTruthy();
    expect(await screen.findByText('已新建')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '导入完成', icon: 'success' });
    // Each written row links to its hall.
    fireEvent.click(screen.getByText('查看礼堂（编号 31）'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: adminHallUrl(31) });
    expect(screen.getByText('查看礼堂（编号 11）')).toBeTruthy();
  });

  it('lists past imports with who, when, counts and mode, and opens one; another person’s preview cannot be confirmed here', async () => {
    const api = fakeApi({ ...routes, 'GET /admin/hall-imports/9': () => ok({ ...hallImport(rows, { id: 9, fileName: '乐清礼堂.csv', createdBy: { id: 91, nickname: '吴敏' } }) }) });
    render(<AdminImportPage />);
    expect(await screen.findByText('乐清礼堂.csv')).toBeTruthy();
    expect(api.callsTo('GET /admin/hall-imports')[0].query.get('page')).toBe('1');
    expect(screen.getByText('吴敏')).toBeTruthy();
    expect(screen.getByText('已导入')).toBeTruthy();
    expect(screen.getAllByText('共 3 行：新建 1 · 更新 1 · 有错误 1')).toHaveLength(2);
    expect(screen.getByText(/^跳过错误行，/)).toBeTruthy();

    fireEvent.click(screen.getByText('乐清礼堂.csv'));
    expect(await screen.findByText('这是吴敏上传的预览，只有上传人可以确认导入。')).toBeTruthy();
    expect(screen.getByText('跳过错误行导入').closest('taro-button-core')?.hasAttribute('disabled')).toBe(true);
    // The rows arrive after the import's summary.
    expect(await screen.findByText('找不到村/社区代码 330381999999，请核对')).toBeTruthy();
    // Before confirming, a row that matches an existing hall links to it too.
    expect(screen.getByText('查看礼堂（编号 11）')).toBeTruthy();
    fireEvent.click(screen.getByText('重新选择文件'));
    expect(await screen.findByText('导入记录')).toBeTruthy();
  });

  it('writes nothing when the confirmation is cancelled', async () => {
    Taro.showModal.mockImplementation(() => Promise.resolve({ confirm: false, cancel: true }));
    fetchMock.mockResolvedValue({ status: 201, text: async () => JSON.stringify(preview) });
    const api = fakeApi({ ...routes, 'GET /admin/hall-imports/7': rowsAnswer('previewed') });
    const { container } = render(<AdminImportPage />);
    await pickFile(container);
    await screen.findByText('将新建这座礼堂');
    fireEvent.click(screen.getByText('跳过错误行导入'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.callsTo('POST /admin/hall-imports/7/confirm')).toHaveLength(0);
  });

  it('imports a clean file only-if-clean', async () => {
    const clean = hallImport([rows[0]]);
    fetchMock.mockResolvedValue({ status: 201, text: async () => JSON.stringify(clean) });
    const api = fakeApi({
      ...routes,
      'GET /admin/hall-imports/7': () => ok(clean),
      'POST /admin/hall-imports/7/confirm': () => ok({ ...clean, status: 'confirmed', mode: 'only-if-clean' }),
    });
    const { container } = render(<AdminImportPage />);
    await pickFile(container);
    await screen.findByText('将新建这座礼堂');
    expect(screen.queryByText('跳过错误行导入')).toBeNull();
    fireEvent.click(screen.getByText('全部无误才导入'));
    await waitFor(() => expect(api.callsTo('POST /admin/hall-imports/7/confirm')).toHaveLength(1));
    expect(api.callsTo('POST /admin/hall-imports/7/confirm')[0].data).toEqual({ mode: 'only-if-clean' });
    expect(await screen.findByText('导入完成：新建 1 座，更新 0 座礼堂。')).toBeTruthy();
  });

  it('shows the server’s reason when the file cannot be read', async () => {
    fetchMock.mockResolvedValue({ status: 400, text: async () => JSON.stringify({ code: 'VALIDATION_FAILED', message: '第 1 行应为列名，缺少：礼堂名称。请下载模板对照填写' }) });
    fakeApi(routes);
    const { container } = render(<AdminImportPage />);
    await pickFile(container, '乱填的表.csv');
    expect(await screen.findByText('第 1 行应为列名，缺少：礼堂名称。请下载模板对照填写')).toBeTruthy();
    expect(screen.getByText('选择文件')).toBeTruthy();
  });

  it('says so when the server refuses, without a retry button', async () => {
    fetchMock.mockResolvedValue({ status: 201, text: async () => JSON.stringify(preview) });
    fakeApi({ ...routes, 'GET /admin/hall-imports/7': () => fail(403, 'OUT_OF_SCOPE', '只能查看您自己上传的导入') });
    const { container } = render(<AdminImportPage />);
    await pickFile(container);
    expect(await screen.findByText('只能查看您自己上传的导入')).toBeTruthy();
    expect(screen.getByText('没有权限')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });
});
