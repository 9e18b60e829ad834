import { EntityManager } from 'typeorm';
import { beijingToday } from '../../common/time';
import { Hall } from './hall.entity';

/** The year a quota set now belongs to (Beijing calendar, like the orders that use it). */
export const quotaYearAt = (now: Date) => Number(beijingToday(now).slice(0, 4));

/**
 * Sets a hall's annual quota for `year`, starting the year's count afresh when the hall still counts an earlier
 * year. Returns the quota fields as they are now. The caller holds the hall's row.
 */
export async function applyQuota(
  m: EntityManager,
  hall: Hall,
  annualQuota: number,
  year: number,
): Promise<{ annualQuota: number; quotaYear: number; quotaUsed: number }> {
  await m.createQueryBuilder().update(Hall).set({ quotaYear: year, quotaUsed: 0 }).where('id = :id AND quota_year < :year', { id: hall.id, year }).execute();
  if (hall.annualQuota !== annualQuota) await m.update(Hall, { id: hall.id }, { annualQuota });
  const now = await m.findOneByOrFail(Hall, { id: hall.id });
  return { annualQuota: now.annualQuota, quotaYear: now.quotaYear, quotaUsed: now.quotaUsed };
}
