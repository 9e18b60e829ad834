import { ErrorCode } from '@hall-menu/shared';
import { assertDaysBookable, assertWindowsBookable } from './hall-blackouts';
import type { Hall } from './hall.entity';

const hall = { blackoutDates: [{ from: '2026-05-01', to: '2026-05-10', note: '农忙' }, { from: '2026-05-11', to: '2026-05-12' }] } as Hall;

describe('hall blackout periods', () => {
  it('refuses a wished-for window only when every day of it is blacked out', () => {
    expect(() => assertWindowsBookable(hall, [{ from: '2026-05-08', to: '2026-05-13' }])).not.toThrow();
    expect(() => assertWindowsBookable(hall, [{ from: '2026-05-02', to: '2026-05-12' }])).toThrow(
      expect.objectContaining({ code: ErrorCode.HallBlackout, message: expect.stringContaining('2026-05-01 至 2026-05-10（农忙）') }),
    );
  });

  it('refuses a fixed time touching any blacked-out day', () => {
    expect(() => assertDaysBookable(hall, '2026-05-13', '2026-05-13')).not.toThrow();
    expect(() => assertDaysBookable(hall, '2026-05-12', '2026-05-12')).toThrow(expect.objectContaining({ code: ErrorCode.HallBlackout }));
    expect(() => assertDaysBookable({ blackoutDates: null } as Hall, '2026-05-12', '2026-05-12')).not.toThrow();
  });
});
