import { Injectable, Logger } from '@nestjs/common';
import { BusHandler, ClusterBus } from './cluster-bus';

/**
 * Tells every server instance about something that happened on one of them (a menu change, say), over the cluster
 * bus. Handlers run for events from other instances only: the instance that publishes has already acted.
 */
@Injectable()
export class ClusterEventsService {
  private readonly logger = new Logger(ClusterEventsService.name);

  constructor(private readonly bus: ClusterBus) {}

  /** Register in a constructor (before start-up) so the subscription exists before the first request. */
  on(topic: string, handler: BusHandler): void {
    this.bus.subscribe(`cluster:${topic}`, handler);
  }

  /** Best effort: a lost event costs other instances at most their cache TTL, never correctness. */
  async publish(topic: string, payload: unknown = null): Promise<void> {
    try {
      await this.bus.publish(`cluster:${topic}`, payload);
    } catch (error) {
      this.logger.warn({ msg: 'cluster event not published', topic, err: String(error) });
    }
  }
}
