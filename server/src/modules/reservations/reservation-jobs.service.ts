import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../../common/cluster/job-scheduler.service';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ReservationsService } from './reservations.service';

/** Closes attendance of ended events: no-shows, lapsed waitlist places, suspensions. */
@Injectable()
export class ReservationJobsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ReservationJobsService.name);
  private stop: () => void = () => undefined;

  constructor(
    private readonly jobs: JobScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reservations: ReservationsService,
  ) {}

  onModuleInit(): void {
    this.stop = this.jobs.every('attendance job', this.config.jobIntervalSeconds, async () => {
      const closed = await this.reservations.closeEndedEvents();
      if (closed.events > 0) this.logger.log({ msg: 'attendance closed', ...closed });
    });
  }

  onApplicationShutdown(): void {
    this.stop();
  }
}
