import { addDays } from '../../../../utils/format';

/** The periods a reviewer reports on; `custom` is any from–to they pick. */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export const PERIOD_LABELS: Record<PeriodKind, string> = {
  month: '本月',
  quarter: '本季度',
  year: '本年度',
  custom: '自定义',
};

export interface Period {
  from: string;
  to: string;
}

/**
 * The whole calendar month, quarter or year that `today` (Beijing, 'YYYY-MM-DD') falls in. Whole periods,
 * not "so far": the days ahead hold no services yet, and the report can then say 本月 / 本季度 / 本年度.
 */
export function presetPeriod(kind: Exclude<PeriodKind, 'custom'>, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const [first, last] = kind === 'month' ? [month, month] : kind === 'quarter' ? [month - ((month - 1) % 3), month - ((month - 1) % 3) + 2] : [1, 12];
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/** A custom period starts as the last 30 days. */
export const defaultCustomPeriod = (today: string): Period => ({ from: addDays(today, -29), to: today });

/** "5月" within one year; "25年12月" when the period crosses a new year. */
export function monthLabel(month: string, period: Period): string {
  const sameYear = period.from.slice(0, 4) === period.to.slice(0, 4);
  const m = `${Number(month.slice(5, 7))}月`;
  return sameYear ? m : `${month.slice(2, 4)}年${m}`;
}
