import { EntityManager } from 'typeorm';

/**
 * Where an account lives, as region codes: its village, the halls it manages, its provider's service area, the
 * region it reviews. `admin` when it holds the admin role (only admins may act on it).
 */
export async function accountRegions(m: EntityManager, userId: number): Promise<{ codes: string[]; admin: boolean }> {
  const rows: { code: string | null }[] = await m.query(
    `SELECT village_code AS code FROM users WHERE id = ?
     UNION ALL SELECT h.village_code FROM hall_managers hm JOIN halls h ON h.id = hm.hall_id WHERE hm.user_id = ?
     UNION ALL SELECT pa.region_code FROM provider_members pm JOIN provider_areas pa ON pa.provider_id = pm.provider_id WHERE pm.user_id = ?
     UNION ALL SELECT region_code FROM user_roles WHERE user_id = ? AND role IN ('reviewer', 'admin')`,
    [userId, userId, userId, userId],
  );
  const admin: unknown[] = await m.query("SELECT 1 FROM user_roles WHERE user_id = ? AND role = 'admin'", [userId]);
  const codes = [...new Set(rows.map((r) => r.code).filter((c): c is string => !!c))];
  return { codes, admin: admin.length > 0 };
}

/** SQL condition: the account `u` has anything inside the region `:prefix` (village, halls, provider area, reviewed region). */
export const ACCOUNT_IN_REGION = `(u.village_code LIKE :prefix
  OR EXISTS (SELECT 1 FROM hall_managers hm JOIN halls h ON h.id = hm.hall_id WHERE hm.user_id = u.id AND h.village_code LIKE :prefix)
  OR EXISTS (SELECT 1 FROM provider_members pm JOIN provider_areas pa ON pa.provider_id = pm.provider_id WHERE pm.user_id = u.id AND pa.region_code LIKE :prefix)
  OR EXISTS (SELECT 1 FROM user_roles rr WHERE rr.user_id = u.id AND rr.role IN ('reviewer', 'admin') AND rr.region_code LIKE :prefix))`;
