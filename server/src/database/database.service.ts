import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way to run a transaction. The embedded sql.js database has a single connection that
 * cannot nest transactions, so there transactions are queued; MySQL runs them concurrently.
 */
@Injectable()
export class DatabaseService {
  private queue: Promise<unknown> = Promise.resolve();
  readonly embedded: boolean;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.embedded = dataSource.options.type === 'sqljs';
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
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
