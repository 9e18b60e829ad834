import { useState } from 'react';
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

/** How a failed `schema.safeParse` names its problems. */
type SchemaError = { issues: { path: (string | number)[]; message: string }[] };

/** A failed client-side check of the shared schema. */
export const errorsFromZod = (error: SchemaError) => errorsFromIssues(error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })));

/** Drops the messages of a field (and of its rows) once it is changed. */
export function withoutErrorsOf(errors: FieldErrors, field: string): FieldErrors {
  const left: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key !== field && !key.startsWith(`${field}.`)) left[key] = message;
  }
  return left;
}

/** A failed call: the server's Chinese message and its field errors (details.fields). */
export function explainFailure(error: unknown): { message: string; fields: FieldErrors } {
  const fields = error instanceof ApiError && Array.isArray(error.details?.fields) ? errorsFromIssues(error.details.fields as FieldError[]) : {};
  return { message: errorMessage(error), fields };
}

/** The line above a form: the server's message, unless it only repeats a message already shown under a field. */
export function formMessage(failure: { message: string; fields: FieldErrors }): string {
  return Object.values(failure.fields).includes(failure.message) ? '请按下面的红字提示修改' : failure.message;
}

/** The line above a form that failed the client-side check. */
const invalidFormMessage = (errors: FieldErrors) => `还有 ${Object.keys(errors).length} 处需要修改，请看各项下面的红字提示`;

/** What `schema.safeParse` returns. */
type Checked<T> = { success: true; data: T } | { success: false; error: SchemaError };

/**
 * A form's messages (one under each field that is wrong, one line above the form) and its sending.
 * `submit` sends what passed the shared schema and shows the server's refusal; a form with steps of its own (a check
 * of its own, a question before sending) uses `showInvalid` and `send`, and `showFailure` (a failed call, with words
 * before the server's message when the form did part of its work already).
 * `oneMessage`: a form of one box, or of buttons only, shows every problem as its one line instead — the check's
 * first message, the server's message as it is (nothing is shown under fields, so nothing points there).
 */
export function useForm({ oneMessage = false }: { oneMessage?: boolean } = {}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** The client-side check's problems; `line` replaces the usual line above the form (null: none). */
  function showInvalid(found: FieldErrors, line: string | null = oneMessage ? (Object.values(found)[0] ?? null) : invalidFormMessage(found)) {
    setErrors(found);
    setFailure(line);
  }

  function showFailure(error: unknown, lead = '') {
    if (oneMessage) return setFailure(lead + errorMessage(error));
    const explained = explainFailure(error);
    setErrors(explained.fields);
    setFailure(lead + formMessage(explained));
  }

  /**
   * Runs the call with the form busy; a press meanwhile does nothing. The messages shown before are dropped (the
   * check passed, and the server judges afresh); a thrown error shows as the server's refusal.
   */
  async function send(call: () => Promise<unknown>): Promise<void> {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await call();
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  }

  /** A press while one is being sent does nothing. */
  async function submit<T>(checked: Checked<T>, call: (data: T) => Promise<unknown>): Promise<void> {
    if (busy) return;
    if (!checked.success) return showInvalid(errorsFromZod(checked.error));
    return send(() => call(checked.data));
  }

  return { errors, setErrors, failure, clearFailure: () => setFailure(null), busy, submit, send, showInvalid, showFailure };
}
