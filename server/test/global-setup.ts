import { createConnection } from 'mysql2/promise';
import { baseDatabaseUrl } from './database';

/** Fails the whole run early, with a message a person can act on, when there is no MySQL to test against. */
export default async function globalSetup(): Promise<void> {
  // Workers start after this and inherit it.
  process.env.HALLMENU_TEST_RUN = String(process.pid);
  const url = baseDatabaseUrl();
  try {
    const connection = await createConnection({ uri: url, connectTimeout: 5000 });
    await connection.end();
  } catch (error) {
    throw new Error(
      `Server tests need a MySQL-compatible database at ${url.replace(/:[^:@/]*@/, ':***@')} ` +
        `(set TEST_DATABASE_URL or DATABASE_URL; .ci/run starts the local MariaDB): ${(error as Error).message}`,
    );
  }
}
