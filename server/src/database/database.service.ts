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

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.embedded) return this.dataSource.transaction(work);
    const run = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = run.catch(() => undefined);
    return run;
  }
}
