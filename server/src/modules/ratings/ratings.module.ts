import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { EventRatingViewsService } from './event-rating-views.service';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';
import { ScoresService } from './scores.service';

@Module({
  imports: [ProjectsModule],
  controllers: [RatingsController],
  providers: [RatingsService, ScoresService, EventRatingViewsService],
  exports: [ScoresService, EventRatingViewsService],
})
export class RatingsModule {}
