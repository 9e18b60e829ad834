import type { RegionBreakdownRow, RegionStatsDto, StatsFigures } from '@hall-menu/shared';
import { headlineFigures, monthlyTrend, orderStateSlices, rankedRows, zeroRowsNote } from './figures';
import { defaultCustomPeriod, monthLabel, presetPeriod } from './period';

const zeroFigures: StatsFigures = { ordersPlaced: 0, servicesDelivered: 0, completionRate: null, attendance: 0, volunteerHours: 0, ratingsCount: 0, satisfaction: null };
const row = (key: string, label: string, figures: Partial<StatsFigures> = {}): RegionBreakdownRow => ({
  key,
  label,
  ...zeroFigures,
  ...figures,
  hallsServed: 0,
  hallsTotal: 10,
  hallCoverage: 0,
});

function stats(overrides: Partial<RegionStatsDto> = {}): RegionStatsDto {
  return {
    ...zeroFigures,
    region: { code: '3303', name: '温州市', level: 'city' },
    from: '2026-04-01',
    to: '2026-06-30',
    ordersByState: {},
    medianResponseHours: null,
    hallsServed: 0,
    hallsTotal: 0,
    hallCoverage: null,
    unmetNeeds: 0,
    breakdownLevel: 'county',
    byRegion: [],
    byCategory: [],
    byMonth: [],
    summary: '',
    ...overrides,
  };
}

describe('headlineFigures', () => {
  it('shows shares as percentages with one decimal and says how each is made up', () => {
    const figures = headlineFigures(
      stats({ servicesDelivered: 12, ordersPlaced: 15, attendance: 3450, satisfaction: 0.925, ratingsCount: 40, hallsServed: 105, hallsTotal: 300, hallCoverage: 0.35, completionRate: 0.8, volunteerHours: 36.5, medianResponseHours: 5.25, unmetNeeds: 3 }),
    );
    const byKey = Object.fromEntries(figures.map((f) => [f.key, f]));
    expect(Object.keys(byKey)).toEqual(['services', 'attendance', 'volunteer', 'satisfaction', 'coverage', 'completion', 'response', 'unmet']);
    expect(byKey.services).toMatchObject({ value: '12', unit: '场', note: '共点单 15 单' });
    expect(byKey.attendance).toMatchObject({ value: '3450', unit: '人次' });
    expect(byKey.volunteer).toMatchObject({ value: '36.5', unit: '小时' });
    expect(byKey.satisfaction).toMatchObject({ value: '92.5', unit: '%', note: '40 条村民评价中 4–5 星的比例' });
    expect(byKey.coverage).toMatchObject({ value: '35', unit: '%', note: '105 / 300 个礼堂开展过服务' });
    expect(byKey.completion).toMatchObject({ value: '80', unit: '%' });
    expect(byKey.response).toMatchObject({ value: '5.3', unit: '小时' });
    expect(byKey.unmet).toMatchObject({ value: '3', unit: '条' });
  });

  it('says 暂无 rather than 0% when there is nothing to divide, and gives short answer times in minutes', () => {
    const byKey = Object.fromEntries(headlineFigures(stats({ medianResponseHours: 0.25 })).map((f) => [f.key, f]));
    for (const key of ['satisfaction', 'coverage', 'completion']) expect(byKey[key]).toMatchObject({ value: '暂无', unit: undefined });
    expect(byKey.satisfaction.note).toBe('还没有村民评价');
    expect(byKey.response).toMatchObject({ value: '15', unit: '分钟' });
    expect(headlineFigures(stats({ medianResponseHours: 0 })).find((f) => f.key === 'response')).toMatchObject({ value: '6', unit: '分钟内' });
    expect(headlineFigures(stats()).find((f) => f.key === 'response')).toMatchObject({ value: '暂无', unit: undefined });
  });
});

describe('chart data', () => {
  const rows = [row('330302', '鹿城区', { servicesDelivered: 2, attendance: 300 }), row('330303', '龙湾区'), row('330381', '瑞安市', { servicesDelivered: 5, attendance: 100 }), row('330304', '瓯海区', { servicesDelivered: 2 })];

  it('ranks the rows with something to draw, largest first, ties in the server order', () => {
    expect(rankedRows(rows, 'servicesDelivered')).toEqual([
      { label: '瑞安市', value: 5 },
      { label: '鹿城区', value: 2 },
      { label: '瓯海区', value: 2 },
    ]);
    expect(rankedRows(rows, 'attendance').map((r) => r.label)).toEqual(['鹿城区', '瑞安市']);
  });

  it('names the rows at 0 under the bars, or counts them when there are many', () => {
    expect(zeroRowsNote(rows, 'attendance', '县（市、区）')).toEqual({ lead: '为 0 的县（市、区）：', names: ['龙湾区', '瓯海区'] });
    const villages = [row('1', '一村', { servicesDelivered: 1 }), ...Array.from({ length: 13 }, (_, i) => row(`v${i}`, `村${i}`))];
    expect(zeroRowsNote(villages, 'servicesDelivered', '村（社区）')).toEqual({ lead: '另有 13 个村（社区）为 0', names: [] });
    // Nothing at all is the chart's empty state, not a list of every name.
    expect(zeroRowsNote([row('1', '一村')], 'servicesDelivered', '村（社区）')).toBeNull();
    expect(zeroRowsNote(rows.slice(0, 1), 'servicesDelivered', '县（市、区）')).toBeNull();
  });

  it('labels the months short for the axis, with the year when the period crosses one', () => {
    const byMonth = [
      { ...row('2025-12', '2025年12月', { servicesDelivered: 3 }) },
      { ...row('2026-01', '2026年1月', { servicesDelivered: 0 }) },
    ];
    expect(monthlyTrend(stats({ from: '2025-12-01', to: '2026-01-31', byMonth }), 'servicesDelivered')).toEqual([
      { label: '25年12月', value: 3 },
      { label: '26年1月', value: 0 },
    ]);
    expect(monthLabel('2026-05', { from: '2026-05-01', to: '2026-05-31' })).toBe('5月');
  });

  it('gives every order state its label, count and colour, in the workflow order', () => {
    const slices = orderStateSlices(stats({ ordersByState: { confirmed: 2, pending: 1 } }));
    expect(slices[0]).toMatchObject({ label: '待服务方答复', value: 1 });
    expect(slices.find((s) => s.label === '已完成')).toMatchObject({ value: 2 });
    expect(new Set(slices.map((s) => s.colour)).size).toBe(slices.length);
  });
});

describe('periods', () => {
  it('covers the whole month, quarter or year of today', () => {
    expect(presetPeriod('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('quarter', '2026-05-20')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetPeriod('quarter', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('year', '2026-05-20')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('starts a custom period as the last 30 days', () => {
    expect(defaultCustomPeriod('2026-03-10')).toEqual({ from: '2026-02-09', to: '2026-03-10' });
  });
});
