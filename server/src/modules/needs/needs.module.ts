import { Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../../common/cluster/job-scheduler.service';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { OrdersModule } from '../orders/orders.module';
import { ProjectsModule } from '../projects/projects.module';
import { NeedsController } from './needs.controller';
import { NeedsService } from './needs.service';

/** Expires needs whose period has ended. */
@Injectable()
export class NeedJobsService implements OnModuleInit, OnApplicationShutdown {
  private stop: () => void = () => undefined;

  constructor(
    private readonly jobs: JobScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly needs: NeedsService,
  ) {}

  onModuleInit(): void {
    this.stop = this.jobs.every('need expiry', this.config.jobIntervalSeconds, () => this.needs.expireEnded());
  }

  onApplicationShutdown(): void {
    this.stop();
  }
}

@Module({
  imports: [OrdersModule, ProjectsModule],
  controllers: [NeedsController],
  providers: [NeedsService, NeedJobsService],
})
export class NeedsModule {}
