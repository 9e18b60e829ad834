import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { outOfScope } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';

/**
 * Answers "is this object inside this person's scope?" for services, before every read and write:
 * a hall manager's halls, a provider member's organisation, a reviewer's region subtree.
 * Admins are city-wide.
 */
@Injectable()
export class ScopeService {
  constructor(private readonly db: DatabaseService) {}

  async managedHallIds(userId: number): Promise<number[]> {
    const rows: { hall_id: number }[] = await this.db.manager.query('SELECT hall_id FROM hall_managers WHERE user_id = ?', [userId]);
    return rows.map((r) => Number(r.hall_id));
  }

  async providerIdOf(userId: number): Promise<number | null> {
    const rows: { provider_id: number }[] = await this.db.manager.query(
      'SELECT provider_id FROM provider_members WHERE user_id = ? ORDER BY provider_id LIMIT 1',
      [userId],
    );
    return rows[0] ? Number(rows[0].provider_id) : null;
  }

  /** The root of the region subtree a reviewer or admin oversees; an admin without a region sees everything (''). */
  async oversightRegion(user: AuthUser): Promise<string | null> {
    if (!user.roles.includes('reviewer') && !user.roles.includes('admin')) return null;
    const rows: { role: string; region_code: string | null }[] = await this.db.manager.query(
      "SELECT role, region_code FROM user_roles WHERE user_id = ? AND role IN ('admin', 'reviewer')",
      [user.id],
    );
    const admin = rows.find((r) => r.role === 'admin');
    if (admin) return admin.region_code ?? '';
    return rows[0]?.region_code ?? null;
  }

  /** True when every code lies inside the person's oversight region. */
  async oversees(user: AuthUser, regionCodes: string[]): Promise<boolean> {
    const root = await this.oversightRegion(user);
    if (root === null) return false;
    return regionCodes.length > 0 && regionCodes.every((code) => code.startsWith(root));
  }

  async assertOversees(user: AuthUser, regionCodes: string[], message = '该内容不在您负责的地区内'): Promise<void> {
    if (!(await this.oversees(user, regionCodes))) throw outOfScope(message);
  }

  async assertManagesHall(user: AuthUser, hallId: number): Promise<void> {
    if (!user.roles.includes('hall_manager') || !(await this.managedHallIds(user.id)).includes(hallId)) {
      throw outOfScope('您不是该礼堂的管理员');
    }
  }

  async assertMemberOf(user: AuthUser, providerId: number): Promise<void> {
    if (!user.roles.includes('provider') || (await this.providerIdOf(user.id)) !== providerId) {
      throw outOfScope('您不是该服务方的成员');
    }
  }
}
