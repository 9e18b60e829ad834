import { EntityManager } from 'typeorm';
import { UserRole } from '../users/user-role.entity';
import { HallManager } from './hall-manager.entity';

/**
 * The hall_manager role and its scope move together: a person manages a hall when they hold the role and the link;
 * the last hall removed takes the role with it. Callers check authority and write the audit row.
 */
export async function addHallManager(m: EntityManager, hallId: number, userId: number): Promise<boolean> {
  const linked = await m.exists(HallManager, { where: { hallId, userId } });
  if (!(await m.exists(UserRole, { where: { userId, role: 'hall_manager' } }))) {
    await m.insert(UserRole, { userId, role: 'hall_manager', regionCode: null });
  }
  if (linked) return false;
  await m.insert(HallManager, { hallId, userId });
  return true;
}

export async function removeHallManager(m: EntityManager, hallId: number, userId: number): Promise<boolean> {
  const removed = await m.delete(HallManager, { hallId, userId });
  if (!(await m.exists(HallManager, { where: { userId } }))) await m.delete(UserRole, { userId, role: 'hall_manager' });
  return (removed.affected ?? 0) > 0;
}
