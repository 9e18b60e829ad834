import { ORDER_STATE_LABELS, type OrderState, type RegionStatsDto, type StatsBreakdownRow, type StatsReportDto } from '@hall-menu/shared';

/** 0.925 → "92.5%", 1 → "100%"; null → "—". */
export const percent = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

const QUARTERS = ['一', '二', '三', '四'];
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const chineseDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export interface PeriodDescription {
  /** How the sentences name the period: 本月, 本季度, 上半年, 下半年, 本年度, or the two dates. */
  wording: string;
  /** How the title names it: 2026年5月, 2026年第二季度, 2026年度… */
  label: string;
}

/** Names a period the way a department's work summary does, from the shape of its dates. */
export function describePeriod(from: string, to: string): PeriodDescription {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  const wholeMonths = y1 === y2 && d1 === 1 && d2 === lastDayOf(y2, m2);
  if (wholeMonths) {
    if (m1 === 1 && m2 === 12) return { wording: '本年度', label: `${y1}年度` };
    if (m1 === m2) return { wording: '本月', label: `${y1}年${m1}月` };
    if (m2 === m1 + 2 && (m1 - 1) % 3 === 0) return { wording: '本季度', label: `${y1}年第${QUARTERS[(m1 - 1) / 3]}季度` };
    if (m1 === 1 && m2 === 6) return { wording: '上半年', label: `${y1}年上半年` };
    if (m1 === 7 && m2 === 12) return { wording: '下半年', label: `${y1}年下半年` };
  }
  const dates = `${chineseDate(from)}至${chineseDate(to)}`;
  return { wording: dates, label: dates };
}

type StatsCore = Omit<RegionStatsDto, 'summary'>;

/** "本季度，温州市共开展服务12场次，参与群众3450人次，群众满意度92.5%，覆盖35%的文化礼堂（105个，共300个）。" */
export function summarySentence(s: StatsCore, from: string, to: string): string {
  const { wording } = describePeriod(from, to);
  const satisfaction = s.satisfaction === null ? '暂无群众评价' : `群众满意度${percent(s.satisfaction)}`;
  const coverage = s.hallsTotal === 0 ? '区域内暂无文化礼堂' : `覆盖${percent(s.hallCoverage)}的文化礼堂（${s.hallsServed}个，共${s.hallsTotal}个）`;
  return `${wording}，${s.region.name}共开展服务${s.servicesDelivered}场次，参与群众${s.attendance}人次，${satisfaction}，${coverage}。`;
}

const byServices = (rows: StatsBreakdownRow[]) => rows.filter((r) => r.servicesDelivered > 0).sort((a, b) => b.servicesDelivered - a.servicesDelivered || a.key.localeCompare(b.key));

/** The period report: the summary sentence first, then orders, volunteer hours, categories, places, months and needs. */
export function buildReport(s: RegionStatsDto): StatsReportDto {
  const { wording, label } = describePeriod(s.from, s.to);
  const paragraphs = [s.summary];

  const confirmed = s.ordersByState.confirmed ?? 0;
  const answer = s.medianResponseHours === null ? '' : `；服务方答复点单的时间中位数为${s.medianResponseHours}小时`;
  const completion = s.completionRate === null ? '已办结的点单暂无' : `完成率${percent(s.completionRate)}`;
  paragraphs.push(`${wording}各文化礼堂共点单${s.ordersPlaced}单，其中已确认完成${confirmed}单，${completion}${answer}。服务队伍投入志愿服务时长${s.volunteerHours}小时。`);

  const categories = byServices(s.byCategory);
  if (categories.length > 0) {
    const mostAttended = [...categories].sort((a, b) => b.attendance - a.attendance || a.key.localeCompare(b.key))[0];
    paragraphs.push(
      `从服务类别看，${categories.map((c) => `${c.label}${c.servicesDelivered}场`).join('、')}，其中${mostAttended.label}参与群众最多，达${mostAttended.attendance}人次。`,
    );
  }

  const places = byServices(s.byRegion);
  if (places.length > 0) {
    const covered = s.byRegion.filter((r) => r.hallCoverage !== null).sort((a, b) => (b.hallCoverage ?? 0) - (a.hallCoverage ?? 0) || a.key.localeCompare(b.key))[0];
    const coverage = covered ? `，礼堂覆盖率最高的是${covered.label}（${percent(covered.hallCoverage)}）` : '';
    paragraphs.push(`从地区看，${places.map((r) => `${r.label}${r.servicesDelivered}场`).join('、')}${coverage}。`);
  }

  const months = byServices(s.byMonth);
  if (s.byMonth.length > 1 && months.length > 0) paragraphs.push(`服务场次最多的月份是${months[0].label}，共${months[0].servicesDelivered}场次。`);

  paragraphs.push(s.unmetNeeds > 0 ? `另有${s.unmetNeeds}条群众需求尚未对接，需进一步组织服务资源。` : '群众提出的需求均已得到对接。');

  return {
    region: { code: s.region.code, name: s.region.name },
    from: s.from,
    to: s.to,
    periodWording: wording,
    title: `${s.region.name}${label}文化礼堂服务工作小结`,
    paragraphs,
    text: paragraphs.join('\n'),
    stats: s,
  };
}

/** Rows of the overview, shared by the CSV, the XLSX and the Word report so they never disagree. */
export function overviewRows(s: RegionStatsDto): [string, string | number][] {
  return [
    ['地区', s.region.name],
    ['统计期间', `${s.from} 至 ${s.to}`],
    ['点单数', s.ordersPlaced],
    ['完成服务场次', s.servicesDelivered],
    ['完成率', percent(s.completionRate)],
    ['服务方答复时间中位数(小时)', s.medianResponseHours ?? '—'],
    ['参与群众人次', s.attendance],
    ['志愿服务时长(小时)', s.volunteerHours],
    ['群众评价数', s.ratingsCount],
    ['群众满意度', percent(s.satisfaction)],
    ['服务覆盖礼堂', `${s.hallsServed}/${s.hallsTotal}`],
    ['礼堂覆盖率', percent(s.hallCoverage)],
    ['未满足需求', s.unmetNeeds],
  ];
}

export const orderStateRows = (s: RegionStatsDto): [string, number][] =>
  (Object.keys(ORDER_STATE_LABELS) as OrderState[]).filter((state) => s.ordersByState[state]).map((state) => [ORDER_STATE_LABELS[state], s.ordersByState[state]!]);

/** The columns of a breakdown table; percentages as text here, as numbers with a % format in the XLSX. */
export const BREAKDOWN_HEADER = ['点单数', '服务场次', '完成率', '参与人次', '志愿服务时长(小时)', '评价数', '满意度'];
export const breakdownCells = (r: StatsBreakdownRow): (string | number)[] => [
  r.ordersPlaced,
  r.servicesDelivered,
  percent(r.completionRate),
  r.attendance,
  r.volunteerHours,
  r.ratingsCount,
  percent(r.satisfaction),
];
