import { ErrorCode } from '@hall-menu/shared';
import { fakeApi, ok } from '../../test/fake-api';
import { managerAndVillager, tokens } from '../../test/fixtures';
import Taro from '../../test/taro-mock';
import { useAuthStore } from '../stores/auth';
import { downloadSheet, uploadHallImport } from './admin';
import { ApiError } from './api-error';

const fetchMock = jest.fn();
beforeEach(() => {
  useAuthStore.getState().signIn({ tokens: tokens('old'), me: managerAndVillager });
  fetchMock.mockReset();
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
});

const answer = (status: number, body: unknown) => ({ ok: status < 300, status, text: async () => JSON.stringify(body), blob: async () => new Blob(['x']) });

describe('admin uploads and downloads', () => {
  it('refreshes an expired token once and posts the sheet again with the new one', async () => {
    const api = fakeApi({ 'POST /auth/refresh': () => ok(tokens('new')) });
    fetchMock
      .mockResolvedValueOnce(answer(401, { code: ErrorCode.TokenExpired, message: '登录已过期，请重新登录' }))
      .mockResolvedValueOnce(answer(201, { id: 7 }));
    const file = new File(['a,b'], '礼堂.csv', { type: 'text/csv' });

    await expect(uploadHallImport({ kind: 'browser', file })).resolves.toEqual({ id: 7 });

    expect(api.callsTo('POST /auth/refresh')).toHaveLength(1);
    expect(fetchMock.mock.calls.map(([, init]) => init.headers.Authorization)).toEqual(['Bearer access-old', 'Bearer access-new']);
    expect((fetchMock.mock.calls[1][1].body as FormData).get('file')).toEqual(file);
  });

  it('says in Chinese when the upload never reached the server, without trying again', async () => {
    fakeApi({});
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(uploadHallImport({ kind: 'browser', file: new File(['a'], 'a.csv') })).rejects.toEqual(ApiError.network());
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('posts a weapp file through uploadFile with the token and reads its text answer', async () => {
    fakeApi({});
    Taro.uploadFile.mockResolvedValue({ statusCode: 400, data: JSON.stringify({ code: ErrorCode.ValidationFailed, message: '文件是空的，请按模板填写后再上传' }) });
    await expect(uploadHallImport({ kind: 'weapp', path: 'wxfile://tmp/a.xlsx', name: 'a.xlsx' })).rejects.toMatchObject({ message: '文件是空的，请按模板填写后再上传', status: 400 });
    expect(Taro.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/admin/hall-imports', filePath: 'wxfile://tmp/a.xlsx', name: 'file', header: { Authorization: 'Bearer access-old' } }),
    );
  });

  it('downloads the export of a region with the token and saves it under its Chinese name', async () => {
    fakeApi({});
    fetchMock.mockResolvedValue(answer(200, {}));
    const saved: string[] = [];
    (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:export';
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });

    await downloadSheet('export-csv', '330381');

    expect(fetchMock).toHaveBeenCalledWith('/api/admin/halls/export.csv?region=330381', { headers: { Authorization: 'Bearer access-old' } });
    expect(saved).toEqual(['礼堂名单.csv']);
    click.mockRestore();
  });

  it('turns a refusal of the export into the server’s message', async () => {
    fakeApi({});
    fetchMock.mockResolvedValue(answer(403, { code: ErrorCode.OutOfScope, message: '只能导出您负责地区内的礼堂' }));
    await expect(downloadSheet('export-xlsx', '330302')).rejects.toMatchObject({ message: '只能导出您负责地区内的礼堂', status: 403 });
  });
});
