import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS as MYSQL_MIGRATIONS } from './migrations/mysql';
import { MIGRATIONS as SQLITE_MIGRATIONS } from './migrations/sqlite';

/**
 * MySQL in production, an embedded sql.js file for a new user with no MySQL.
 * Each runs its own older, generated migrations (their DDL differs), then the hand-written ones they share.
 */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  if (database.kind === 'mysql') {
    const common = {
      type: 'mysql',
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      entities: ENTITIES,
      migrations: MYSQL_MIGRATIONS,
      migrationsRun: false,
      poolSize: 20,
    } as const;
    if (database.readUrls.length === 0) return { ...common, url: database.url };
    return {
      ...common,
      replication: {
        master: { url: database.url },
        slaves: database.readUrls.map((url) => ({ url })),
        // Every read stays on the primary, so a person always sees what they just wrote; only
        // DatabaseService.readReplica goes to a replica.
        defaultMode: 'master',
        // The pool cluster would otherwise drop a node for good after five failed connects — the primary included,
        // so the server would never recover from a database restart. Instead a failing node rests 2 s and is retried.
        restoreNodeTimeout: 2000,
        // Fail a connect at once instead of retrying in the same request: readReplica then falls back to the primary.
        canRetry: false,
      },
    };
  }
  fs.mkdirSync(path.dirname(database.file), { recursive: true });
  return {
    type: 'sqljs',
    location: database.file,
    autoSave: true,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsRun: false,
  };
}
