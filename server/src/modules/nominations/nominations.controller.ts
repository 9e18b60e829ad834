import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  idParamSchema,
  NOMINATION_EVENTS,
  nominationInputSchema,
  nominationQuerySchema,
  reasonSchema,
  type NominationDto,
  type NominationEvent,
  type NominationInput,
  type NominationQuery,
  type Paged,
  type ReasonInput,
} from '@hall-menu/shared';
import { z } from 'zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { NominationsService } from './nominations.service';

const nominationEventSchema = z.enum(NOMINATION_EVENTS, { errorMap: () => ({ message: '没有这个操作' }) });

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominationsController {
  constructor(private readonly nominations: NominationsService) {}

  /** A reviewer nominates a 村晚 programme into the menu. Send a fresh `Idempotency-Key` per nomination and the same one on retries. */
  @Roles('reviewer', 'admin')
  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8–64 letters, digits, - or _; the same key returns the same nomination' })
  nominate(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(nominationInputSchema)) body: NominationInput,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<NominationDto> {
    return this.nominations.nominate(user, body, idempotencyKey);
  }

  /** Nominations from the reviewer's region; `?status=&page=&pageSize=`. */
  @Roles('reviewer', 'admin')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(nominationQuerySchema)) query: NominationQuery): Promise<Paged<NominationDto>> {
    return this.nominations.list(user, query);
  }

  /**
   * Nominations for the caller's provider, or for a provider nobody acts for yet whose contact phone is the caller's
   * (any signed-in user: the performers' contact may not be a provider member yet).
   */
  @Get('mine')
  mine(@CurrentUser() user: AuthUser, @Query(new ZodPipe(nominationQuerySchema)) query: NominationQuery): Promise<Paged<NominationDto>> {
    return this.nominations.mine(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<NominationDto> {
    return this.nominations.get(user, id);
  }

  /** confirm or decline (provider side; decline needs a reason), withdraw (reviewer; needs a reason). */
  @Post(':id/actions/:event')
  @HttpCode(200)
  act(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Param('event', new ZodPipe(nominationEventSchema)) event: NominationEvent,
    @Body(new ZodPipe(reasonSchema)) body: ReasonInput,
  ): Promise<NominationDto> {
    return this.nominations.act(user, id, event, body.reason);
  }
}
