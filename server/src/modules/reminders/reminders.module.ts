import { Module } from '@nestjs/common';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { RemindersService } from './reminders.service';

@Module({ imports: [SubscriptionsModule], providers: [RemindersService], exports: [RemindersService] })
export class RemindersModule {}
