import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoginResponse, UserRole } from '@hall-menu/shared';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { freshDatabase } from './database';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<NestFastifyApplication['getHttpServer']>;
  /** Signs in as the first demo user of a role (or a given one) and returns the login response. */
  login(role: UserRole, userId?: number): Promise<LoginResponse>;
  close(): Promise<void>;
}

/** Starts the real application against a fresh MySQL database with the demo data loaded. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  // A given DATABASE_URL is used as it is: a second instance joins the first one's database.
  const databaseUrl = env.DATABASE_URL ?? (await freshDatabase());
  const saved = { ...process.env };
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DEMO_MODE: 'true',
    SEED_DEMO_DATA: 'true',
    SEED_DEMO_HISTORY: 'false',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    H5_DIR: '/nonexistent',
    // Tests fire hundreds of writes from one address; the abuse-limit test turns the limits back on.
    RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    RATE_LIMIT_WECHAT_PER_MINUTE: '0',
    RATE_LIMIT_WRITES_PER_USER_PER_MINUTE: '0',
    RATE_LIMIT_WRITES_PER_ADDRESS_PER_MINUTE: '0',
    ...env,
  });
  let app: NestFastifyApplication;
  try {
    app = await createApp({ logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } finally {
    process.env = saved;
  }
  const http = app.getHttpServer();
  return {
    app,
    http,
    async login(role, userId) {
      const res = await request(http).post('/api/auth/demo').send({ role, userId });
      if (res.status !== 200) throw new Error(`demo login as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as LoginResponse;
    },
    close: () => app.close(),
  };
}

export const bearer = (login: LoginResponse) => ({ Authorization: `Bearer ${login.tokens.accessToken}` });
