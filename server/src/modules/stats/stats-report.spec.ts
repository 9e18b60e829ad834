import { describePeriod, percent } from './stats-report';
import { monthsBetween, splitPeriod } from './stats.service';

describe('period wording of the report', () => {
  it('names whole months, quarters, halves and years the way a work summary does', () => {
    expect(describePeriod('2026-05-01', '2026-05-31')).toEqual({ wording: '本月', label: '2026年5月' });
    expect(describePeriod('2026-02-01', '2026-02-28')).toEqual({ wording: '本月', label: '2026年2月' });
    expect(describePeriod('2026-04-01', '2026-06-30')).toEqual({ wording: '本季度', label: '2026年第二季度' });
    expect(describePeriod('2026-10-01', '2026-12-31')).toEqual({ wording: '本季度', label: '2026年第四季度' });
    expect(describePeriod('2026-01-01', '2026-06-30')).toEqual({ wording: '上半年', label: '2026年上半年' });
    expect(describePeriod('2026-07-01', '2026-12-31')).toEqual({ wording: '下半年', label: '2026年下半年' });
    expect(describePeriod('2026-01-01', '2026-12-31')).toEqual({ wording: '本年度', label: '2026年度' });
  });

  it('falls back to the dates for anything else', () => {
    expect(describePeriod('2026-02-01', '2026-03-31').wording).toBe('2026年2月1日至2026年3月31日');
    expect(describePeriod('2026-05-01', '2026-05-30').wording).toBe('2026年5月1日至2026年5月30日');
    expect(describePeriod('2025-12-01', '2026-02-28').wording).toBe('2025年12月1日至2026年2月28日');
  });

  it('writes shares as people read them', () => {
    expect([percent(1), percent(0.925), percent(0.6667), percent(0), percent(null)]).toEqual(['100%', '92.5%', '66.7%', '0%', '—']);
  });

  it('lists every month a period touches, across years', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-07-01', '2026-07-01')).toEqual(['2026-07']);
  });
});

describe('splitting a period into whole months and days', () => {
  it('serves whole months from the rollups and the days around them from the source rows', () => {
    expect(splitPeriod('2026-07-01', '2026-09-30')).toEqual({ months: ['2026-07', '2026-09'], days: [] });
    expect(splitPeriod('2026-01-05', '2026-11-23')).toEqual({ months: ['2026-02', '2026-10'], days: [['2026-01-05', '2026-01-31'], ['2026-11-01', '2026-11-23']] });
    expect(splitPeriod('2025-12-01', '2026-02-28')).toEqual({ months: ['2025-12', '2026-02'], days: [] });
    expect(splitPeriod('2026-02-01', '2026-03-15')).toEqual({ months: ['2026-02', '2026-02'], days: [['2026-03-01', '2026-03-15']] });
  });

  it('keeps short periods to days', () => {
    expect(splitPeriod('2026-07-05', '2026-08-20')).toEqual({ months: null, days: [['2026-07-05', '2026-08-20']] });
    expect(splitPeriod('2026-07-01', '2026-07-01')).toEqual({ months: null, days: [['2026-07-01', '2026-07-01']] });
  });
});
