import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { RealtimeFrame } from '@hall-menu/shared';
import { Redis } from 'ioredis';

/** A frame for some people; every server instance delivers it to the sockets of those people it holds. */
export interface RealtimeEnvelope {
  userIds: number[];
  frame: RealtimeFrame;
}

export type RealtimeHandler = (envelope: RealtimeEnvelope) => void;

/**
 * Fan-out between whoever stores a message and whoever holds the recipients' sockets. In one process that is a
 * function call; with several server instances it goes through Redis pub/sub so each instance hears every frame.
 */
export abstract class RealtimeBus {
  abstract publish(envelope: RealtimeEnvelope): Promise<void>;
  abstract onDeliver(handler: RealtimeHandler): void;
}

export class InProcessRealtimeBus extends RealtimeBus {
  private readonly handlers: RealtimeHandler[] = [];

  async publish(envelope: RealtimeEnvelope): Promise<void> {
    this.handlers.forEach((handler) => handler(envelope));
  }

  onDeliver(handler: RealtimeHandler): void {
    this.handlers.push(handler);
  }
}

/** Publishes on one channel and delivers what it hears, its own frames included (so each frame is delivered once). */
export class RedisRealtimeBus extends RealtimeBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisRealtimeBus.name);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channel: string;
  private readonly handlers: RealtimeHandler[] = [];

  constructor(url: string, keyPrefix: string) {
    super();
    this.channel = `${keyPrefix}realtime`;
    this.publisher = new Redis(url, { lazyConnect: true });
    // A connection in subscriber mode can do nothing else, hence two.
    this.subscriber = new Redis(url, { lazyConnect: true });
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: unknown) => this.logger.warn({ msg: 'redis connection problem', err: String(error) }));
    }
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      let envelope: RealtimeEnvelope;
      try {
        envelope = JSON.parse(text) as RealtimeEnvelope;
      } catch {
        return this.logger.warn({ msg: 'unreadable realtime frame on redis', channel });
      }
      this.handlers.forEach((handler) => handler(envelope));
    });
  }

  /** Subscribed before the app serves anyone, so no frame published after start-up is missed. */
  async onModuleInit(): Promise<void> {
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    await this.subscriber.subscribe(this.channel);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }

  async publish(envelope: RealtimeEnvelope): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(envelope));
  }

  onDeliver(handler: RealtimeHandler): void {
    this.handlers.push(handler);
  }
}
