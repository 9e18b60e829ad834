import { Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type UploadDto } from '@hall-menu/shared';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { detectImageType } from './image-type';

@ApiTags('uploads')
@ApiBearerAuth()
@Controller('uploads')
export class UploadsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** One photo per request (multipart field `file`), stored under a generated name; returns its URL. */
  @Post()
  @ApiConsumes('multipart/form-data')
  async upload(@Req() request: FastifyRequest): Promise<UploadDto> {
    const limitMb = Math.round(this.config.uploads.maxBytes / 1_048_576);
    if (!request.isMultipart()) throw new DomainError(ErrorCode.ValidationFailed, '请选择要上传的照片');
    const part = await request.file({ limits: { fileSize: this.config.uploads.maxBytes, files: 1 } });
    if (!part) throw new DomainError(ErrorCode.ValidationFailed, '请选择要上传的照片');
    let bytes: Buffer;
    try {
      bytes = await part.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new DomainError(ErrorCode.ValidationFailed, `照片不能超过 ${limitMb} MB，请压缩后再上传`, { maxBytes: this.config.uploads.maxBytes });
      }
      throw error;
    }
    const image = detectImageType(bytes);
    if (!image) throw new DomainError(ErrorCode.ValidationFailed, '只能上传 JPG、PNG、GIF 或 WEBP 格式的图片');
    const now = new Date();
    const folder = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    const name = `${randomUUID()}.${image.ext}`;
    await mkdir(path.join(this.config.uploads.dir, folder), { recursive: true });
    await writeFile(path.join(this.config.uploads.dir, folder, name), bytes);
    return { url: `/uploads/${folder}/${name}`, bytes: bytes.length, contentType: image.type };
  }
}
