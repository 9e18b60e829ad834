import { ErrorCode, type RegionStatsDto, type StatsQuery, type StatsReportDto } from '@hall-menu/shared';
import { ApiError } from './api-error';
import { downloadFile } from './download';
import { apiUrl, request } from './request';

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

/** Downloads a statistics file for the region and period (the session's token goes with it; an expired one is refreshed once). */
export function downloadStatsFile(kind: StatsFileKind, query: StatsQuery, fileName: string): Promise<void> {
  return downloadFile(apiUrl(FILE_PATHS[kind], params(query)), fileName, kind).catch((error: unknown) => {
    throw explainMissing(error, STATS_FILES[kind].what);
  });
}
