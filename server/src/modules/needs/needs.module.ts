import { Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { OrdersModule } from '../orders/orders.module';
import { ProjectsModule } from '../projects/projects.module';
import { NeedsController } from './needs.controller';
import { NeedsService } from './needs.service';

/** Expires needs whose period has ended. */
@Injectable()
export class NeedJobsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(NeedJobsService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly needs: NeedsService,
  ) {}

  onModuleInit(): void {
    if (this.config.jobIntervalSeconds === 0) return;
    this.timer = setInterval(() => {
      this.needs.expireEnded().catch((error: unknown) => this.logger.error({ msg: 'need expiry failed', err: String(error) }));
    }, this.config.jobIntervalSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

@Module({
  imports: [OrdersModule, ProjectsModule],
  controllers: [NeedsController],
  providers: [NeedsService, NeedJobsService],
})
export class NeedsModule {}
