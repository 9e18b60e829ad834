import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DatabaseService } from '../src/database/database.service';
import { bearer, startTestApp, type TestApp } from './test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two server instances on one MariaDB and one Redis, as a scaled-out deployment runs them. */
describe('two instances sharing MariaDB and Redis', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    // A prefix of this run's own keeps parallel runs (and their rate counts) apart on the shared Redis.
    const shared = { REDIS_URL, REDIS_KEY_PREFIX: `hall-menu-test-${randomUUID().slice(0, 8)}:`, JOB_INTERVAL_SECONDS: '0' };
    a = await startTestApp(shared);
    const { url } = a.app.get(DatabaseService).dataSource.options as { url: string };
    b = await startTestApp({ ...shared, DATABASE_URL: url, SEED_DEMO_DATA: 'false' });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('serve the same data, and a menu change on one instance drops the cached pages of the other', async () => {
    const pageA = (await request(a.http).get('/api/menu?pageSize=5').expect(200)).body;
    const pageB = (await request(b.http).get('/api/menu?pageSize=5').expect(200)).body;
    expect(pageB).toEqual(pageA);

    // B has the page cached now; suspending a project through A must not leave B serving it.
    const reviewer = await a.login('reviewer');
    const projectId = pageA.items[0].id as number;
    await request(a.http).post(`/api/projects/${projectId}/actions/suspend`).set(bearer(reviewer)).send({ reason: '核查节目内容' }).expect(200);
    const deadline = Date.now() + 5000;
    let ids: number[] = [];
    do {
      ids = (await request(b.http).get('/api/menu?pageSize=5').expect(200)).body.items.map((p: { id: number }) => p.id);
      if (!ids.includes(projectId)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (Date.now() < deadline);
    expect(ids).not.toContain(projectId);
  });
});

describe('rate limits shared through Redis', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const shared = { REDIS_URL, REDIS_KEY_PREFIX: `hall-menu-test-${randomUUID().slice(0, 8)}:`, JOB_INTERVAL_SECONDS: '0', RATE_LIMIT_LOGIN_PER_MINUTE: '4' };
    a = await startTestApp(shared);
    const { url } = a.app.get(DatabaseService).dataSource.options as { url: string };
    b = await startTestApp({ ...shared, DATABASE_URL: url, SEED_DEMO_DATA: 'false' });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('count sign-ins across instances, so a second instance does not grant the limit again', async () => {
    for (const app of [a, b, a, b]) await request(app.http).post('/api/auth/demo').send({ role: 'villager' }).expect(200);
    const refused = await request(b.http).post('/api/auth/demo').send({ role: 'villager' }).expect(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    await request(a.http).post('/api/auth/demo').send({ role: 'villager' }).expect(429);
  });
});
