import { Global, Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { NotificationPusher } from './notification-pusher';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Global()
@Module({
  // For the realtime bus: new notifications go out over the chat socket.
  imports: [ConversationsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationPusher],
  exports: [NotificationsService],
})
export class NotificationsModule {}
