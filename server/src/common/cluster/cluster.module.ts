import { Global, Module } from '@nestjs/common';
import { RedisModule } from '../redis/redis.module';
import { ClusterBus } from './cluster-bus';
import { ClusterEventsService } from './cluster-events.service';
import { JobScheduler } from './job-scheduler.service';

@Global()
@Module({ imports: [RedisModule], providers: [ClusterBus, ClusterEventsService, JobScheduler], exports: [ClusterBus, ClusterEventsService, JobScheduler] })
export class ClusterModule {}
