import { Module } from '@nestjs/common';
import { RatingsModule } from '../ratings/ratings.module';
import { ReservationJobsService } from './reservation-jobs.service';
import { ReservationsController } from './reservations.controller';
import { ReservationsService } from './reservations.service';

@Module({
  imports: [RatingsModule],
  controllers: [ReservationsController],
  providers: [ReservationsService, ReservationJobsService],
  exports: [ReservationsService],
})
export class ReservationsModule {}
