import { Module } from '@nestjs/common';
import { MenuCacheService } from './menu-cache.service';
import { MenuController } from './menu.controller';
import { MenuService } from './menu.service';
import { ProjectViewsService } from './project-views.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({
  controllers: [ProjectsController, ReviewsController, MenuController],
  providers: [ProjectsService, ReviewsService, MenuService, ProjectViewsService, MenuCacheService],
  exports: [ProjectsService, MenuService, ProjectViewsService, MenuCacheService],
})
export class ProjectsModule {}
