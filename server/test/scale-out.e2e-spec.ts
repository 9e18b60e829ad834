import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { JobScheduler } from '../src/common/cluster/job-scheduler.service';
import { DatabaseService } from '../src/database/database.service';
import { OrderJobsService } from '../src/modules/orders/order-jobs.service';
import { secondInstance } from './conversations-helpers';
import { placedOrder, publishedProjectFor } from './fixtures';
import { bearer, startTestApp, type TestApp } from './test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Two instances on one fresh, seeded database, with a Redis key prefix of their own: parallel runs (and their rate
 * counts) stay apart on the shared Redis.
 */
async function startTwoInstances(env: Record<string, string> = {}): Promise<[TestApp, TestApp]> {
  const shared = { REDIS_URL, REDIS_KEY_PREFIX: `hall-menu-test-${randomUUID().slice(0, 8)}:`, JOB_INTERVAL_SECONDS: '0', ...env };
  const a = await startTestApp(shared);
  const b = await secondInstance(shared).catch(async (error: unknown) => {
    await a.close();
    throw error;
  });
  return [a, b];
}

/** Two server instances on one MariaDB and one Redis, as a scaled-out deployment runs them. */
describe('two instances sharing MariaDB and Redis', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => ([a, b] = await startTwoInstances()));
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

describe('scheduled jobs on two instances', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => ([a, b] = await startTwoInstances()));
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('run each tick on one instance only: the other finds the lease taken', async () => {
    let runs = 0;
    const work = async () => void runs++;
    const outcomes = await Promise.all([a, b, a, b].map((app) => app.app.get(JobScheduler).runTick('lease-test', 60, work)));
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'skipped')).toHaveLength(3);
    expect(runs).toBe(1);
  });

  it('expire an unanswered order once even when both instances run the job at the same moment without the lease', async () => {
    const manager = await a.login('hall_manager');
    const provider = await a.login('provider');
    const reviewer = await a.login('reviewer');
    const hallId = manager.me.scopes.halls[0].id;
    const project = await publishedProjectFor(a, provider, reviewer, manager, '两实例过期测试');
    const order = await placedOrder(b, manager, project.id, hallId, 20);
    for (const app of [a, b]) jest.spyOn(app.app.get(Clock), 'now').mockReturnValue(new Date(Date.parse(order.answerDeadline) + 1000));
    const [first, second] = await Promise.all([a.app.get(OrderJobsService).runDue(), b.app.get(OrderJobsService).runDue()]);
    expect(first.expired + second.expired).toBe(1);
    const rows = await a.app.get(DatabaseService).manager.query("SELECT COUNT(*) AS n FROM transition_history WHERE entity_type = 'order' AND entity_id = ? AND event = 'expire'", [order.id]);
    expect(Number(rows[0].n)).toBe(1);
    // Both instances answer with the same, expired order.
    const viaA = (await request(a.http).get(`/api/orders/${order.id}`).set(bearer(manager)).expect(200)).body;
    const viaB = (await request(b.http).get(`/api/orders/${order.id}`).set(bearer(manager)).expect(200)).body;
    expect(viaA.status).toBe('expired');
    expect(viaB).toEqual(viaA);
  });
});

describe('rate limits shared through Redis', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => ([a, b] = await startTwoInstances({ RATE_LIMIT_LOGIN_PER_MINUTE: '4' })));
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
