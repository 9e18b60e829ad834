import { ERROR_MESSAGES, ErrorCode } from '@hall-menu/shared';

/** An expected failure with a stable code; the filter turns it into `{ code, message, details }`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.NotFound, `找不到该${what}，可能已被删除`, details);

export const outOfScope = (message = ERROR_MESSAGES[ErrorCode.OutOfScope]) => new DomainError(ErrorCode.OutOfScope, message);

export const forbidden = (message = ERROR_MESSAGES[ErrorCode.Forbidden]) => new DomainError(ErrorCode.Forbidden, message);
