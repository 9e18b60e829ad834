import { QueryFailedError } from 'typeorm';

/** A unique index refused the row, on MySQL or SQLite. */
export function isDuplicateKey(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = (error as QueryFailedError & { driverError?: { code?: string; message?: string } }).driverError;
  return driver?.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(String(driver?.message ?? error.message));
}
