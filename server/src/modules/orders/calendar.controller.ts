import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { idParamSchema, monthQuerySchema, type CalendarEntryDto, type HallEventDto, type MonthQuery } from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { CalendarService } from './calendar.service';

@ApiTags('orders')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @ApiBearerAuth()
  @Roles('provider')
  @Get('calendar/provider')
  provider(@CurrentUser() user: AuthUser, @Query(new ZodPipe(monthQuerySchema)) query: MonthQuery): Promise<CalendarEntryDto[]> {
    return this.calendar.provider(user, query.month);
  }

  @ApiBearerAuth()
  @Get('calendar/halls/:hallId')
  hall(
    @CurrentUser() user: AuthUser,
    @Param('hallId', new ZodPipe(idParamSchema)) hallId: number,
    @Query(new ZodPipe(monthQuerySchema)) query: MonthQuery,
  ): Promise<CalendarEntryDto[]> {
    return this.calendar.hall(user, hallId, query.month);
  }

  /** What is coming to a hall: the events villagers can attend. */
  @Public()
  @Get('halls/:hallId/events')
  upcoming(@Param('hallId', new ZodPipe(idParamSchema)) hallId: number): Promise<HallEventDto[]> {
    return this.calendar.upcomingAtHall(hallId);
  }
}
