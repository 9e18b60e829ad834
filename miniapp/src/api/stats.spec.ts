import { ErrorCode } from '@hall-menu/shared';
import { fail, fakeApi, ok } from '../../test/fake-api';
import { managerAndVillager, tokens } from '../../test/fixtures';
import { useAuthStore } from '../stores/auth';
import { downloadStatsFile, getStatsReport, statsFileName } from './stats';

/** What `fetch` answers in these tests: a file, or an error body as the server sends it. */
const file = (text: string) => ({ ok: true, status: 200, text: async () => text, blob: async () => new Blob([text]) });
const failure = (status: number, body: unknown) => ({ ok: false, status, text: async () => JSON.stringify(body), blob: async () => new Blob([]) });

const query = { region: '330381', from: '2026-04-01', to: '2026-06-30' };
const fetchMock = jest.fn();
const saved: { href: string; download: string }[] = [];

beforeEach(() => {
  useAuthStore.getState().signIn({ tokens: tokens('old'), me: managerAndVillager });
  fetchMock.mockReset();
  saved.length = 0;
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
  URL.createObjectURL = jest.fn(() => 'blob:stats-file');
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download });
  });
});
afterEach(() => jest.restoreAllMocks());

describe('downloadStatsFile in H5', () => {
  it('fetches the file with the session token and saves it under a Chinese name through <a download>', async () => {
    fetchMock.mockResolvedValue(file('\uFEFF地区,瑞安市'));
    await downloadStatsFile('csv', query, statsFileName('csv', '瑞安市', query));

    const [url, init] = fetchMock.mock.calls[0] as [string, { headers: Record<string, string> }];
    expect(url).toBe('/api/stats/export.csv?regionCode=330381&from=2026-04-01&to=2026-06-30');
    expect(init.headers.Authorization).toBe('Bearer access-old');
    expect(saved).toEqual([{ href: 'blob:stats-file', download: '瑞安市统计_2026-04-01至2026-06-30.csv' }]);
    // The link is not left in the page.
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });

  it('refreshes an expired token once and fetches again', async () => {
    const api = fakeApi({ 'POST /auth/refresh': () => ok(tokens('new')) });
    fetchMock.mockImplementation(async (_url: string, init: { headers: Record<string, string> }) =>
      init.headers.Authorization === 'Bearer access-new' ? file('PK') : failure(401, { code: ErrorCode.TokenExpired, message: '登录已过期' }),
    );
    await downloadStatsFile('xlsx', query, statsFileName('xlsx', '瑞安市', query));
    expect(api.callsTo('POST /auth/refresh')).toHaveLength(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(saved[0].download).toBe('瑞安市统计_2026-04-01至2026-06-30.xlsx');
  });

  it('says in words when the server has no such export yet, and passes other 404s through', async () => {
    fetchMock.mockResolvedValue(failure(404, { code: ErrorCode.NotFound, message: '没有这个接口或页面' }));
    await expect(downloadStatsFile('docx', query, 'x.docx')).rejects.toMatchObject({
      status: 404,
      message: '服务器暂时还不能生成 Word 版工作总结（功能尚未开通），请过些时候再试',
    });

    fetchMock.mockResolvedValue(failure(404, { code: ErrorCode.NotFound, message: '找不到该地区，可能已被删除', details: { code: '330381' } }));
    await expect(downloadStatsFile('csv', query, 'x.csv')).rejects.toMatchObject({ message: '找不到该地区，可能已被删除' });
    expect(saved).toEqual([]);
  });

  it('reports a lost connection as a network error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(downloadStatsFile('csv', query, 'x.csv')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });
});

describe('getStatsReport', () => {
  it('asks for the same region and period as the page', async () => {
    const api = fakeApi({ 'GET /stats/report': () => ok({ title: '瑞安市2026年第二季度文化礼堂服务工作小结', paragraphs: ['本季度，瑞安市共开展服务2场次。'] }) });
    await expect(getStatsReport(query)).resolves.toMatchObject({ paragraphs: ['本季度，瑞安市共开展服务2场次。'] });
    expect(Object.fromEntries(api.calls[0].query)).toEqual({ regionCode: '330381', from: '2026-04-01', to: '2026-06-30' });
  });

  it('explains a server without the report', async () => {
    fakeApi({ 'GET /stats/report': () => fail(404, ErrorCode.NotFound, '没有这个接口或页面') });
    await expect(getStatsReport(query)).rejects.toMatchObject({ message: '服务器暂时还不能生成工作总结（功能尚未开通），请过些时候再试' });
  });
});
