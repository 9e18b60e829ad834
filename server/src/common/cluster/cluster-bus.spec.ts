import { Logger } from '@nestjs/common';
import { loadConfig } from '../../config/app-config';
import { RedisConnections } from '../redis/redis-connections';
import { ClusterBus } from './cluster-bus';
import { ClusterEventsService } from './cluster-events.service';
import { JobScheduler } from './job-scheduler.service';

/** Without REDIS_URL (the embedded demo) there is one instance: the bus is a function call, nothing opens Redis. */
describe('cluster bus without Redis', () => {
  const redis = new RedisConnections(loadConfig({}));
  let bus: ClusterBus;

  beforeEach(async () => {
    bus = new ClusterBus(redis);
    await bus.onModuleInit();
  });
  afterEach(() => jest.restoreAllMocks());

  it('delivers a message at once to the subscribers that asked for their own messages, and to no one else', async () => {
    const own: unknown[] = [];
    const othersOnly: unknown[] = [];
    bus.subscribe('menu', (payload) => own.push(payload), { includeOwn: true });
    bus.subscribe('menu', (payload) => othersOnly.push(payload));
    bus.subscribe('rules', (payload) => own.push(payload), { includeOwn: true });
    const payload = { page: 1 };
    await bus.publish('menu', payload);
    expect(own).toEqual([payload]);
    expect(othersOnly).toEqual([]);
  });

  it('keeps delivering to the other subscribers when one of them throws', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const heard: unknown[] = [];
    bus.subscribe('menu', () => {
      throw new Error('broken subscriber');
    }, { includeOwn: true });
    bus.subscribe('menu', (payload) => heard.push(payload), { includeOwn: true });
    await bus.publish('menu', 'changed');
    expect(heard).toEqual(['changed']);
  });

  it('keeps cluster events from the instance that sent them: it has acted already', async () => {
    const events = new ClusterEventsService(bus);
    const heard: unknown[] = [];
    events.on('menu-changed', (payload) => heard.push(payload));
    await events.publish('menu-changed');
    expect(heard).toEqual([]);
  });

  it('runs every job tick without a lease and refuses to open a connection', async () => {
    expect(redis.configured).toBe(false);
    expect(() => redis.command()).toThrow(/REDIS_URL/);
    await expect(new JobScheduler(redis).runTick('solo', 60, async () => undefined)).resolves.toBe('ran');
  });
});
