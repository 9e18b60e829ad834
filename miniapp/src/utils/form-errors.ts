import type { FieldError } from '@hall-menu/shared';
import { ApiError, errorMessage } from '../api/api-error';

/** Problems by field path as the schema and the server name them: "title", "windows.0.from". */
export type FieldErrors = Record<string, string>;

/** The first problem of each field. */
export function errorsFromIssues(fields: FieldError[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of fields) errors[field] ??= message;
  return errors;
}

/** A failed client-side check of the shared schema. */
export const errorsFromZod = (error: { issues: { path: (string | number)[]; message: string }[] }) => errorsFromIssues(error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })));

/** A failed call: the server's Chinese message and its field errors (details.fields). */
export function explainFailure(error: unknown): { message: string; fields: FieldErrors } {
  const fields = error instanceof ApiError && Array.isArray(error.details?.fields) ? errorsFromIssues(error.details.fields as FieldError[]) : {};
  return { message: errorMessage(error), fields };
}

/** The line above a form: the server's message, unless it only repeats a message already shown under a field. */
export function formMessage(failure: { message: string; fields: FieldErrors }): string {
  return Object.values(failure.fields).includes(failure.message) ? '请按下面的红字提示修改' : failure.message;
}
