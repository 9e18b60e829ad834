import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { RedisConnections } from '../redis/redis-connections';

export type BusHandler = (payload: unknown) => void;

export interface SubscribeOptions {
  /**
   * Also deliver this instance's own messages: for work every instance does alike, such as pushing a frame to the
   * sockets it holds. Off by default: the publisher has usually acted already and only the other instances need to.
   */
  includeOwn?: boolean;
}

interface Subscription {
  handler: BusHandler;
  includeOwn: boolean;
}

/**
 * The one publish/subscribe bus between server instances. Without Redis there is one instance and publishing is a
 * function call; with REDIS_URL each channel is a Redis pub/sub channel, and every message carries the id of the
 * instance that sent it so a subscriber can leave out its own.
 */
@Injectable()
export class ClusterBus implements OnModuleInit {
  private readonly logger = new Logger(ClusterBus.name);
  private readonly instanceId = randomUUID();
  private readonly subscriptions = new Map<string, Subscription[]>();
  /** `bus:` keeps these channels apart from those of earlier versions, whose messages had other shapes. */
  private readonly channelPrefix: string;
  /** Set once connected; from then on a new channel is subscribed as it is registered. */
  private subscriber: Redis | null = null;

  constructor(private readonly redis: RedisConnections) {
    this.channelPrefix = redis.key('bus:');
  }

  /** Subscribed before the app serves anyone, so nothing published after start-up is missed. */
  async onModuleInit(): Promise<void> {
    if (!this.redis.configured) return;
    const subscriber = this.redis.subscriber();
    subscriber.on('message', (channel: string, text: string) => this.receive(channel, text));
    await subscriber.connect();
    this.subscriber = subscriber;
    if (this.subscriptions.size) await subscriber.subscribe(...[...this.subscriptions.keys()].map((channel) => this.channelPrefix + channel));
  }

  /** Register in a constructor (before start-up) so the subscription exists before the first request. */
  subscribe(channel: string, handler: BusHandler, options: SubscribeOptions = {}): void {
    const subscription = { handler, includeOwn: options.includeOwn ?? false };
    const subscriptions = this.subscriptions.get(channel);
    if (subscriptions) return void subscriptions.push(subscription);
    this.subscriptions.set(channel, [subscription]);
    this.subscriber?.subscribe(this.channelPrefix + channel).catch((error: unknown) => this.logger.warn({ msg: 'bus channel not subscribed', channel, err: String(error) }));
  }

  /** Rejects when Redis cannot take the message; whether that matters is the caller's call. */
  async publish(channel: string, payload: unknown): Promise<void> {
    if (!this.redis.configured) return this.dispatch(channel, payload, true);
    // Own subscribers hear it back from Redis like everyone else, so each message is delivered once.
    await this.redis.command().publish(this.channelPrefix + channel, JSON.stringify({ from: this.instanceId, payload }));
  }

  private receive(redisChannel: string, text: string): void {
    const channel = redisChannel.slice(this.channelPrefix.length);
    let message: { from?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return this.logger.warn({ msg: 'unreadable bus message', channel });
    }
    this.dispatch(channel, message.payload, message.from === this.instanceId);
  }

  private dispatch(channel: string, payload: unknown, own: boolean): void {
    for (const { handler, includeOwn } of this.subscriptions.get(channel) ?? []) {
      if (own && !includeOwn) continue;
      try {
        handler(payload);
      } catch (error) {
        // One failing subscriber must not keep the message from the others.
        this.logger.error({ msg: 'bus handler failed', channel, err: String(error) });
      }
    }
  }
}
