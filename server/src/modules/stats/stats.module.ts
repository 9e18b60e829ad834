import { Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../../common/cluster/job-scheduler.service';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { StatsController } from './stats.controller';
import { StatsRollupService } from './stats-rollup.service';
import { StatsService } from './stats.service';

/** Keeps the statistics rollups fresh between requests, so a request rarely has anything to rebuild. */
@Injectable()
export class StatsJobsService implements OnModuleInit, OnApplicationShutdown {
  private stop: () => void = () => undefined;

  constructor(
    private readonly jobs: JobScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: StatsRollupService,
  ) {}

  onModuleInit(): void {
    this.stop = this.jobs.every('statistics rollups', this.config.jobIntervalSeconds, () => this.rollups.refresh());
  }

  onApplicationShutdown(): void {
    this.stop();
  }
}

@Module({ controllers: [StatsController], providers: [StatsService, StatsRollupService, StatsJobsService], exports: [StatsRollupService] })
export class StatsModule {}
