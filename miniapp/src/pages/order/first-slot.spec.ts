import type { OrderDto } from '@hall-menu/shared';
import { firstSlot } from './OrderActions';

const order = (from: string) => ({ windows: [{ from, to: from }], proposedStart: null, proposedEnd: null, scheduledStart: null, scheduledEnd: null }) as unknown as OrderDto;

describe('firstSlot', () => {
  // 2026-11-24 09:12 in Beijing.
  const now = new Date('2026-11-24T01:12:00Z');

  it('starts a later wished day at 14:00–16:00', () => {
    expect(firstSlot(order('2026-11-26'), now)).toEqual({ date: '2026-11-26', start: '14:00', end: '16:00' });
  });

  it('starts a same-day order at the next full hour after one hour from now, never in the past', () => {
    expect(firstSlot(order('2026-11-24'), now)).toEqual({ date: '2026-11-24', start: '11:00', end: '13:00' });
    expect(firstSlot(order('2026-11-24'), new Date('2026-11-24T07:40:00Z'))).toEqual({ date: '2026-11-24', start: '17:00', end: '19:00' });
  });

  it('moves a same-day order to the next afternoon once no two hours are left today', () => {
    // 21:10 in Beijing: 22:00 or later would end after the day.
    expect(firstSlot(order('2026-11-24'), new Date('2026-11-24T13:10:00Z'))).toEqual({ date: '2026-11-25', start: '14:00', end: '16:00' });
    // 19:59: the last slot of the day, 21:00–23:00.
    expect(firstSlot(order('2026-11-24'), new Date('2026-11-24T11:59:00Z'))).toEqual({ date: '2026-11-24', start: '21:00', end: '23:00' });
  });
});
