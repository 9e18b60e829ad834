import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { statsQuerySchema, type RegionStatsDto, type StatsQuery, type StatsReportDto } from '@hall-menu/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { reportDocx, statsCsv, statsXlsx } from './stats-export';
import { buildReport } from './stats-report';
import { StatsService } from './stats.service';

/** `attachment` with an ASCII fallback name and the Chinese name for browsers that read RFC 5987. */
const attachment = (ascii: string, chinese: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;

@ApiTags('stats')
@ApiBearerAuth()
@Roles('reviewer', 'admin')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  /** 社会评价 for a region (default: the reviewer's own) and a period: `?regionCode=&from=&to=`. */
  @Get()
  get(@CurrentUser() user: AuthUser, @Query(new ZodPipe(statsQuerySchema)) query: StatsQuery): Promise<RegionStatsDto> {
    return this.stats.forRegion(user, query);
  }

  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', attachment('hall-menu-stats.csv', '礼堂点单统计.csv'))
  async csv(@CurrentUser() user: AuthUser, @Query(new ZodPipe(statsQuerySchema)) query: StatsQuery): Promise<string> {
    return statsCsv(await this.stats.forRegion(user, query));
  }

  @Get('export.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', attachment('hall-menu-stats.xlsx', '礼堂点单统计.xlsx'))
  async xlsx(@CurrentUser() user: AuthUser, @Query(new ZodPipe(statsQuerySchema)) query: StatsQuery): Promise<Buffer> {
    return statsXlsx(await this.stats.forRegion(user, query));
  }

  /** The period report (工作小结) as text filled with the figures. */
  @Get('report')
  async report(@CurrentUser() user: AuthUser, @Query(new ZodPipe(statsQuerySchema)) query: StatsQuery): Promise<StatsReportDto> {
    return buildReport(await this.stats.forRegion(user, query));
  }

  /** The same report as a Word document, with the key tables. */
  @Get('report.docx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  async reportDocx(@CurrentUser() user: AuthUser, @Query(new ZodPipe(statsQuerySchema)) query: StatsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const report = buildReport(await this.stats.forRegion(user, query));
    void reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('Content-Disposition', attachment('hall-menu-report.docx', `${report.title}.docx`));
    return reportDocx(report);
  }
}
