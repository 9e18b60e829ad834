import type { AuthTokens, DemoUserOption, HallDto, MeResponse, Paged, SystemInfo } from '@hall-menu/shared';

export const tokens = (suffix = '1'): AuthTokens => ({
  accessToken: `access-${suffix}`,
  refreshToken: `refresh-token-${suffix}-long-enough`,
  expiresIn: 900,
});

export const noScopes: MeResponse['scopes'] = { halls: [], provider: null, region: null, village: null };

export const villager: MeResponse = { id: 1, nickname: '王阿婆', roles: ['villager'], scopes: noScopes };

export const managerAndVillager: MeResponse = {
  id: 2,
  nickname: '李建国',
  roles: ['villager', 'hall_manager'],
  scopes: { ...noScopes, halls: [{ id: 11, name: '鲍田村文化礼堂', villageCode: '330381102201' }] },
};

export const hall = (id: number, name: string): HallDto => ({
  id,
  name,
  villageCode: '330381102201',
  villageName: '鲍田村',
  regionPath: '瑞安市 塘下镇 鲍田村',
  address: '',
  latitude: null,
  longitude: null,
  seats: 200,
  facilities: ['stage'],
  annualQuota: 12,
  quotaUsed: 3,
  starLevel: 3,
  active: true,
});

export const paged = <T>(items: T[]): Paged<T> => ({ items, total: items.length, page: 1, pageSize: 20 });

export const demoSystem: SystemInfo = { demoMode: true, wechatLogin: false, database: 'embedded', version: '0.1.0' };
export const liveSystem: SystemInfo = { demoMode: false, wechatLogin: true, database: 'mysql', version: '0.1.0' };

export const demoUsers: DemoUserOption[] = [
  { id: 1, nickname: '王阿婆', role: 'villager', scopeLabel: '鲍田村' },
  { id: 2, nickname: '李建国', role: 'hall_manager', scopeLabel: '鲍田村文化礼堂' },
];
