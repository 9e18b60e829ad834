import type { AuthUser } from '../../common/auth/auth-user';
import { outOfScope } from '../../common/errors/domain-error';
import type { ScopeService } from '../users/scope.service';

/** Lengths of official region codes: province, city, county, township, village. */
const LEVEL_LENGTHS = [12, 9, 6, 4, 2];

/**
 * The smallest region containing every code (their common prefix cut to a real level), or null when they share
 * none. Reviewers see a row when its region lies inside theirs, which is exactly "every code lies inside".
 */
export function commonRegion(codes: readonly string[]): string | null {
  if (codes.length === 0) return null;
  let prefix = codes[0];
  for (const code of codes.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < code.length && prefix[i] === code[i]) i++;
    prefix = prefix.slice(0, i);
  }
  const length = LEVEL_LENGTHS.find((n) => n <= prefix.length);
  return length ? prefix.slice(0, length) : null;
}

/**
 * The region whose records and accounts an official may see and act on: everything for an admin (city-wide by role,
 * including what belongs to no region, such as rules and accounts without a village), the reviewed region for a
 * reviewer. '' means everything.
 */
export async function officialRoot(scope: ScopeService, user: AuthUser): Promise<string> {
  if (user.roles.includes('admin')) return '';
  const root = await scope.oversightRegion(user);
  if (root === null) throw outOfScope('您没有负责的地区');
  return root;
}

/** The capacity an official acts in, recorded with each change. */
export function actingRole(user: AuthUser): string {
  if (user.roles.includes('admin')) return 'admin';
  if (user.roles.includes('reviewer')) return 'reviewer';
  return user.roles[0] ?? 'villager';
}

/** Only the fields that differ, as `{ before, after }`; null when nothing differs. */
export function changedFields<T extends object>(
  before: T,
  after: T,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      was[key] = before[key] ?? null;
      now[key] = after[key] ?? null;
    }
  }
  return Object.keys(now).length === 0 ? null : { before: was, after: now };
}

/** A time read by raw SQL as an ISO string: MySQL gives a Date, sql.js UTC text without a zone. */
export function isoTime(value: Date | string): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`).toISOString();
}
