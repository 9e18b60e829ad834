import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RedisConnections } from '../redis/redis-connections';

/**
 * Runs scheduled jobs every N seconds (0 = never), logging failures instead of crashing; timers never keep the
 * process alive. With Redis configured, each tick first takes a lease on the job's name for most of the interval, so
 * of several instances only one runs a given tick. The jobs stay safe to run twice anyway (guarded updates, unique
 * reminder keys): the lease saves the work, correctness does not depend on it.
 */
@Injectable()
export class JobScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly instanceId = randomUUID();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly redis: RedisConnections) {}

  /** Starts a job; returns the function that stops it. */
  every(name: string, seconds: number, work: () => Promise<unknown>): () => void {
    if (seconds === 0) return () => undefined;
    const timer = setInterval(() => {
      void this.runTick(name, seconds, work);
    }, seconds * 1000);
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearInterval(timer);
      this.timers.delete(timer);
    };
  }

  /** One tick: skipped when another instance holds this tick's lease. Exposed for tests. */
  async runTick(name: string, seconds: number, work: () => Promise<unknown>): Promise<'ran' | 'skipped' | 'failed'> {
    try {
      if (!(await this.takeLease(name, seconds))) return 'skipped';
      await work();
      return 'ran';
    } catch (error) {
      this.logger.error({ msg: `${name} failed`, err: String(error) });
      return 'failed';
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearInterval(timer);
  }

  private async takeLease(name: string, seconds: number): Promise<boolean> {
    if (!this.redis.configured) return true;
    try {
      // Held for 90 % of the interval: the next tick, wherever it fires, can take it again.
      return (await this.redis.command().set(this.redis.key(`job-lease:${name}`), this.instanceId, 'PX', Math.max(1000, seconds * 900), 'NX')) === 'OK';
    } catch (error) {
      // Redis down: run anyway rather than stop every job; the jobs are idempotent.
      this.logger.warn({ msg: 'job lease unavailable, running without it', job: name, err: String(error) });
      return true;
    }
  }
}
