import { Injectable } from '@nestjs/common';
import type { RealtimeFrame } from '@hall-menu/shared';
import { ClusterBus } from '../../common/cluster/cluster-bus';

/** A frame for some people; every server instance delivers it to the sockets of those people it holds. */
export interface RealtimeEnvelope {
  userIds: number[];
  frame: RealtimeFrame;
}

export type RealtimeHandler = (envelope: RealtimeEnvelope) => void;

const CHANNEL = 'realtime';

/**
 * Fan-out between whoever stores a message and whoever holds the recipients' sockets, over the cluster bus: a
 * function call in one process, Redis pub/sub between several instances.
 */
@Injectable()
export class RealtimeBus {
  private readonly handlers: RealtimeHandler[] = [];

  constructor(private readonly bus: ClusterBus) {
    // Subscribed now, before start-up, so that no frame published once the app serves is missed. Own frames too:
    // the instance that stores a message may hold some of the recipients' sockets.
    bus.subscribe(CHANNEL, (envelope) => this.handlers.forEach((handler) => handler(envelope as RealtimeEnvelope)), { includeOwn: true });
  }

  publish(envelope: RealtimeEnvelope): Promise<void> {
    return this.bus.publish(CHANNEL, envelope);
  }

  onDeliver(handler: RealtimeHandler): void {
    this.handlers.push(handler);
  }
}
