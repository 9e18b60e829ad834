import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  eventRatingSchema,
  hallRatesProviderSchema,
  idParamSchema,
  providerRatesHallSchema,
  reasonSchema,
  type EventRatingDto,
  type EventRatingInput,
  type OrderRatingDto,
  type OrderRatingInput,
  type ReasonInput,
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
}
