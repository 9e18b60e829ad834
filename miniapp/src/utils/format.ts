import { WEEKDAY_LABELS, type DateRange, type TimeWindow } from '@hall-menu/shared';

/** 90 → "1小时30分钟", 120 → "2小时", 45 → "45分钟". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}分钟`;
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`;
}

/** [1,2,3,4,5] → "周一至周五", all seven → "每天", others listed: "周二、周四、周六". */
export function formatWeekdays(days: number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return '每天';
  const consecutive = sorted.length >= 3 && sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  if (consecutive) return `${WEEKDAY_LABELS[sorted[0]]}至${WEEKDAY_LABELS[sorted[sorted.length - 1]]}`;
  return sorted.map((d) => WEEKDAY_LABELS[d]).join('、');
}

export const formatTimeWindow = (w: TimeWindow) => `${w.start}–${w.end}`;

/** "2026-05-01" → "2026年5月1日". */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

export function formatDateRange(range: DateRange): string {
  return range.from === range.to ? formatDate(range.from) : `${formatDate(range.from)} 至 ${formatDate(range.to)}`;
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** Parts of an instant in Beijing time, whatever the device's time zone. */
function beijingParts(iso: string) {
  const d = new Date(new Date(iso).getTime() + BEIJING_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
}

/** An ISO instant as "2026年5月1日 14:30" (Beijing time). */
export function formatDateTime(iso: string): string {
  const p = beijingParts(iso);
  return `${p.y}年${p.m}月${p.d}日 ${p.time}`;
}

/** Today in Beijing as "YYYY-MM-DD" (date pickers start here). */
export function beijingToday(now = new Date()): string {
  const p = beijingParts(now.toISOString());
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

export function formatRating(average: number | null, count: number): string {
  if (average === null || count === 0) return '暂无评分';
  return `${average.toFixed(1)}分（${count}人评价）`;
}

export const formatAudienceSize = (min: number, max: number) => (min === max ? `${min}人` : `${min}–${max}人`);

/** A date picked as "YYYY-MM-DD" and a time "HH:mm" as an instant in Beijing time: "2026-12-05T14:00:00+08:00". */
export const beijingInstant = (date: string, time: string) => `${date}T${time}:00+08:00`;

/** The date "YYYY-MM-DD" and time "HH:mm" of an instant in Beijing time (to start a picker from it). */
export function beijingDateAndTime(iso: string): { date: string; time: string } {
  const p = beijingParts(iso);
  return { date: `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`, time: p.time };
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Start and end of a service or an event: "2026年12月5日 周六 14:00–16:00" (another day ends with its date). */
export function formatTimeSpan(startIso: string, endIso: string): string {
  const start = beijingParts(startIso);
  const end = beijingParts(endIso);
  const weekday = WEEKDAY_NAMES[new Date(Date.UTC(start.y, start.m - 1, start.d)).getUTCDay()];
  const sameDay = start.y === end.y && start.m === end.m && start.d === end.d;
  return `${start.y}年${start.m}月${start.d}日 ${weekday} ${start.time}–${sameDay ? end.time : formatDateTime(endIso)}`;
}

/** This month in Beijing as "YYYY-MM", moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** "2026-05" → "2026年5月". */
export const formatMonth = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** 'YYYY-MM-DD' plus `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
