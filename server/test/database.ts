import { createConnection } from 'mysql2/promise';

/** The MySQL/MariaDB server the tests use: DATABASE_URL, or the local MariaDB every dev machine and CI has. */
export function baseDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test';
}

/** A database of its own for each jest worker of each run, so test files never see each other's rows. */
export function workerDatabaseUrl(): { url: string; name: string } {
  const url = new URL(baseDatabaseUrl());
  // The run id keeps two test runs on one machine (a developer's and CI's) out of each other's databases.
  const name = `hallmenu_test_${process.env.HALLMENU_TEST_RUN ?? 'local'}_${process.env.JEST_WORKER_ID ?? '1'}`;
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

/** Drops and recreates this worker's database, so each test file starts from migrations and demo data. */
export async function freshDatabase(): Promise<string> {
  const { url, name } = workerDatabaseUrl();
  const admin = await createConnection({ uri: baseDatabaseUrl() });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  return url;
}

/** Drops every database this run created. */
export async function dropRunDatabases(): Promise<void> {
  const admin = await createConnection({ uri: baseDatabaseUrl() });
  try {
    const [rows] = await admin.query('SHOW DATABASES LIKE ?', [`hallmenu_test_${process.env.HALLMENU_TEST_RUN ?? 'local'}_%`]);
    for (const row of rows as Record<string, string>[]) await admin.query(`DROP DATABASE IF EXISTS \`${Object.values(row)[0]}\``);
  } finally {
    await admin.end();
  }
}
