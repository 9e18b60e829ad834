import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { RankingsController } from './rankings.controller';
import { RankingsService } from './rankings.service';

@Module({ imports: [ProjectsModule], controllers: [RankingsController], providers: [RankingsService] })
export class RankingsModule {}
