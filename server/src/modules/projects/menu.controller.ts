import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { menuQuerySchema, type MenuQuery } from '@hall-menu/shared';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { MenuService } from './menu.service';

@ApiTags('menu')
@Public()
@Controller('menu')
export class MenuController {
  constructor(private readonly menu: MenuService) {}

  /** The most read answer of the platform: sent as the cached page's own bytes, with their ETag (see MenuCacheService). */
  @Get()
  @ApiOkResponse({ description: 'Paged<MenuItemDto>: one page of published projects' })
  async list(@Query(new ZodPipe(menuQuerySchema)) query: MenuQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const page = await this.menu.list(query);
    void reply.type('application/json; charset=utf-8').header('ETag', page.etag);
    return page.json;
  }
}
