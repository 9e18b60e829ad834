import { ORDER_STATES, ORDER_STATE_LABELS, type OrderState, type RegionLevel, type RegionStatsDto, type StatsBreakdownRow } from '@hall-menu/shared';
import type { ChartDatum, Slice } from '../../../../components/charts';
import { monthLabel } from './period';

/** One big number on the page: what it is, the number, its unit and a line that explains it. */
export interface Figure {
  key: string;
  label: string;
  value: string;
  unit?: string;
  note: string;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}`;

/** Hours as people say them: under an hour in minutes. The server rounds to 0.1 h, so 0 means under 6 minutes. */
function responseTime(hours: number): { value: string; unit: string } {
  if (hours === 0) return { value: '6', unit: '分钟内' };
  if (hours < 1) return { value: String(Math.round(hours * 60)), unit: '分钟' };
  return { value: String(Math.round(hours * 10) / 10), unit: '小时' };
}

export function headlineFigures(s: RegionStatsDto): Figure[] {
  const response = s.medianResponseHours === null ? null : responseTime(s.medianResponseHours);
  return [
    { key: 'services', label: '服务场次', value: String(s.servicesDelivered), unit: '场', note: `共点单 ${s.ordersPlaced} 单` },
    { key: 'attendance', label: '参与人次', value: String(s.attendance), unit: '人次', note: '已完成服务报告的到场人数' },
    { key: 'volunteer', label: '志愿服务时长', value: String(s.volunteerHours), unit: '小时', note: '服务时长乘以服务方出场人数' },
    {
      key: 'satisfaction',
      label: '群众满意度',
      value: s.satisfaction === null ? '暂无' : percent(s.satisfaction),
      unit: s.satisfaction === null ? undefined : '%',
      note: s.ratingsCount === 0 ? '还没有村民评价' : `${s.ratingsCount} 条村民评价中 4–5 星的比例`,
    },
    {
      key: 'coverage',
      label: '礼堂覆盖率',
      value: s.hallCoverage === null ? '暂无' : percent(s.hallCoverage),
      unit: s.hallCoverage === null ? undefined : '%',
      note: `${s.hallsServed} / ${s.hallsTotal} 个礼堂开展过服务`,
    },
    {
      key: 'completion',
      label: '完成率',
      value: s.completionRate === null ? '暂无' : percent(s.completionRate),
      unit: s.completionRate === null ? undefined : '%',
      note: '已结束的点单中顺利完成的比例',
    },
    {
      key: 'response',
      label: '答复时长',
      value: response?.value ?? '暂无',
      unit: response?.unit,
      note: '点单到服务方首次答复，取中位数',
    },
    { key: 'unmet', label: '未满足需求', value: String(s.unmetNeeds), unit: '条', note: '礼堂发布后仍未落实的需求' },
  ];
}

/** Which number the bars and the trend show. */
export type Measure = 'servicesDelivered' | 'attendance' | 'volunteerHours';

export const MEASURES: Measure[] = ['servicesDelivered', 'attendance', 'volunteerHours'];
export const MEASURE_LABELS: Record<Measure, string> = { servicesDelivered: '服务场次', attendance: '参与人次', volunteerHours: '志愿服务时长' };
export const MEASURE_UNITS: Record<Measure, string> = { servicesDelivered: '场', attendance: '人次', volunteerHours: '小时' };

/** Rows with something to draw, largest first; ties keep the server's order (by code), so bars do not reshuffle. */
export const rankedRows = (rows: StatsBreakdownRow[], measure: Measure): ChartDatum[] =>
  rows
    .map((r, index) => ({ label: r.label, value: r[measure], index }))
    .filter((r) => r.value > 0)
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .map(({ label, value }) => ({ label, value }));

/** Zero rows are listed under the bars rather than drawn: named while the list is short, counted when it is long. */
const MAX_NAMED_ZEROS = 12;

export function zeroRowsNote(rows: StatsBreakdownRow[], measure: Measure, noun: string): { lead: string; names: string[] } | null {
  const zeros = rows.filter((r) => r[measure] === 0).map((r) => r.label);
  if (zeros.length === 0 || zeros.length === rows.length) return null;
  if (zeros.length > MAX_NAMED_ZEROS) return { lead: `另有 ${zeros.length} 个${noun}为 0`, names: [] };
  return { lead: `为 0 的${noun}：`, names: zeros };
}

/** Every month of the period (the server sends the empty ones too), labelled short enough for the axis. */
export const monthlyTrend = (s: RegionStatsDto, measure: Measure): ChartDatum[] =>
  s.byMonth.map((m) => ({ label: monthLabel(m.key, s), value: m[measure] }));

/** One colour per order state: greens for done, blues for under way, ambers for waiting, greys and reds for the rest. */
export const ORDER_STATE_COLOURS: Record<OrderState, string> = {
  pending: '#d97706',
  proposed: '#f59e0b',
  accepted: '#2563eb',
  in_service: '#0891b2',
  completed: '#7c3aed',
  confirmed: '#16a34a',
  disputed: '#db2777',
  no_show_reported: '#ea580c',
  declined: '#64748b',
  expired: '#94a3b8',
  cancelled: '#cbd5e1',
  voided: '#9f1239',
  no_show: '#7f1d1d',
};

export const orderStateSlices = (s: RegionStatsDto): Slice[] =>
  ORDER_STATES.map((state) => ({ label: ORDER_STATE_LABELS[state], value: s.ordersByState[state] ?? 0, colour: ORDER_STATE_COLOURS[state] }));

/** What one row of the sub-region bars is, by its level. */
export const BREAKDOWN_NOUNS: Record<RegionLevel, string> = {
  province: '省',
  city: '市',
  county: '县（市、区）',
  township: '乡镇（街道）',
  village: '村（社区）',
};
