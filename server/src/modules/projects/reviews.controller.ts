import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  pageQuerySchema,
  reviewQueueQuerySchema,
  type Paged,
  type PageQuery,
  type ProjectDto,
  type ReviewQueueItemDto,
  type ReviewQueueQuery,
} from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { ReviewsService } from './reviews.service';

@ApiTags('projects')
@ApiBearerAuth()
@Roles('reviewer', 'admin')
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('queue')
  queue(@CurrentUser() user: AuthUser, @Query(new ZodPipe(reviewQueueQuerySchema)) query: ReviewQueueQuery): Promise<Paged<ReviewQueueItemDto>> {
    return this.reviews.queue(user, query);
  }

  @Get('suspended')
  suspended(@CurrentUser() user: AuthUser, @Query(new ZodPipe(pageQuerySchema)) query: PageQuery): Promise<Paged<ProjectDto>> {
    return this.reviews.suspended(user, query);
  }
}
