import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  eventRatingSchema,
  hallRatesProviderSchema,
  idParamSchema,
  lowScoresQuerySchema,
  providerRatesHallSchema,
  reasonSchema,
  scoresQuerySchema,
  type EventRatingDto,
  type EventRatingInput,
  type LowScoresDto,
  type LowScoresQuery,
  type OrderRatingDto,
  type OrderRatingInput,
  type ReasonInput,
  type ScoreSummary,
  type ScoresQuery,
} from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { RatingsService } from './ratings.service';

@ApiTags('ratings')
@Controller()
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @ApiBearerAuth()
  @Roles('villager')
  @Post('events/:id/rating')
  rate(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(eventRatingSchema)) body: EventRatingInput): Promise<EventRatingDto> {
    return this.ratings.rateEvent(user, id, body);
  }

  @ApiBearerAuth()
  @Roles('villager')
  @Put('events/:id/rating')
  update(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(eventRatingSchema)) body: EventRatingInput): Promise<EventRatingDto> {
    return this.ratings.updateEventRating(user, id, body);
  }

  @Public()
  @Get('events/:id/ratings')
  list(@Param('id', new ZodPipe(idParamSchema)) id: number): Promise<EventRatingDto[]> {
    return this.ratings.eventRatings(id);
  }

  @ApiBearerAuth()
  @Roles('reviewer', 'admin')
  @Post('event-ratings/:id/hide')
  hide(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(reasonSchema)) body: ReasonInput): Promise<EventRatingDto> {
    return this.ratings.hideEventRating(user, id, body.reason);
  }

  /** The hall's manager rates the provider's service. */
  @ApiBearerAuth()
  @Roles('hall_manager')
  @Post('orders/:id/ratings/hall')
  rateProvider(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(hallRatesProviderSchema)) body: OrderRatingInput): Promise<OrderRatingDto> {
    return this.ratings.rateOrder(user, id, 'hall', body);
  }

  /** The provider rates the hall's organisation and turnout. */
  @ApiBearerAuth()
  @Roles('provider')
  @Post('orders/:id/ratings/provider')
  rateHall(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(providerRatesHallSchema)) body: OrderRatingInput): Promise<OrderRatingDto> {
    return this.ratings.rateOrder(user, id, 'provider', body);
  }

  /** Both sides' ratings of an order (hidden ones included, marked). */
  @ApiBearerAuth()
  @Get('orders/:id/ratings')
  orderRatings(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<OrderRatingDto[]> {
    return this.ratings.orderRatings(user, id);
  }

  @ApiBearerAuth()
  @Roles('reviewer', 'admin')
  @Post('order-ratings/:id/hide')
  hideOrderRating(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(reasonSchema)) body: ReasonInput): Promise<OrderRatingDto> {
    return this.ratings.hideOrderRating(user, id, body.reason);
  }

  /**
   * Scores of projects, providers or halls (a hall's comes from its providers' ratings of organisation and turnout),
   * keyed by id; anyone signed in, e.g. a provider weighing an order from a hall.
   */
  @ApiBearerAuth()
  @Get('scores')
  scores(@Query(new ZodPipe(scoresQuerySchema)) query: ScoresQuery): Promise<Record<number, ScoreSummary>> {
    return this.ratings.scoresOf(query.subject, query.ids);
  }

  /** Low-rated projects of the reviewer's region (评分预警). */
  @ApiBearerAuth()
  @Roles('reviewer', 'admin')
  @Get('reviews/low-scores')
  lowScores(@CurrentUser() user: AuthUser, @Query(new ZodPipe(lowScoresQuerySchema)) query: LowScoresQuery): Promise<LowScoresDto> {
    return this.ratings.lowScores(user, query);
  }
}
