import { Module } from '@nestjs/common';
import { ReservationJobsService } from './reservation-jobs.service';
import { ReservationsController } from './reservations.controller';
import { ReservationsService } from './reservations.service';

@Module({
  controllers: [ReservationsController],
  providers: [ReservationsService, ReservationJobsService],
  exports: [ReservationsService],
})
export class ReservationsModule {}
