import Taro from '@tarojs/taro';
import { ErrorCode, type RegionStatsDto, type StatsQuery, type StatsReportDto } from '@hall-menu/shared';
import { ApiError } from './api-error';
import { apiUrl, request, withSession } from './request';

/** The query string of every statistics call: the region goes as `regionCode` (`region` is its older name). */
const params = (query: StatsQuery) => ({ regionCode: query.region, from: query.from, to: query.to });

/** 社会评价 of a region (the reviewer's own when `region` is left out) for a period of Beijing calendar days. */
export const getRegionStats = (query: StatsQuery) => request<RegionStatsDto>('/stats', { query: params(query) });

/** The period report (工作总结): the figures in sentences, filled with the real numbers. */
export const getStatsReport = (query: StatsQuery) =>
  request<StatsReportDto>('/stats/report', { query: params(query) }).catch((error: unknown) => {
    throw explainMissing(error, '生成工作总结');
  });

export type StatsFileKind = 'csv' | 'xlsx' | 'docx';

export const STATS_FILES: Record<StatsFileKind, { label: string; what: string }> = {
  csv: { label: '下载表格（CSV）', what: '导出 CSV 表格' },
  xlsx: { label: '下载表格（Excel）', what: '导出 Excel 表格' },
  docx: { label: '下载工作总结（Word）', what: '生成 Word 版工作总结' },
};

const FILE_PATHS: Record<StatsFileKind, string> = {
  csv: '/stats/export.csv',
  xlsx: '/stats/export.xlsx',
  docx: '/stats/report.docx',
};

/** What the file is called on the reviewer's phone or computer, e.g. 温州市统计_2026-04-01至2026-06-30.xlsx. */
export function statsFileName(kind: StatsFileKind, regionName: string, query: StatsQuery): string {
  const what = kind === 'docx' ? '工作总结' : '统计';
  return `${regionName}${what}_${query.from}至${query.to}.${kind}`;
}

/**
 * Some exports are added to the server after this page: an unknown route answers 404 without details
 * (a missing region or hall carries its code in `details`), which is said in words here.
 */
function explainMissing(error: unknown, what: string): unknown {
  if (error instanceof ApiError && error.status === 404 && error.code === ErrorCode.NotFound && !error.details) {
    return new ApiError(ErrorCode.NotFound, `服务器暂时还不能${what}（功能尚未开通），请过些时候再试`, 404);
  }
  return error;
}

const DOWNLOAD_TIMEOUT_MS = 60_000;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** H5: the file is fetched with the session's token (a plain link could not send it), then saved through an `<a download>`. */
async function downloadInBrowser(url: string, fileName: string, accessToken: string | undefined): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {} });
  } catch {
    throw ApiError.network();
  }
  if (!response.ok) throw ApiError.fromResponse(response.status, parseJson(await response.text()));
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has started saving by now; a minute is ample before the blob is let go.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}

/**
 * weapp: downloads to a temporary file, then opens Word and Excel files in WeChat's viewer (whose menu
 * forwards or saves them). WeChat cannot open a CSV, so that one is offered to send to a chat instead,
 * e.g. 文件传输助手 to open it on a computer.
 */
async function downloadInWeapp(kind: StatsFileKind, url: string, fileName: string, accessToken: string | undefined): Promise<void> {
  let response: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    response = await Taro.downloadFile({ url, header: accessToken ? { Authorization: `Bearer ${accessToken}` } : {}, timeout: DOWNLOAD_TIMEOUT_MS });
  } catch {
    throw ApiError.network();
  }
  if (response.statusCode < 200 || response.statusCode >= 300) {
    // An error answer is written to the temporary file like any other body.
    const body = Taro.getFileSystemManager().readFileSync(response.tempFilePath, 'utf8');
    throw ApiError.fromResponse(response.statusCode, parseJson(String(body)));
  }
  try {
    if (kind === 'csv') {
      await Taro.shareFileMessage({ filePath: response.tempFilePath, fileName });
    } else {
      await Taro.openDocument({ filePath: response.tempFilePath, fileType: kind, showMenu: true });
    }
  } catch (error) {
    // Closing the share sheet is a choice, not a failure.
    if (/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))) return;
    throw new ApiError(ErrorCode.Internal, kind === 'csv' ? '文件已下载，但微信没能发送，请重试' : '文件已下载，但微信没能打开，请重试', 0);
  }
}

/** Downloads a statistics file for the region and period (the session's token goes with it; an expired one is refreshed once). */
export function downloadStatsFile(kind: StatsFileKind, query: StatsQuery, fileName: string): Promise<void> {
  const url = apiUrl(FILE_PATHS[kind], params(query));
  return withSession(true, (accessToken) =>
    process.env.TARO_ENV === 'h5' ? downloadInBrowser(url, fileName, accessToken) : downloadInWeapp(kind, url, fileName, accessToken),
  ).catch((error: unknown) => {
    throw explainMissing(error, STATS_FILES[kind].what);
  });
}
