import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { OrderJobsService } from './order-jobs.service';
import { OrderViewsService } from './order-views.service';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({
  controllers: [OrdersController, CalendarController],
  providers: [OrdersService, OrderViewsService, OrderJobsService, CalendarService],
  exports: [OrdersService, OrderJobsService],
})
export class OrdersModule {}
