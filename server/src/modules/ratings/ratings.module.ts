import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

@Module({ imports: [ProjectsModule], controllers: [RatingsController], providers: [RatingsService] })
export class RatingsModule {}
