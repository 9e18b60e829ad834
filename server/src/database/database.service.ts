import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way to run a transaction. The embedded sql.js database has a single connection that
 * cannot nest transactions, so there transactions are queued; MySQL runs them concurrently.
 */
@Injectable()
export class DatabaseService {
  private readonly logger = new Logger(DatabaseService.name);
  private queue: Promise<unknown> = Promise.resolve();
  readonly embedded: boolean;
  /** DATABASE_READ_URLS is set: there are replicas for `readReplica`. */
  readonly replicated: boolean;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.embedded = dataSource.options.type === 'sqljs';
    this.replicated = dataSource.driver.isReplicated;
  }

  /** The primary: every write and, by default, every read (a person sees what they just wrote). */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * Runs reads that may lag the primary by the replication delay (menu pages, statistics, rankings) on one
   * replica connection, or on the primary when there is no replica or none can be reached. Never for a read that
   * must see a write just made, and never inside a transaction: `work` gets a manager of its own.
   */
  async readReplica<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.replicated) return work(this.manager);
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      await runner.connect();
    } catch (error) {
      // A replica down costs the primary some load, not an error page.
      await runner.release();
      this.logger.warn({ msg: 'no read replica reachable; reading from the primary', err: String(error) });
      return work(this.manager);
    }
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  /**
   * On MySQL, READ COMMITTED: after a row lock (`lockRow`) a transaction sees what others committed
   * meanwhile, which the conflict checks rely on.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.embedded) return this.dataSource.transaction('READ COMMITTED', work);
    const run = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A time as a raw-SQL parameter: sql.js binds no Date, and TypeORM stores its times as UTC text there. */
  timeParam(date: Date): Date | string {
    return this.embedded ? date.toISOString().replace('T', ' ').replace('Z', '') : date;
  }

  /**
   * Locks a row until the transaction ends, so checks that span several rows (schedule conflicts) run one at a time
   * per provider or hall. Always lock providers before halls to avoid deadlocks. Embedded transactions are already serial.
   */
  async lockRow(manager: EntityManager, table: 'providers' | 'halls' | 'hall_events', id: number): Promise<void> {
    if (this.embedded) return;
    await manager.query(`SELECT id FROM ${table} WHERE id = ? FOR UPDATE`, [id]);
  }
}
