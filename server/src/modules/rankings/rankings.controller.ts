import { Body, Controller, Delete, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  commendationInputSchema,
  commendationQuerySchema,
  idParamSchema,
  rankingQuerySchema,
  reasonSchema,
  type CommendationDto,
  type CommendationInput,
  type CommendationQuery,
  type HistoryEntryDto,
  type Paged,
  type RankingDto,
  type RankingQuery,
  type ReasonInput,
} from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { RankingsService } from './rankings.service';

@ApiTags('rankings')
@ApiBearerAuth()
@Roles('reviewer', 'admin')
@Controller('rankings')
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  /** `?year=2026&kind=project|provider|hall&regionCode=&limit=`: the year's ranking in the reviewer's region. */
  @Get()
  ranking(@CurrentUser() user: AuthUser, @Query(new ZodPipe(rankingQuerySchema)) query: RankingQuery): Promise<RankingDto> {
    return this.rankings.ranking(user, query);
  }

  /** Marks (品牌项目, 表彰), newest year first; `?year=&kind=&status=&page=&pageSize=`. */
  @Get('commendations')
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(commendationQuerySchema)) query: CommendationQuery): Promise<Paged<CommendationDto>> {
    return this.rankings.list(user, query);
  }

  /** 评为品牌项目 / 表彰 (or restores a revoked mark). Send a fresh `Idempotency-Key` per mark and the same one on retries. */
  @Post('commendations')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8–64 letters, digits, - or _; the same key returns the same mark' })
  mark(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(commendationInputSchema)) body: CommendationInput,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<CommendationDto> {
    return this.rankings.mark(user, body, idempotencyKey);
  }

  /** Revokes a mark; body `{ reason }` is required. The record stays, revoked. */
  @Delete('commendations/:id')
  revoke(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number, @Body(new ZodPipe(reasonSchema)) body: ReasonInput): Promise<CommendationDto> {
    return this.rankings.revoke(user, id, body.reason);
  }

  @Get('commendations/:id/history')
  history(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<HistoryEntryDto[]> {
    return this.rankings.history(user, id);
  }
}
