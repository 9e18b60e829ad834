import { ErrorCode } from '@hall-menu/shared';
import { DomainError } from '../errors/domain-error';

/** 8–64 letters, digits, - or _. */
const KEY_FORM = /^[\w-]{8,64}$/;

/**
 * The `Idempotency-Key` header of a create call that had none before: a missing key is accepted (mini-program
 * versions already on people's phones send none, and WeChat updates them lazily), a malformed one is refused so a
 * client bug cannot silently lose the protection.
 */
export function optionalIdempotencyKey(header: string | undefined): string | null {
  if (header === undefined || header === '') return null;
  if (!KEY_FORM.test(header)) throw new DomainError(ErrorCode.IdempotencyKeyRequired);
  return header;
}

/** The `Idempotency-Key` header of a create call that cannot go without one (orders). */
export function requiredIdempotencyKey(header: string | undefined): string {
  if (!header || !KEY_FORM.test(header)) throw new DomainError(ErrorCode.IdempotencyKeyRequired);
  return header;
}
