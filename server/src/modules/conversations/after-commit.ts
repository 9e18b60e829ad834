import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Work = () => Promise<unknown>;

const pending = new WeakMap<QueryRunner, Work[]>();
const watched = new WeakSet<DataSource>();
const logger = new Logger('AfterCommit');

/** Runs the work queued on a transaction once it has committed; drops it when the transaction rolls back. */
const subscriber: EntitySubscriberInterface = {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint release inside a nested transaction is not the commit yet.
    if (event.queryRunner.isTransactionActive) return;
    const work = pending.get(event.queryRunner);
    pending.delete(event.queryRunner);
    work?.forEach(run);
  },
  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  },
};

function run(work: Work): void {
  // Not awaited: what runs after a commit (socket pushes, WeChat calls) must not hold up or fail the request.
  work().catch((error: unknown) => logger.error({ msg: 'after-commit work failed', err: String(error) }));
}

/**
 * Runs `work` after the transaction of `manager` commits, or at once when `manager` is not in a transaction.
 * Code that writes inside someone else's transaction (a transition listener) uses it to tell the outside world
 * only about what was really stored.
 */
export function afterCommit(manager: EntityManager, work: Work): void {
  const runner = manager.queryRunner;
  if (!runner || !runner.isTransactionActive) {
    setImmediate(() => run(work));
    return;
  }
  const dataSource = manager.connection;
  if (!watched.has(dataSource)) {
    watched.add(dataSource);
    dataSource.subscribers.push(subscriber);
  }
  pending.set(runner, [...(pending.get(runner) ?? []), work]);
}
