import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  checkInSchema,
  villageChoiceSchema,
  eventSeatsSchema,
  eventListQuerySchema,
  idParamSchema,
  proxyReserveSchema,
  reasonSchema,
  reserveSchema,
  walkInSchema,
  type CheckInInput,
  type CheckInResultDto,
  type EventDetailDto,
  type EventListQuery,
  type HallEventDto,
  type Paged,
  type ProxyReserveInput,
  type ReasonInput,
  type ReservationDto,
  type ReserveInput,
  type WalkInInput,
} from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, OptionalUser, Public, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { ReservationsService } from './reservations.service';

@ApiTags('events')
@Controller()
export class ReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  /** 活动: upcoming events at my halls (followed + my village's), or at one hall; all halls when not signed in. */
  @Public()
  @Get('events')
  upcoming(@OptionalUser() viewer: AuthUser | null, @Query(new ZodPipe(eventListQuerySchema)) query: EventListQuery): Promise<Paged<HallEventDto>> {
    return this.reservations.upcoming(viewer, query);
  }

  @Public()
  @Get('events/:id')
  detail(@OptionalUser() viewer: AuthUser | null, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<EventDetailDto> {
    return this.reservations.eventDetail(viewer, id);
  }

  @ApiBearerAuth()
  @Roles('villager')
  @Post('events/:id/reservations')
  reserve(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(reserveSchema)) body: ReserveInput): Promise<ReservationDto> {
    return this.reservations.reserve(user, id, body.seats);
  }

  @ApiBearerAuth()
  @Roles('hall_manager')
  @Post('events/:id/proxy-reservations')
  reserveFor(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(proxyReserveSchema)) body: ProxyReserveInput,
  ): Promise<ReservationDto> {
    return this.reservations.reserveFor(user, id, body);
  }

  @ApiBearerAuth()
  @Roles('hall_manager')
  @Post('events/:id/check-ins')
  @HttpCode(200)
  checkIn(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(checkInSchema)) body: CheckInInput): Promise<CheckInResultDto> {
    return this.reservations.checkIn(user, id, body.code);
  }

  /** Seats open to villagers (the hall's seats unless the manager lowers it). */
  @ApiBearerAuth()
  @Roles('hall_manager')
  @Put('events/:id/seats')
  setSeats(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(eventSeatsSchema)) body: { seats: number }): Promise<EventDetailDto> {
    return this.reservations.setSeats(user, id, body.seats);
  }

  @ApiBearerAuth()
  @Roles('hall_manager')
  @Post('events/:id/walk-ins')
  @HttpCode(200)
  walkIns(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(walkInSchema)) body: WalkInInput): Promise<EventDetailDto> {
    return this.reservations.addWalkIns(user, id, body.count);
  }

  @ApiBearerAuth()
  @Get('reservations/mine')
  mine(@CurrentUser() user: AuthUser): Promise<ReservationDto[]> {
    return this.reservations.mine(user);
  }

  @ApiBearerAuth()
  @Get('reservations/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<ReservationDto> {
    return this.reservations.get(user, id);
  }

  @ApiBearerAuth()
  @Post('reservations/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(reasonSchema)) body: ReasonInput): Promise<ReservationDto> {
    return this.reservations.cancel(user, id, body.reason);
  }

  /** The halls whose events a villager sees: their own village's and the ones they follow. */
  @ApiBearerAuth()
  @Get('me/halls')
  myHalls(@CurrentUser() user: AuthUser): Promise<{ villageHallIds: number[]; followedHallIds: number[] }> {
    return this.reservations.hallsOf(user);
  }

  /** A villager says which village they live in (chosen by region search in the mini-program). */
  @ApiBearerAuth()
  @Roles('villager')
  @Put('me/village')
  setVillage(@CurrentUser() user: AuthUser, @Body(new ZodPipe(villageChoiceSchema)) body: { villageCode: string }): Promise<{ villageHallIds: number[]; followedHallIds: number[] }> {
    return this.reservations.setVillage(user, body.villageCode);
  }

  @ApiBearerAuth()
  @Post('halls/:id/follow')
  @HttpCode(200)
  follow(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<number[]> {
    return this.reservations.follow(user, id, true);
  }

  @ApiBearerAuth()
  @Delete('halls/:id/follow')
  unfollow(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<number[]> {
    return this.reservations.follow(user, id, false);
  }
}
