import type { Audience, Category, HallFacility, ProviderKind, RegionLevel, VerificationState } from './catalog';
import type { HonourBadge } from './rankings';
import type { ScoreSummary } from './ratings';
import type { UserRole } from './roles';

/** Response shapes of the HTTP API. Successful responses are the object itself; errors are `ApiErrorBody`. */

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface ScopeHall {
  id: number;
  name: string;
  villageCode: string;
}

export interface UserScopes {
  /** Halls this person manages (role hall_manager). */
  halls: ScopeHall[];
  /** Provider organisation this person belongs to (role provider). */
  provider: { id: number; name: string } | null;
  /** Region subtree this person reviews (role reviewer). */
  region: { code: string; name: string } | null;
  /** Village this person lives in (role villager), if they chose one. */
  village: { code: string; name: string } | null;
}

export interface MeResponse {
  id: number;
  nickname: string;
  roles: UserRole[];
  scopes: UserScopes;
}

export interface LoginResponse {
  tokens: AuthTokens;
  me: MeResponse;
}

export interface DemoUserOption {
  id: number;
  nickname: string;
  role: UserRole;
  /** What this person manages, in words: "石坦村文化礼堂", "温州市鹿城区". */
  scopeLabel: string;
}

export interface SystemInfo {
  demoMode: boolean;
  wechatLogin: boolean;
  database: 'mysql' | 'embedded';
  version: string;
}

export interface HealthResponse {
  status: 'ok';
  database: 'up';
}

export interface RegionDto {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** Full name from the county down, e.g. "瑞安市 塘下镇 鲍田村". */
  fullName: string;
}

export interface HallDto {
  id: number;
  name: string;
  villageCode: string;
  villageName: string;
  regionPath: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  seats: number;
  facilities: HallFacility[];
  annualQuota: number;
  quotaUsed: number;
  starLevel: number;
  active: boolean;
}

export interface ProviderDto {
  id: number;
  name: string;
  kind: ProviderKind;
  description: string;
  contactName: string;
  contactPhone: string;
  verification: VerificationState;
  /** Region codes the provider will travel to (any level; a county covers its villages). */
  serviceArea: string[];
  memberCount: number;
  /** People who usually go on site; volunteer hours count service hours × this. */
  teamSize: number;
  /** Score from the ratings of all its projects' services. */
  rating: ScoreSummary;
  /** 表彰 of the provider, newest year first. */
  honours: HonourBadge[];
}

export interface CategoryDto {
  key: Category;
  label: string;
}

export interface AudienceDto {
  key: Audience;
  label: string;
}
