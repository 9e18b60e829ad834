import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SubscribeMessageSender } from './subscribe-message.sender';
import { SubscribeTriggersService } from './subscribe-triggers.service';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';

@Module({
  imports: [AuthModule],
  controllers: [SubscriptionsController],
  providers: [SubscriptionsService, SubscribeMessageSender, SubscribeTriggersService],
  exports: [SubscribeMessageSender],
})
export class SubscriptionsModule {}
