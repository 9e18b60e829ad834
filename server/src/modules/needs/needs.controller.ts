import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  idParamSchema,
  needInputSchema,
  needListQuerySchema,
  needResponseSchema,
  reasonSchema,
  type NeedDto,
  type NeedInput,
  type NeedListQuery,
  type NeedMatchDto,
  type NeedResponseInput,
  type OrderDto,
  type Paged,
  type ReasonInput,
  type SuggestionDto,
} from '@hall-menu/shared';
import { z } from 'zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, OptionalUser, Public, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { NeedsService } from './needs.service';

const orderSuggestionSchema = z.object({ projectId: z.number({ required_error: '请选择项目' }).int().positive() });

@ApiTags('needs')
@Controller('needs')
export class NeedsController {
  constructor(private readonly needs: NeedsService) {}

  @ApiBearerAuth()
  @Roles('hall_manager')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(needInputSchema)) body: NeedInput): Promise<NeedDto> {
    return this.needs.create(user, body);
  }

  /** Signed in: my halls' and my village's needs; otherwise open needs everywhere (or of one hall). */
  @Public()
  @Get()
  list(@OptionalUser() viewer: AuthUser | null, @Query(new ZodPipe(needListQuerySchema)) query: NeedListQuery): Promise<Paged<NeedDto>> {
    return this.needs.list(viewer, query);
  }

  /** For providers: open needs in their service area, best fit first, with reasons. */
  @ApiBearerAuth()
  @Roles('provider')
  @Get('board')
  board(@CurrentUser() user: AuthUser): Promise<NeedMatchDto[]> {
    return this.needs.board(user);
  }

  @Public()
  @Get(':id')
  get(@OptionalUser() viewer: AuthUser | null, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<NeedDto> {
    return this.needs.get(viewer, id);
  }

  @ApiBearerAuth()
  @Roles('villager')
  @Post(':id/upvote')
  @HttpCode(200)
  upvote(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<NeedDto> {
    return this.needs.upvote(user, id);
  }

  @ApiBearerAuth()
  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(reasonSchema)) body: ReasonInput): Promise<NeedDto> {
    return this.needs.close(user, id, body.reason);
  }

  @ApiBearerAuth()
  @Roles('hall_manager')
  @Get(':id/suggestions')
  suggestions(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<SuggestionDto[]> {
    return this.needs.suggestions(user, id);
  }

  /** Orders a suggested project for the need's period in one step; send an `Idempotency-Key`. */
  @ApiBearerAuth()
  @Roles('hall_manager')
  @Post(':id/order')
  orderSuggestion(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body(new ZodPipe(orderSuggestionSchema)) body: { projectId: number },
  ): Promise<OrderDto> {
    return this.needs.orderSuggestion(user, id, body.projectId, idempotencyKey);
  }

  @ApiBearerAuth()
  @Roles('provider')
  @Post(':id/responses')
  respond(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(needResponseSchema)) body: NeedResponseInput): Promise<NeedDto> {
    return this.needs.respond(user, id, body);
  }

  @ApiBearerAuth()
  @Roles('hall_manager')
  @Post(':id/responses/:responseId/accept')
  @HttpCode(200)
  accept(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Param('responseId', new ZodPipe(idParamSchema)) responseId: number,
  ): Promise<OrderDto> {
    return this.needs.acceptResponse(user, id, responseId);
  }

  @ApiBearerAuth()
  @Roles('hall_manager')
  @Post(':id/responses/:responseId/decline')
  @HttpCode(200)
  decline(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Param('responseId', new ZodPipe(idParamSchema)) responseId: number,
  ): Promise<NeedDto> {
    return this.needs.declineResponse(user, id, responseId);
  }
}
