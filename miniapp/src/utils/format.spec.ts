import { beijingToday, formatDateRange, formatDateTime, formatDuration, formatRating, formatWeekdays } from './format';

describe('format', () => {
  it('says durations in hours and minutes', () => {
    expect(formatDuration(45)).toBe('45分钟');
    expect(formatDuration(120)).toBe('2小时');
    expect(formatDuration(90)).toBe('1小时30分钟');
  });

  it('says weekdays the way people do', () => {
    expect(formatWeekdays([1, 2, 3, 4, 5, 6, 7])).toBe('每天');
    expect(formatWeekdays([5, 1, 2, 3, 4])).toBe('周一至周五');
    expect(formatWeekdays([6, 7])).toBe('周六、周日');
    expect(formatWeekdays([2, 4, 6])).toBe('周二、周四、周六');
  });

  it('shows dates and times in Beijing time, whatever the device’s zone', () => {
    expect(formatDateRange({ from: '2026-02-10', to: '2026-02-20' })).toBe('2026年2月10日 至 2026年2月20日');
    expect(formatDateRange({ from: '2026-05-01', to: '2026-05-01' })).toBe('2026年5月1日');
    expect(formatDateTime('2026-03-01T17:30:00.000Z')).toBe('2026年3月2日 01:30');
    expect(beijingToday(new Date('2026-03-01T17:30:00.000Z'))).toBe('2026-03-02');
  });

  it('says when there is no rating yet', () => {
    expect(formatRating(null, 0)).toBe('暂无评分');
    expect(formatRating(4.25, 8)).toBe('4.3分（8人评价）');
  });
});
