import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ClusterBus } from '../src/common/cluster/cluster-bus';
import { ClusterEventsService } from '../src/common/cluster/cluster-events.service';
import { JobScheduler } from '../src/common/cluster/job-scheduler.service';
import { RedisHitStore } from '../src/common/http/rate-limit';
import { RedisConnections } from '../src/common/redis/redis-connections';
import { loadConfig } from '../src/config/app-config';
import { RealtimeBus } from '../src/modules/conversations/realtime-bus';
import { settle } from './conversations-helpers';
import { startTestApp } from './test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const freshPrefix = () => `hall-menu-test-${randomUUID().slice(0, 8)}:`;

/** One server instance's Redis side, started as Nest starts it. */
async function instance(keyPrefix: string, url = REDIS_URL) {
  const redis = new RedisConnections(loadConfig({ REDIS_URL: url, REDIS_KEY_PREFIX: keyPrefix }));
  const bus = new ClusterBus(redis);
  return { redis, bus, start: () => bus.onModuleInit(), close: () => redis.onApplicationShutdown() };
}

async function waitUntil(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition()) && Date.now() < deadline) await settle(20);
  expect(await condition()).toBe(true);
}

describe('cluster bus over Redis', () => {
  const admin = new Redis(REDIS_URL);
  /** The connections a deployment holds, told apart by the names they give themselves. */
  const connectionsOf = async (keyPrefix: string) =>
    ((await admin.client('LIST')) as string)
      .split('\n')
      .map((line) => / name=(\S*)/.exec(line)?.[1])
      .filter((name) => name?.startsWith(keyPrefix))
      .sort();
  afterAll(() => admin.quit());

  it('delivers each message once to every instance, and to its sender only where asked to', async () => {
    const keyPrefix = freshPrefix();
    const [a, b, elsewhere] = await Promise.all([instance(keyPrefix), instance(keyPrefix), instance(freshPrefix())]);
    const heard: Record<string, unknown[]> = { aOwn: [], aOthers: [], bOwn: [], bOthers: [], elsewhere: [] };
    a.bus.subscribe('news', (payload) => heard.aOwn.push(payload), { includeOwn: true });
    a.bus.subscribe('news', (payload) => heard.aOthers.push(payload));
    b.bus.subscribe('news', (payload) => heard.bOwn.push(payload), { includeOwn: true });
    elsewhere.bus.subscribe('news', (payload) => heard.elsewhere.push(payload), { includeOwn: true });
    await Promise.all([a.start(), b.start(), elsewhere.start()]);
    // Registered after start-up: subscribed at once.
    b.bus.subscribe('news', (payload) => heard.bOthers.push(payload));
    await settle(100);

    await a.bus.publish('news', { from: 'a' });
    await waitUntil(() => heard.bOthers.length === 1 && heard.aOwn.length === 1);
    await settle();
    expect(heard).toEqual({ aOwn: [{ from: 'a' }], aOthers: [], bOwn: [{ from: 'a' }], bOthers: [{ from: 'a' }], elsewhere: [] });
    await Promise.all([a.close(), b.close(), elsewhere.close()]);
  });

  it('holds two connections per instance whatever uses Redis, opened on first use and closed at shutdown', async () => {
    const keyPrefix = freshPrefix();
    const app = await startTestApp({ REDIS_URL, REDIS_KEY_PREFIX: keyPrefix, JOB_INTERVAL_SECONDS: '0', RATE_LIMIT_LOGIN_PER_MINUTE: '100' });
    // Subscribed at start-up; nothing has sent a command yet.
    expect(await connectionsOf(keyPrefix)).toEqual([`${keyPrefix}subscriber`]);
    // Rate counts, a job lease, a cluster event and a realtime frame: all on the one command connection.
    await request(app.http).post('/api/auth/demo').send({ role: 'villager' }).expect(200);
    await expect(app.app.get(JobScheduler).runTick('connection-count', 60, async () => undefined)).resolves.toBe('ran');
    await app.app.get(ClusterEventsService).publish('connection-count');
    await app.app.get(RealtimeBus).publish({ userIds: [], frame: { type: 'pong' } });
    expect(await connectionsOf(keyPrefix)).toEqual([`${keyPrefix}command`, `${keyPrefix}subscriber`]);
    await app.close();
    // Redis drops a client a moment after answering its QUIT.
    await waitUntil(async () => (await connectionsOf(keyPrefix)).length === 0);
  });

  describe('with Redis unreachable', () => {
    // Every failed attempt is logged; expected here.
    beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
    afterEach(() => jest.restoreAllMocks());

    it('stops start-up, and afterwards fails open: jobs run without a lease, rate counts and events fail quickly', async () => {
      const down = await instance(freshPrefix(), 'redis://127.0.0.1:1');
      await expect(down.start()).rejects.toThrow();
      await expect(new JobScheduler(down.redis).runTick('lease-less', 60, async () => undefined)).resolves.toBe('ran');
      const started = Date.now();
      await expect(new RedisHitStore(down.redis).hit('login:1.2.3.4', 60)).rejects.toThrow();
      await expect(new ClusterEventsService(down.bus).publish('menu-changed')).resolves.toBeUndefined();
      expect(Date.now() - started).toBeLessThan(2000);
      await down.close();
    });
  });
});
