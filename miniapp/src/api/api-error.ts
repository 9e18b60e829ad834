import { ERROR_MESSAGES, ErrorCode, isApiErrorBody } from '@hall-menu/shared';

/** Code of a failure where the server was never reached (offline, timeout, DNS). */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const NETWORK_ERROR_MESSAGE = '网络不太好，请检查网络后重试';
const UNKNOWN_ERROR_MESSAGE = '出了点问题，请稍后再试';

export type ApiErrorCode = ErrorCode | typeof NETWORK_ERROR;

/** Every failed API call rejects with this; `message` is always Chinese a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static network(): ApiError {
    return new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0);
  }

  /** From an error response; a body that is not ours (a proxy's HTML page) still gets a code and a message. */
  static fromResponse(status: number, body: unknown): ApiError {
    if (isApiErrorBody(body)) {
      return new ApiError(body.code, body.message || ERROR_MESSAGES[body.code] || UNKNOWN_ERROR_MESSAGE, status, body.details);
    }
    return new ApiError(ErrorCode.Internal, ERROR_MESSAGES[ErrorCode.Internal], status);
  }
}

/** The sentence to show for any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : UNKNOWN_ERROR_MESSAGE;
}
