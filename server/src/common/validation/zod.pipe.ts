import { PipeTransform } from '@nestjs/common';
import { ErrorCode, FieldError } from '@hall-menu/shared';
import type { ZodType, ZodTypeDef } from 'zod';
import { DomainError } from '../errors/domain-error';

/**
 * Validates a body, query or param with a schema from `@hall-menu/shared`, the same one the mini-program runs,
 * and answers 400 naming every field that is wrong.
 */
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T, ZodTypeDef, unknown>) {}

  transform(value: unknown): T {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const fields: FieldError[] = result.error.issues.map((issue) => ({
      field: issue.path.join('.') || '(body)',
      message: issue.message,
    }));
    const first = fields[0];
    const message = first.field === '(body)' ? first.message : `${first.message}（字段：${first.field}）`;
    throw new DomainError(ErrorCode.ValidationFailed, message, { fields });
  }
}
