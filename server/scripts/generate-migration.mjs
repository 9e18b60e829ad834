#!/usr/bin/env node
// Generates one schema change twice, from the entities: for MySQL (diffed against a scratch database
// on the local MariaDB, brought up to date first) and for the embedded sql.js database.
// Most changes are hand-written once in src/database/migrations/common instead (see docs/operations.md);
// this is for a change the driver-neutral Table API cannot express, or to see what the entities need.
// Usage: npm run migration:generate -w server -- AddOrders
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mysql2/promise';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run migration:generate -w server -- <PascalCaseName>');
  process.exit(1);
}
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (args, env) => execFileSync('npx', args, { cwd: serverDir, stdio: 'inherit', env: { ...process.env, ...env } });

run(['tsc', '-p', 'tsconfig.build.json']);

const mysqlUrl = new URL(process.env.MIGRATION_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/hallmenu_migrations');
const dbName = mysqlUrl.pathname.slice(1);
const admin = await createConnection({ uri: Object.assign(new URL(mysqlUrl), { pathname: '/' }).toString() });
await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
await admin.end();

const common = { JWT_SECRET: 'migration-generation-only-secret-0123456789', SEED_DEMO_DATA: 'false' };
const targets = [
  { dir: 'mysql', env: { ...common, DATABASE_URL: mysqlUrl.toString() } },
  { dir: 'sqlite', env: { ...common, DATABASE_URL: '', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'hall-menu-migrations-')) } },
];
for (const { dir, env } of targets) {
  const dataSource = 'dist/database/data-source.js';
  run(['typeorm', 'migration:run', '-d', dataSource], env);
  run(['typeorm', 'migration:generate', '-d', dataSource, '--pretty', `src/database/migrations/${dir}/${name}`], env);
  writeIndex(path.join(serverDir, 'src/database/migrations', dir));
}

/**
 * Migrations are listed explicitly (no glob), so ts-jest, tsc output and the CLI all load the same set:
 * this driver's generated ones, then the hand-written ones both drivers share (listed in common/index.ts).
 */
function writeIndex(folder) {
  const files = readdirSync(folder).filter((f) => /^\d+-.+\.ts$/.test(f)).sort();
  const imports = files.map((f, i) => `import { ${className(folder, f)} as M${i} } from './${f.replace(/\.ts$/, '')}';`);
  const comment = [
    '/**',
    ' * Generated for this driver by scripts/generate-migration.mjs, then the hand-written ones shared by both drivers',
    ' * (../common). TypeORM runs them in timestamp order.',
    ' */',
  ].join('\n');
  const list = [...files.map((_, i) => `M${i}`), '...COMMON_MIGRATIONS'].join(', ');
  const body = `import { COMMON_MIGRATIONS } from '../common';\n${imports.join('\n')}\n\n${comment}\nexport const MIGRATIONS = [${list}];\n`;
  writeFileSync(path.join(folder, 'index.ts'), body);
}

function className(folder, file) {
  const source = execFileSync('grep', ['-o', 'export class [A-Za-z0-9_]*', path.join(folder, file)]).toString();
  return source.trim().split(' ').pop();
}
