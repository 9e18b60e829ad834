import { Module } from '@nestjs/common';
import { AuthGuard } from '../../common/auth/auth.guard';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuthModule } from '../auth/auth.module';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { InProcessRealtimeBus, RealtimeBus, RedisRealtimeBus } from './realtime-bus';
import { RealtimeGateway } from './realtime.gateway';

@Module({
  imports: [AuthModule],
  controllers: [ConversationsController],
  providers: [
    ConversationsService,
    RealtimeGateway,
    // The socket handshake runs the HTTP guard itself.
    AuthGuard,
    {
      provide: RealtimeBus,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RealtimeBus =>
        config.redis ? new RedisRealtimeBus(config.redis.url, config.redis.keyPrefix) : new InProcessRealtimeBus(),
    },
  ],
  exports: [ConversationsService],
})
export class ConversationsModule {}
