import type { AuthUser } from '../../common/auth/auth-user';
import { notFound, outOfScope } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { Region } from '../regions/region.entity';
import { ScopeService } from '../users/scope.service';

/**
 * The region a reviewer's figures are for: the one asked for, which must lie inside their own, or their own by
 * default (an admin without a region gets the city).
 */
export async function regionInScope(db: DatabaseService, scope: ScopeService, user: AuthUser, requested: string | undefined): Promise<Region> {
  const root = await scope.oversightRegion(user);
  if (root === null) throw outOfScope('您没有负责的地区');
  const city = async () => (await db.manager.findOne(Region, { where: { level: 'city' }, order: { code: 'ASC' } }))?.code;
  const code = requested ?? (root === '' ? await city() : root);
  if (!code || !code.startsWith(root)) throw outOfScope('只能查看您负责地区的统计');
  const region = await db.manager.findOne(Region, { where: { code } });
  if (!region) throw notFound('地区', { code });
  return region;
}
