import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

/**
 * The process's Redis connections, the only place that opens any: one for commands (counters, leases, PUBLISH) and
 * one in subscriber mode, which can do nothing else. Each is created on first use and closed at shutdown. Without
 * REDIS_URL `configured` is false and callers keep their state in the process.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnections.name);
  private readonly url: string | null;
  private readonly keyPrefix: string;
  private commandConnection: Redis | null = null;
  private subscriberConnection: Redis | null = null;
  private closed = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.url = config.redis?.url ?? null;
    this.keyPrefix = config.redis?.keyPrefix ?? 'hall-menu:';
  }

  get configured(): boolean {
    return this.url !== null;
  }

  /** A key (or channel) in this deployment's namespace: REDIS_KEY_PREFIX keeps deployments sharing a Redis apart. */
  key(name: string): string {
    return this.keyPrefix + name;
  }

  /** Connects on its first command. */
  command(): Redis {
    return (this.commandConnection ??= this.open('command'));
  }

  /** Not connected yet: the bus connects it at start-up, so an unreachable Redis stops the start. */
  subscriber(): Redis {
    return (this.subscriberConnection ??= this.open('subscriber'));
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([this.commandConnection?.quit(), this.subscriberConnection?.quit()]);
  }

  private open(role: 'command' | 'subscriber'): Redis {
    if (!this.url) throw new Error('REDIS_URL is not set');
    // Late work (an after-commit push) must not reopen what shutdown closed.
    if (this.closed) throw new Error('Redis connections are closed');
    const connection = new Redis(this.url, {
      lazyConnect: true,
      // A command fails after two reconnect attempts while Redis is down, so callers fail open within a moment.
      maxRetriesPerRequest: 2,
      // Shows in CLIENT LIST which deployment and which of the two a connection is; Redis refuses names with spaces.
      connectionName: this.key(role).replace(/[^\x21-\x7e]/g, '_'),
    });
    connection.on('error', (error: unknown) => this.logger.warn({ msg: 'redis connection problem', connection: role, err: String(error) }));
    return connection;
  }
}
