import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { statsQuerySchema, type RegionStatsDto, type StatsQuery } from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@Roles('reviewer', 'admin')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  /** 社会评价 for a region (default: the reviewer's own) and a period. */
  @Get()
  get(@CurrentUser() user: AuthUser, @Query(new ZodPipe(statsQuerySchema)) query: StatsQuery): Promise<RegionStatsDto> {
    return this.stats.forRegion(user, query);
  }

  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="hall-menu-stats.csv"')
  csv(@CurrentUser() user: AuthUser, @Query(new ZodPipe(statsQuerySchema)) query: StatsQuery): Promise<string> {
    return this.stats.csv(user, query);
  }
}
