import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiErrorBody, ERROR_MESSAGES, ErrorCode } from '@hall-menu/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { httpStatusOf } from './http-status';

/** Framework HTTP errors (unknown route, bad JSON, body too large) in the same shape and language as ours. */
function fromHttpException(exception: HttpException): { status: number; body: ApiErrorBody } {
  const status = exception.getStatus();
  const byStatus: Record<number, [ErrorCode, string]> = {
    [HttpStatus.BAD_REQUEST]: [ErrorCode.ValidationFailed, '请求格式不对，请检查后重试'],
    [HttpStatus.UNAUTHORIZED]: [ErrorCode.Unauthenticated, ERROR_MESSAGES[ErrorCode.Unauthenticated]],
    [HttpStatus.FORBIDDEN]: [ErrorCode.Forbidden, ERROR_MESSAGES[ErrorCode.Forbidden]],
    [HttpStatus.NOT_FOUND]: [ErrorCode.NotFound, '没有这个接口或页面'],
    [HttpStatus.PAYLOAD_TOO_LARGE]: [ErrorCode.ValidationFailed, '提交的内容太大'],
    [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: [ErrorCode.ValidationFailed, '请以 JSON 格式提交'],
    [HttpStatus.TOO_MANY_REQUESTS]: [ErrorCode.RateLimited, ERROR_MESSAGES[ErrorCode.RateLimited]],
  };
  const [code, message] = byStatus[status] ?? (status < 500 ? [ErrorCode.ValidationFailed, exception.message] : [ErrorCode.Internal, ERROR_MESSAGES[ErrorCode.Internal]]);
  return { status, body: { code, message } };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    let status: number;
    let body: ApiErrorBody;
    if (exception instanceof DomainError) {
      status = httpStatusOf(exception.code);
      body = { code: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}) };
    } else if (exception instanceof HttpException) {
      ({ status, body } = fromHttpException(exception));
    } else if (isFastifyClientError(exception)) {
      ({ status, body } = fromHttpException(new HttpException(exception.message, exception.statusCode)));
    } else if (isDatabaseUnreachable(exception)) {
      // The database is down or restarting: tell the client to come back rather than that something broke.
      status = HttpStatus.SERVICE_UNAVAILABLE;
      body = { code: ErrorCode.ServiceUnavailable, message: ERROR_MESSAGES[ErrorCode.ServiceUnavailable] };
      void reply.header('Retry-After', '5');
    } else {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
      body = { code: ErrorCode.Internal, message: ERROR_MESSAGES[ErrorCode.Internal] };
    }
    if (status >= 500) {
      this.logger.error({ msg: 'request failed', method: request.method, url: request.url, err: String(exception), stack: (exception as Error)?.stack });
    }
    void reply.status(status).send(body);
  }
}

/** Fastify's own errors (e.g. malformed JSON body) carry a 4xx statusCode. */
function isFastifyClientError(e: unknown): e is { statusCode: number; message: string } {
  const code = (e as { statusCode?: unknown })?.statusCode;
  return typeof code === 'number' && code >= 400 && code < 500;
}

/** Connection-level failures of the MySQL driver (directly or wrapped in TypeORM's QueryFailedError). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'PROTOCOL_CONNECTION_LOST', 'ER_SERVER_SHUTDOWN', 'ER_CON_COUNT_ERROR', 'ER_CONNECTION_KILLED', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR']);

export function isDatabaseUnreachable(e: unknown): boolean {
  for (let current = e as { code?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string' && UNREACHABLE_CODES.has(current.code)) return true;
    if ((current as { fatal?: unknown }).fatal === true) return true;
    current = (current.driverError ?? current.cause) as typeof current;
  }
  return false;
}
