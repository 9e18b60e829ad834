import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ErrorCode, type OrderEvent } from '@hall-menu/shared';
import { Clock } from '../../common/clock';
import { JobScheduler } from '../../common/cluster/job-scheduler.service';
import { DomainError } from '../../common/errors/domain-error';
import { SYSTEM_ACTOR } from '../../common/transitions/transition.service';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DatabaseService } from '../../database/database.service';
import { Order } from './order.entity';
import { OrdersService } from './orders.service';

/**
 * Scheduled order jobs: expire orders nobody answered, confirm completed ones the hall did not confirm.
 * Each order moves through the guarded transition, so a second run (or a second server) changes nothing twice.
 */
@Injectable()
export class OrderJobsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OrderJobsService.name);
  private stop: () => void = () => undefined;

  constructor(
    private readonly jobs: JobScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseService,
    private readonly orders: OrdersService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.stop = this.jobs.every('order jobs', this.config.jobIntervalSeconds, () => this.runDue());
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** Runs every job once; returns how many orders each one moved. */
  async runDue(): Promise<{ expired: number; confirmed: number }> {
    const now = this.clock.now();
    // Query builder, not raw SQL: it converts the Date parameter for each driver.
    const due = async (where: string): Promise<number[]> =>
      (await this.db.manager.createQueryBuilder(Order, 'o').select('o.id').where(where, { now }).orderBy('o.id').take(500).getMany()).map((o) => o.id);
    const expired = await this.applyAll(await due("o.status IN ('pending', 'proposed') AND o.answer_deadline <= :now"), 'expire');
    const confirmed = await this.applyAll(await due("o.status = 'completed' AND o.confirm_deadline <= :now"), 'auto_confirm');
    if (expired + confirmed > 0) this.logger.log({ msg: 'order jobs ran', expired, confirmed });
    return { expired, confirmed };
  }

  private async applyAll(ids: number[], event: OrderEvent): Promise<number> {
    let moved = 0;
    for (const id of ids) {
      try {
        await this.orders.apply(id, event, SYSTEM_ACTOR);
        moved++;
      } catch (error) {
        // Someone answered (or another instance ran the job) between our query and the update.
        const raced = error instanceof DomainError && [ErrorCode.StaleState, ErrorCode.InvalidTransition, ErrorCode.Conflict].includes(error.code);
        if (!raced) throw error;
      }
    }
    return moved;
  }
}
