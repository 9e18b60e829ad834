import { ClusterBus } from '../../common/cluster/cluster-bus';
import { RedisConnections } from '../../common/redis/redis-connections';
import { loadConfig } from '../../config/app-config';
import { RealtimeBus, type RealtimeEnvelope } from './realtime-bus';

describe('realtime bus without Redis', () => {
  it('hands each frame once to every socket holder of the instance that stored the message', async () => {
    const bus = new ClusterBus(new RedisConnections(loadConfig({})));
    await bus.onModuleInit();
    const realtime = new RealtimeBus(bus);
    const delivered: RealtimeEnvelope[][] = [[], []];
    delivered.forEach((list) => realtime.onDeliver((envelope) => list.push(envelope)));
    const envelope: RealtimeEnvelope = { userIds: [7], frame: { type: 'unread', conversationId: 3, unread: 1, total: 2 } };
    await realtime.publish(envelope);
    expect(delivered).toEqual([[envelope], [envelope]]);
  });
});
