import { ErrorCode, type DateRange, type HallBlackoutPeriod } from '@hall-menu/shared';
import { DomainError } from '../../common/errors/domain-error';
import { addDays } from '../../common/time';
import type { Hall } from './hall.entity';

export const blackoutsOf = (hall: Hall): HallBlackoutPeriod[] =>
  (hall.blackoutDates ?? []).map((p) => ({ from: p.from, to: p.to, note: p.note ?? '' }));

/** The first blackout period touching any day from `from` to `to` ('YYYY-MM-DD', inclusive), if one does. */
function blackoutTouching(hall: Hall, from: string, to: string): HallBlackoutPeriod | null {
  return blackoutsOf(hall).find((p) => p.from <= to && from <= p.to) ?? null;
}

/** Whether every day from `from` to `to` lies in some blackout period: nothing in that range can be booked. */
function blackedOutThroughout(hall: Hall, from: string, to: string): boolean {
  const periods = blackoutsOf(hall);
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (!periods.some((p) => p.from <= day && day <= p.to)) return false;
  }
  return true;
}

/** How a blackout period reads in a message: 2026-05-01 至 2026-05-20（农忙）. */
export const describeBlackout = (p: HallBlackoutPeriod) => `${p.from} 至 ${p.to}${p.note ? `（${p.note}）` : ''}`;

/** An order's wished-for date windows: each must keep at least one day outside the hall's blackout periods. */
export function assertWindowsBookable(hall: Hall, windows: readonly DateRange[]): void {
  windows.forEach((w, i) => {
    if (!blackedOutThroughout(hall, w.from, w.to)) return;
    const message = `礼堂在 ${describeBlackout(blackoutTouching(hall, w.from, w.to)!)} 暂停接待，所选日期段 ${w.from} 至 ${w.to} 都在其中，请换个日期段`;
    throw new DomainError(ErrorCode.HallBlackout, message, { fields: [{ field: `windows.${i}.from`, message }] });
  });
}

/** A fixed service time: no day of it may fall in a blackout period. Days are Beijing dates. */
export function assertDaysBookable(hall: Hall, fromDay: string, toDay: string): void {
  const period = blackoutTouching(hall, fromDay, toDay);
  if (period) throw new DomainError(ErrorCode.HallBlackout, `礼堂在 ${describeBlackout(period)} 暂停接待，请换个时间`, { blackout: period });
}
