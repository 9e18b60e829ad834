import { Injectable } from '@nestjs/common';
import { ROLE_LABELS, type DemoUserOption, type MeResponse, type UserRole as Role, type UserScopes } from '@hall-menu/shared';
import { notFound } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(private readonly db: DatabaseService) {}

  async me(userId: number): Promise<MeResponse> {
    const user = await this.db.manager.findOne(User, { where: { id: userId } });
    if (!user) throw notFound('用户', { id: userId });
    const roles = await this.roles(userId);
    return { id: user.id, nickname: user.nickname, roles: roles.map((r) => r.role), scopes: await this.scopes(user, roles) };
  }

  async demoUserOptions(): Promise<DemoUserOption[]> {
    const rows: { id: number; nickname: string; role: Role }[] = await this.db.manager.query(
      `SELECT u.id, u.nickname, r.role FROM users u JOIN user_roles r ON r.user_id = u.id
       WHERE u.demo_key IS NOT NULL AND u.disabled = ? ORDER BY u.id, r.id`,
      [0],
    );
    const options: DemoUserOption[] = [];
    const scopeCache = new Map<number, UserScopes>();
    for (const row of rows) {
      let scopes = scopeCache.get(row.id);
      if (!scopes) {
        const user = await this.db.manager.findOneByOrFail(User, { id: row.id });
        scopes = await this.scopes(user, await this.roles(row.id));
        scopeCache.set(row.id, scopes);
      }
      options.push({ id: row.id, nickname: row.nickname, role: row.role, scopeLabel: scopeLabel(row.role, scopes) });
    }
    return options;
  }

  private roles(userId: number): Promise<{ role: Role; region_code: string | null }[]> {
    return this.db.manager.query('SELECT role, region_code FROM user_roles WHERE user_id = ? ORDER BY id', [userId]);
  }

  private async scopes(user: User, roles: { role: Role; region_code: string | null }[]): Promise<UserScopes> {
    const q = this.db.manager;
    const halls: { id: number; name: string; villageCode: string }[] = await q.query(
      `SELECT h.id, h.name, h.village_code AS villageCode FROM halls h JOIN hall_managers m ON m.hall_id = h.id
       WHERE m.user_id = ? ORDER BY h.id`,
      [user.id],
    );
    const providers: { id: number; name: string }[] = await q.query(
      'SELECT p.id, p.name FROM providers p JOIN provider_members m ON m.provider_id = p.id WHERE m.user_id = ? ORDER BY p.id LIMIT 1',
      [user.id],
    );
    const regionCode = roles.find((r) => r.role === 'reviewer' || r.role === 'admin')?.region_code ?? null;
    const [region, village] = await Promise.all([this.regionRef(regionCode), this.regionRef(user.villageCode)]);
    return {
      halls: halls.map((h) => ({ id: Number(h.id), name: h.name, villageCode: h.villageCode })),
      provider: providers[0] ? { id: Number(providers[0].id), name: providers[0].name } : null,
      region,
      village,
    };
  }

  private async regionRef(code: string | null): Promise<{ code: string; name: string } | null> {
    if (!code) return null;
    const rows: { code: string; name: string; full_name: string; level: string }[] = await this.db.manager.query(
      'SELECT code, name, full_name, level FROM regions WHERE code = ?',
      [code],
    );
    const row = rows[0];
    if (!row) return null;
    return { code: row.code, name: row.level === 'village' ? row.full_name : row.name };
  }
}

function scopeLabel(role: Role, scopes: UserScopes): string {
  switch (role) {
    case 'hall_manager':
      return scopes.halls.map((h) => h.name).join('、') || ROLE_LABELS.hall_manager;
    case 'provider':
      return scopes.provider?.name ?? ROLE_LABELS.provider;
    case 'reviewer':
    case 'admin':
      return scopes.region?.name ?? '全市';
    case 'villager':
      return scopes.village?.name ?? '未选择村';
  }
}
