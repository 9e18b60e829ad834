/** Roles a person can hold. `system` is the platform itself (scheduled jobs), never granted to a user. */
export const USER_ROLES = ['villager', 'hall_manager', 'provider', 'reviewer', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export type Role = UserRole | 'system';

export const ROLE_LABELS: Record<UserRole, string> = {
  villager: '村民',
  hall_manager: '礼堂管理员',
  provider: '服务方',
  reviewer: '审核员',
  admin: '平台管理员',
};
