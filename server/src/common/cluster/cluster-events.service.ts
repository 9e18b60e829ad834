import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

type Handler = (payload: unknown) => void;

/**
 * Tells every server instance about something that happened on one of them (a menu change, say). Without Redis there
 * is one instance and this is a function call; with REDIS_URL it is Redis pub/sub on one channel per topic. Handlers
 * run for events from other instances only: the instance that publishes has already acted.
 */
@Injectable()
export class ClusterEventsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ClusterEventsService.name);
  private readonly instanceId = randomUUID();
  private readonly handlers = new Map<string, Handler[]>();
  private readonly publisher: Redis | null;
  private readonly subscriber: Redis | null;
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `${config.redis?.keyPrefix ?? 'hall-menu:'}cluster:`;
    this.publisher = config.redis ? new Redis(config.redis.url, { lazyConnect: true }) : null;
    this.subscriber = config.redis ? new Redis(config.redis.url, { lazyConnect: true }) : null;
    for (const connection of [this.publisher, this.subscriber]) {
      connection?.on('error', (error: unknown) => this.logger.warn({ msg: 'redis connection problem', err: String(error) }));
    }
    this.subscriber?.on('message', (channel: string, text: string) => this.deliver(channel.slice(this.prefix.length), text));
  }

  async onModuleInit(): Promise<void> {
    if (!this.publisher || !this.subscriber) return;
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    if (this.handlers.size) await this.subscriber.subscribe(...[...this.handlers.keys()].map((topic) => this.prefix + topic));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.publisher?.quit(), this.subscriber?.quit()]);
  }

  /** Register in a constructor (before start-up) so the subscription exists before the first request. */
  on(topic: string, handler: Handler): void {
    const list = this.handlers.get(topic) ?? [];
    list.push(handler);
    this.handlers.set(topic, list);
    if (this.subscriber?.status === 'ready') void this.subscriber.subscribe(this.prefix + topic);
  }

  /** Best effort: a lost event costs other instances at most their cache TTL, never correctness. */
  async publish(topic: string, payload: unknown = null): Promise<void> {
    if (!this.publisher) return;
    try {
      await this.publisher.publish(this.prefix + topic, JSON.stringify({ from: this.instanceId, payload }));
    } catch (error) {
      this.logger.warn({ msg: 'cluster event not published', topic, err: String(error) });
    }
  }

  private deliver(topic: string, text: string): void {
    let message: { from: string; payload: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (message.from === this.instanceId) return;
    for (const handler of this.handlers.get(topic) ?? []) handler(message.payload);
  }
}
