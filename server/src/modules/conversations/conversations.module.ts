import { Module } from '@nestjs/common';
import { AuthGuard } from '../../common/auth/auth.guard';
import { AuthModule } from '../auth/auth.module';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { RealtimeBus } from './realtime-bus';
import { RealtimeGateway } from './realtime.gateway';

@Module({
  imports: [AuthModule],
  controllers: [ConversationsController],
  providers: [
    ConversationsService,
    RealtimeGateway,
    // The socket handshake runs the HTTP guard itself.
    AuthGuard,
    RealtimeBus,
  ],
  exports: [ConversationsService, RealtimeBus],
})
export class ConversationsModule {}
