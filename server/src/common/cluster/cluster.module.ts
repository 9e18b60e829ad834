import { Global, Module } from '@nestjs/common';
import { ClusterEventsService } from './cluster-events.service';
import { JobScheduler } from './job-scheduler.service';

@Global()
@Module({ providers: [ClusterEventsService, JobScheduler], exports: [ClusterEventsService, JobScheduler] })
export class ClusterModule {}
