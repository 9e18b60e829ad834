import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  ErrorCode,
  hallExportQuerySchema,
  hallImportConfirmSchema,
  hallImportListQuerySchema,
  hallImportRowsQuerySchema,
  idParamSchema,
  type HallExportQuery,
  type HallImportConfirmInput,
  type HallImportDto,
  type HallImportListQuery,
  type HallImportRowsQuery,
  type HallImportSummaryDto,
  type Paged,
} from '@hall-menu/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { HallImportService, MAX_FILE_BYTES } from './hall-import.service';
import type { SheetFormat } from './sheet';

const CONTENT_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A download with its Chinese name (RFC 6266 `filename*`) and an ASCII fallback. */
function download(reply: FastifyReply, format: SheetFormat, asciiName: string, name: string): void {
  reply
    .header('Content-Type', CONTENT_TYPES[format])
    .header('Content-Disposition', `attachment; filename="${asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`);
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin', 'reviewer')
@Controller('admin')
export class HallImportController {
  constructor(private readonly imports: HallImportService) {}

  /** Uploads a CSV or XLSX (multipart field `file`) and answers the preview; nothing is written to halls. */
  @Post('hall-imports')
  @ApiConsumes('multipart/form-data')
  async preview(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest): Promise<HallImportDto> {
    const limitMb = MAX_FILE_BYTES / 1_048_576;
    if (!request.isMultipart()) throw new DomainError(ErrorCode.ValidationFailed, '请选择要导入的 Excel（.xlsx）或 CSV 文件');
    const part = await request.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
    if (!part) throw new DomainError(ErrorCode.ValidationFailed, '请选择要导入的 Excel（.xlsx）或 CSV 文件');
    let bytes: Buffer;
    try {
      bytes = await part.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new DomainError(ErrorCode.ValidationFailed, `文件不能超过 ${limitMb} MB，请分成几个文件导入`, { maxBytes: MAX_FILE_BYTES });
      }
      throw error;
    }
    return this.imports.preview(user, part.filename, bytes);
  }

  /** Past uploads, newest first: who, when, which file, the counts and how it was confirmed. */
  @Get('hall-imports')
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(hallImportListQuerySchema)) query: HallImportListQuery): Promise<Paged<HallImportSummaryDto>> {
    return this.imports.list(user, query);
  }

  @Get('hall-imports/template.xlsx')
  async templateXlsx(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    download(reply, 'xlsx', 'hall-import-template', '礼堂导入模板');
    return this.imports.template('xlsx');
  }

  @Get('hall-imports/template.csv')
  async templateCsv(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    download(reply, 'csv', 'hall-import-template', '礼堂导入模板');
    return this.imports.template('csv');
  }

  /** The preview (or result) with its rows, paged, optionally only one kind of result. */
  @Get('hall-imports/:id')
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Query(new ZodPipe(hallImportRowsQuerySchema)) query: HallImportRowsQuery,
  ): Promise<HallImportDto> {
    return this.imports.get(user, id, query);
  }

  @Post('hall-imports/:id/confirm')
  @HttpCode(200)
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(hallImportConfirmSchema)) body: HallImportConfirmInput,
  ): Promise<HallImportDto> {
    return this.imports.confirm(user, id, body.mode);
  }

  @Get('halls/export.xlsx')
  async exportXlsx(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(hallExportQuerySchema)) query: HallExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.imports.export(user, 'xlsx', query.region);
    download(reply, 'xlsx', 'halls', '礼堂名单');
    return file;
  }

  @Get('halls/export.csv')
  async exportCsv(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(hallExportQuerySchema)) query: HallExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.imports.export(user, 'csv', query.region);
    download(reply, 'csv', 'halls', '礼堂名单');
    return file;
  }
}
