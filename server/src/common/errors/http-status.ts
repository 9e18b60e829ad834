import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@hall-menu/shared';

/** One place that decides the HTTP status of every domain error; the switch is exhaustive. */
export function httpStatusOf(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.ValidationFailed:
    case ErrorCode.ReasonRequired:
    case ErrorCode.IdempotencyKeyRequired:
    case ErrorCode.SensitiveContent:
    case ErrorCode.InviteInvalid:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.Unauthenticated:
    case ErrorCode.TokenExpired:
    case ErrorCode.RefreshTokenInvalid:
    case ErrorCode.RefreshTokenReused:
    case ErrorCode.WechatLoginFailed:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.AccountDisabled:
    case ErrorCode.Forbidden:
    case ErrorCode.OutOfScope:
    case ErrorCode.ReservationSuspended:
    case ErrorCode.DemoLoginDisabled:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.Conflict:
    case ErrorCode.InvalidTransition:
    case ErrorCode.StaleState:
    case ErrorCode.QuotaExhausted:
    case ErrorCode.AlreadyReserved:
    case ErrorCode.EventFull:
    case ErrorCode.AlreadyRated:
    case ErrorCode.ScheduleConflict:
    case ErrorCode.HallClosed:
    case ErrorCode.HallBlackout:
    case ErrorCode.ImportHasErrors:
      return HttpStatus.CONFLICT;
    case ErrorCode.WechatNotConfigured:
      return HttpStatus.NOT_IMPLEMENTED;
    case ErrorCode.RateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.ServiceUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.Internal:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for error code ${String(unhandled)}`);
    }
  }
}
