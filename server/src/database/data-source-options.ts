import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS as MYSQL_MIGRATIONS } from './migrations/mysql';
import { MIGRATIONS as SQLITE_MIGRATIONS } from './migrations/sqlite';

/**
 * MySQL in production, an embedded sql.js file for a new user with no MySQL.
 * Each has its own generated migrations because their DDL differs.
 */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  if (database.kind === 'mysql') {
    return {
      type: 'mysql',
      url: database.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      entities: ENTITIES,
      migrations: MYSQL_MIGRATIONS,
      migrationsRun: false,
      poolSize: 20,
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
