import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ReservationsService } from './reservations.service';

/** Closes attendance of ended events: no-shows, lapsed waitlist places, suspensions. */
@Injectable()
export class ReservationJobsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ReservationJobsService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reservations: ReservationsService,
  ) {}

  onModuleInit(): void {
    if (this.config.jobIntervalSeconds === 0) return;
    this.timer = setInterval(() => {
      this.reservations
        .closeEndedEvents()
        .then((r) => r.events > 0 && this.logger.log({ msg: 'attendance closed', ...r }))
        .catch((error: unknown) => this.logger.error({ msg: 'attendance job failed', err: String(error) }));
    }, this.config.jobIntervalSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
